import { isUniqueViolation } from './unique-violation';

describe(isUniqueViolation.name, () => {
  const error = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'plan_versions_pkey' });

  it('recognises a unique violation, optionally of one constraint', () => {
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'plan_versions_pkey')).toBe(true);
    expect(isUniqueViolation(error, 'other')).toBe(false);
  });

  it('rejects other errors and non-errors', () => {
    expect(isUniqueViolation(Object.assign(new Error('x'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
