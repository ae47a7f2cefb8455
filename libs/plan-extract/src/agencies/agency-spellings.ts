// Every way the directory lets a plan name an agency or a collective, reduced
// to word keys (folded case and diacritics, punctuation dropped), so a cell is
// matched word by word: "Sở Kế hoạch và Đầu tư," and "UBND các huyện, thành
// phố" find their entries whatever the commas and line breaks.
import type { AgencyDirectory } from '@dondoc/domain';
import { foldVietnamese, normaliseName } from '@dondoc/schemas';

export interface DirectoryEntry {
  readonly id: string;
  readonly kind: 'agency' | 'group';
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface Spelling {
  readonly entry: DirectoryEntry;
  /** The spelling as the directory writes it. */
  readonly text: string;
  /** Derived from the name (its province suffix dropped) rather than written in the directory. */
  readonly derived: boolean;
}

/** Lower-case ASCII words of a text: "Sở KH&CN," → ["so", "kh&cn"]. */
export function wordKeys(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9&]+/)
    .filter((word) => word !== '' && word !== '&');
}

/** "Sở Y tế tỉnh Kon Tum" → "Sở Y tế": plans name their own province's bodies without it. */
const PROVINCE_SUFFIX = /\s+(?:tỉnh|thành phố)\s+[\p{Lu}][\p{L}\s]*$/u;

export class AgencySpellings {
  private readonly byKey = new Map<string, Spelling>();
  private readonly prefixes = new Set<string>();
  /** Longest spelling in words: no match is tried beyond it. */
  readonly maxWords: number;

  constructor(readonly entries: readonly DirectoryEntry[]) {
    const add = (entry: DirectoryEntry, text: string, derived: boolean) => {
      const key = wordKeys(text).join(' ');
      if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, { entry, text, derived });
    };
    // Written spellings first: a derived one never takes a key the directory gave to another entry.
    for (const entry of entries) for (const text of [entry.name, ...entry.aliases]) add(entry, text, false);
    for (const entry of entries) {
      const short = entry.name.replace(PROVINCE_SUFFIX, '');
      if (short !== entry.name) add(entry, short, true);
    }
    this.maxWords = Math.max(1, ...[...this.byKey.keys()].map((key) => key.split(' ').length));
    for (const key of this.byKey.keys()) {
      const words = key.split(' ');
      for (let i = 1; i < words.length; i += 1) this.prefixes.add(words.slice(0, i).join(' '));
    }
  }

  static fromDirectory(directory: AgencyDirectory): AgencySpellings {
    return new AgencySpellings([
      ...directory.agencies.map((a) => ({ id: a.id, kind: 'agency' as const, name: a.name, aliases: a.aliases })),
      ...directory.groups.map((g) => ({ id: g.id, kind: 'group' as const, name: g.name, aliases: g.aliases })),
    ]);
  }

  /** The spelling with exactly these word keys. */
  lookup(keys: readonly string[]): Spelling | undefined {
    return this.byKey.get(keys.join(' '));
  }

  /** True when the keys are the first words of some spelling (a name cut off by a page break). */
  isPrefix(keys: readonly string[]): boolean {
    return this.prefixes.has(keys.join(' '));
  }

  /** Every spelling, for fuzzy comparison. */
  all(): IterableIterator<[string, Spelling]> {
    return this.byKey.entries();
  }

  /** True when `raw` is written exactly like the spelling, diacritics and all (case aside). */
  static writtenAlike(raw: string, spelling: Spelling): boolean {
    const strip = (text: string) => normaliseName(text).replace(/[^\p{L}\p{N}&]+/gu, ' ').trim();
    return strip(raw) === strip(spelling.text);
  }
}
