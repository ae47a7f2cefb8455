import { AgencyIndex } from './agency-index';
import { CatalogError } from './catalog-error';
import { resolveAssignees, resolveSuccessor } from './resolve-successor';
import { fixtureDirectory } from './test-fixtures';

describe(AgencyIndex.name, () => {
  const { index: sut } = fixtureDirectory();
  const ids = (agencies: ReadonlyArray<{ id: string }>) => agencies.map((agency) => agency.id);

  it('expands an agency to itself and a group to its members, through nested groups, each once', () => {
    expect(ids(sut.expand('so-y-te'))).toEqual(['so-y-te']);
    expect(ids(sut.expand('cac-so-nganh'))).toEqual(['so-khcn', 'so-tttt', 'so-y-te']);
    expect(ids(sut.expand('cac-don-vi-dia-phuong'))).toEqual(['so-khcn', 'so-tttt', 'so-y-te', 'ubnd-huyen-dak-ha']);
    expect(ids(sut.expand(['so-y-te', 'cac-so-nganh']))).toEqual(['so-y-te', 'so-khcn', 'so-tttt']);
  });

  it('refuses an id the directory does not have', () => {
    expect(() => sut.expand('so-khcm')).toThrow(CatalogError);
  });

  it('names agencies and groups', () => {
    expect(sut.nameOf('so-y-te')).toBe('Sở Y tế tỉnh Kon Tum');
    expect(sut.nameOf('cac-so-nganh')).toBe('Các sở, ngành');
    expect(sut.nameOf('khong-co')).toBe('khong-co');
  });

  it('does not loop on a group cycle in an unvalidated directory', () => {
    const looped = new AgencyIndex({
      agencies: [],
      groups: [
        { id: 'a', name: 'A', aliases: [], members: ['b'] },
        { id: 'b', name: 'B', aliases: [], members: ['a'] },
      ],
      reorganisations: [],
    });
    expect(looped.expand('a')).toEqual([]);
  });
});

describe(resolveSuccessor.name, () => {
  const { index } = fixtureDirectory();

  it('keeps an agency that was never reorganised', () => {
    expect(resolveSuccessor(index, 'so-y-te', '2026-01-01')).toMatchObject({ agency: { id: 'so-y-te' }, chain: [] });
  });

  it('keeps a merged agency until the day before the merge, and gives its successor from that day', () => {
    expect(resolveSuccessor(index, 'so-tttt', '2025-02-28').agency?.id).toBe('so-tttt');
    const after = resolveSuccessor(index, 'so-tttt', '2025-03-01');
    expect(after.agency?.id).toBe('so-khcn');
    expect(after.chain).toMatchObject([{ kind: 'merge', effective: '2025-03-01' }]);
  });

  it('gives no successor for a dissolved agency, with the reason', () => {
    const result = resolveSuccessor(index, 'ubnd-huyen-dak-ha', '2025-07-01');
    expect(result).toMatchObject({
      agency: null,
      reason: 'Ủy ban nhân dân huyện Đăk Hà giải thể từ 2025-07-01, không có cơ quan kế thừa (Không tổ chức chính quyền cấp huyện)',
    });
  });

  it('follows a chain of merges and renames to its end', () => {
    const { directory } = fixtureDirectory();
    const chained = new AgencyIndex({
      ...directory,
      agencies: [...directory.agencies, { ...directory.agencies[1]!, id: 'so-khcn-qng', name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', aliases: [] }],
      reorganisations: [
        ...directory.reorganisations,
        { kind: 'rename', effective: '2025-07-01', from: ['so-khcn'], into: 'so-khcn-qng', note: null },
      ],
    });
    expect(resolveSuccessor(chained, 'so-tttt', '2025-06-30').agency?.id).toBe('so-khcn');
    const result = resolveSuccessor(chained, 'so-tttt', '2026-01-01');
    expect(result.agency?.id).toBe('so-khcn-qng');
    expect(result.chain.map((event) => event.kind)).toEqual(['merge', 'rename']);
  });

  it('refuses a group or an unknown id', () => {
    expect(() => resolveSuccessor(index, 'cac-so-nganh', '2025-01-01')).toThrow(/is a group/);
    expect(() => resolveSuccessor(index, 'khong-co', '2025-01-01')).toThrow(/not in the directory/);
  });
});

describe(resolveAssignees.name, () => {
  const { index } = fixtureDirectory();

  it('expands groups, follows successors and sets dissolved agencies apart', () => {
    const result = resolveAssignees(index, ['cac-don-vi-dia-phuong'], '2025-08-01');
    expect(result.agencies.map((agency) => agency.id)).toEqual(['so-khcn', 'so-y-te']);
    expect(result.dissolved.map((entry) => entry.id)).toEqual(['ubnd-huyen-dak-ha']);
  });
});
