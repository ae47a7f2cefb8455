import { escapeLike } from './delivery-log.repository';

describe(escapeLike.name, () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('task/kh_1/50%\\')).toBe('task/kh\\_1/50\\%\\\\');
  });
});
