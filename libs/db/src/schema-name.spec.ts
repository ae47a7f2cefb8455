import { InvalidSchemaNameError, quoteSchemaName } from './schema-name';

describe(quoteSchemaName.name, () => {
  it('quotes a plain identifier', () => {
    expect(quoteSchemaName('t_plans_1')).toBe('"t_plans_1"');
  });

  it.each(['', '1abc', 'Public', 'a-b', 'x"; drop schema public; --', 'a'.repeat(64)])('rejects %j', (name) => {
    expect(() => quoteSchemaName(name)).toThrow(InvalidSchemaNameError);
  });
});
