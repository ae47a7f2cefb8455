import { documentNumberSchema } from '../guidance/guidance.schemas';
import { idText } from '../tasks/task.schemas';

describe('portable text patterns', () => {
  it('take Vietnamese letters, precomposed, as \\p{L} did', () => {
    for (const value of ['so-khcn', 'Sở_KH.CN', 'ĐạiHọc-Đà-Nẵng', 'ưu-tiên-ữ', 'III.12']) expect(idText.safeParse(value).success).toBe(true);
    expect(documentNumberSchema.safeParse('05/2025/TT-BKHCN').success).toBe(true);
    expect(documentNumberSchema.safeParse('Công văn số 12729/VPCP-KGVX').success).toBe(true);
  });

  it('refuse what the rule always refused: spaces and symbols in ids, a leading symbol in a document number', () => {
    for (const value of ['so khcn', "so'khcn", 'a/b', '×']) expect(idText.safeParse(value).success).toBe(false);
    expect(documentNumberSchema.safeParse('/05').success).toBe(false);
  });

  it('compile in a regex dialect without Unicode property escapes (the OpenAPI document carries their source)', () => {
    const source = (idText.def.checks ?? []).map((check) => (check as { _zod: { def: { pattern?: RegExp } } })._zod.def.pattern?.source).find(Boolean)!;
    expect(source).not.toMatch(/\\p\{/);
    expect(() => new RegExp(source)).not.toThrow();
  });
});
