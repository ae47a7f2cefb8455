import { PageTokens } from './page-token';

describe(PageTokens.name, () => {
  const sut = new PageTokens('k'.repeat(32));
  const query = "WorkflowType = 'taskWorkflow'";

  it('gives back the token it sealed for the same query', () => {
    const sealed = sut.seal(query, Buffer.from([1, 2, 3]));
    expect(sut.open(query, sealed)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('refuses garbage, another query, a tampered token and another key', () => {
    const sealed = sut.seal(query, Buffer.from([1, 2, 3]));
    expect(sut.open(query, 'AAAA')).toBeNull();
    expect(sut.open(`${query} AND DondocPlan = 'x'`, sealed)).toBeNull();
    expect(sut.open(query, `AQID${sealed.slice(4)}`.replace(/^AQID/, 'AQIE'))).toBeNull();
    expect(new PageTokens('j'.repeat(32)).open(query, sealed)).toBeNull();
  });
});
