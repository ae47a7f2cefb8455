import { quoteSchemaName } from './schema-name';
import { uniqueSchemaName } from './testing';

describe(uniqueSchemaName.name, () => {
  it('makes valid, distinct schema names from any label', () => {
    const names = ['Plan versions', '', '---', 'x'.repeat(100), 'Đôn Đốc'].map(uniqueSchemaName);
    for (const name of names) expect(() => quoteSchemaName(name)).not.toThrow();
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^t_plan_versions_/);
  });
});
