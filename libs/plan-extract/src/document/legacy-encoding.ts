// Vietnamese typed in the pre-Unicode TCVN3 (ABC, .VnTime fonts) or VNI
// encodings comes out of a PDF or a text file as Latin-1 look-alikes:
// "Ch­¬ng tr×nh" (TCVN3), "Chöông trình" (VNI). Counting their tell-tale
// characters finds such text, so the admin is told to convert it (Unikey's
// "chuyển mã" does) instead of getting a draft full of garbled names.

export type LegacyEncoding = 'TCVN3' | 'VNI';

/** TCVN3 puts ơ, ư, ă, â, ê, ô, đ and the tone marks on these Latin-1 code points. */
const TCVN3 = /[\u00a1-\u00a8\u00ab\u00ac\u00ae\u00b5-\u00b9\u00bd\u00be\u00c6\u00c7\u00cb-\u00cf\u00d1-\u00d8\u00dc-\u00e0\u00f1\u00f8\u00fc-\u00ff]/gu;
/** VNI writes a base letter followed by an accent character. */
const VNI = /[aeiouyAEIOUY][\u00f8\u00f9\u00fa\u00fb\u00f5\u00ef\u00d8\u00d9\u00da\u00db\u00d5\u00cf]|[oO][\u00f6\u00d6]|\u00f1[a-z]/gu;
/** Letters only Unicode Vietnamese has (ơ ư ă đ and the precomposed tones of Latin Extended Additional). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/gu;

export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const sample = text.slice(0, 200_000);
  const words = sample.split(/\s+/).length;
  if (words < 20) return null;
  const unicode = (sample.match(UNICODE_VIETNAMESE) ?? []).length;
  const tcvn3 = (sample.match(TCVN3) ?? []).length;
  const vni = (sample.match(VNI) ?? []).length;
  const legacy = Math.max(tcvn3, vni);
  // Real Unicode Vietnamese has several marked letters per ten words; legacy text has almost none.
  if (legacy < words * 0.05 || unicode > legacy) return null;
  return vni > tcvn3 ? 'VNI' : 'TCVN3';
}
