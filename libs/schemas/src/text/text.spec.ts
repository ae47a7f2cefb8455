import { editDistance } from './edit-distance';
import { foldVietnamese, normaliseName, slugVietnamese } from './fold-vietnamese';
import { suggestClosest, suggestWord } from './suggest';

describe(foldVietnamese.name, () => {
  it('removes diacritics, including đ, from precomposed and decomposed text', () => {
    expect(foldVietnamese('Đường  Hằng NĂM')).toBe('duong hang nam');
    expect(foldVietnamese('Hằng năm'.normalize('NFD'))).toBe('hang nam');
    expect(slugVietnamese('Sở KH&CN')).toBe('so-kh-cn');
    expect(normaliseName(' Sở  Y TẾ ')).toBe('sở y tế');
  });
});

describe(editDistance.name, () => {
  it('counts insertions, deletions, substitutions and neighbour swaps', () => {
    expect(editDistance('deadline', 'deadline')).toBe(0);
    expect(editDistance('deadlline', 'deadline')).toBe(1);
    expect(editDistance('deadlnie', 'deadline')).toBe(1);
    expect(editDistance('so-khcm', 'so-khcn')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe(suggestClosest.name, () => {
  const candidates = [
    { key: 'so-khcn', value: 'so-khcn' },
    { key: 'Sở Khoa học và Công nghệ', value: 'so-khcn' },
    { key: 'so-y-te', value: 'so-y-te' },
  ];

  it('finds a typo, an alias and a spelling without diacritics', () => {
    expect(suggestClosest('so-khcm', candidates)).toBe('so-khcn');
    expect(suggestClosest('Sở Khoa học và Công nghệ', candidates)).toBe('so-khcn');
    expect(suggestClosest('so khoa hoc va cong nghe', candidates)).toBe('so-khcn');
    expect(suggestClosest('so-yte', candidates)).toBe('so-y-te');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(suggestClosest('cong-an-tinh', candidates)).toBeNull();
    expect(suggestWord('', ['a'])).toBeNull();
  });
});
