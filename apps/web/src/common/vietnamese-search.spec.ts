import { foldVietnamese, matchesSearch } from './vietnamese-search';

describe(matchesSearch.name, () => {
  it('finds "Sở KH&CN" from "so khcn" and from "SỞ KH CN"', () => {
    expect(matchesSearch('Sở KH&CN tỉnh Quảng Ngãi', 'so khcn')).toBe(true);
    expect(matchesSearch('Sở KH&CN tỉnh Quảng Ngãi', 'SỞ KH CN')).toBe(true);
  });

  it('folds đ and decomposed marks (NFD input) alike', () => {
    expect(foldVietnamese('Đôn Đốc')).toBe('don doc');
    expect(matchesSearch('Ủy ban nhân dân'.normalize('NFD'), 'uy ban')).toBe(true);
  });

  it('needs every word', () => {
    expect(matchesSearch('Sở Tài chính', 'so khcn')).toBe(false);
  });
});
