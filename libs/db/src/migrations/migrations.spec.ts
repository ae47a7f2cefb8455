import { migrations } from './index';

describe('migrations', () => {
  const names = Object.keys(migrations);

  it('are numbered 0001, 0002, … without gaps, in file-name form', () => {
    names.forEach((name, index) => {
      expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(name.slice(0, 4)).toBe(String(index + 1).padStart(4, '0'));
    });
  });

  it('each have an up step', () => {
    for (const migration of Object.values(migrations)) expect(typeof migration.up).toBe('function');
  });
});
