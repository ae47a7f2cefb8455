// What a plan may refer to: the ids of agencies and groups, with every name
// and alias that leads to them, for "did you mean" suggestions. Built from the
// raw directory data so plans can be checked even while the directory itself
// has an unrelated error.
import type { AgencyDirectory } from '@dondoc/domain';
import { slugVietnamese, suggestClosest, type SuggestionCandidate } from '@dondoc/schemas';

import { field, id, items, text } from './checks/raw-data';

/**
 * First words of ids that name a kind of body (sở, bộ, ủy ban, ban, cục…);
 * with the directory's own first words they keep suggestions within one kind.
 */
const BODY_KINDS = ['so', 'bo', 'ubnd', 'hdnd', 'ban', 'cuc', 'phong', 'truong', 'vien', 'dai', 'bao', 'cong', 'van'];

export interface ReferenceEntry {
  readonly id: string;
  readonly kind: 'agency' | 'group';
  readonly name: string;
  readonly aliases: readonly string[];
}

export class ReferenceIndex {
  private readonly byId = new Map<string, ReferenceEntry>();
  private readonly candidates: Array<SuggestionCandidate<ReferenceEntry>> = [];
  /** First words of ids: "so", "bo", "ubnd", "cac"… */
  private readonly prefixes = new Set<string>(BODY_KINDS);

  /** @param file the directory file, named in messages about unknown references */
  constructor(
    readonly file: string,
    entries: Iterable<ReferenceEntry>,
  ) {
    for (const entry of entries) {
      if (!this.byId.has(entry.id)) this.byId.set(entry.id, entry);
      this.prefixes.add(firstWord(entry.id));
      for (const key of [entry.id, entry.name, ...entry.aliases]) this.candidates.push({ key, value: entry });
    }
  }

  static fromDirectory(file: string, directory: AgencyDirectory): ReferenceIndex {
    return new ReferenceIndex(file, [
      ...directory.agencies.map((a) => ({ id: a.id, kind: 'agency' as const, name: a.name, aliases: a.aliases })),
      ...directory.groups.map((g) => ({ id: g.id, kind: 'group' as const, name: g.name, aliases: g.aliases })),
    ]);
  }

  /** From directory data that may not pass the schema: entries without a valid id are skipped. */
  static fromData(file: string, data: unknown): ReferenceIndex {
    const entries = (list: string, kind: ReferenceEntry['kind']): ReferenceEntry[] =>
      items(field(data, list)).flatMap((entry) => {
        const entryId = id(field(entry, 'id'));
        if (entryId === undefined) return [];
        const aliases = items(field(entry, 'aliases')).flatMap((alias) => text(alias) ?? []);
        return [{ id: entryId, kind, name: text(field(entry, 'name')) ?? entryId, aliases }];
      });
    return new ReferenceIndex(file, [...entries('agencies', 'agency'), ...entries('groups', 'group')]);
  }

  get(referenceId: string): ReferenceEntry | undefined {
    return this.byId.get(referenceId);
  }

  /** The entry whose id, name or alias is closest to `input`, ignoring diacritics. */
  suggest(input: string): ReferenceEntry | null {
    // "bo-khcn" is one letter from "so-khcn", but a ministry is not a department:
    // when the first word is a known kind of body, only that kind is suggested.
    const prefix = firstWord(input);
    const candidates = this.prefixes.has(prefix)
      ? this.candidates.filter((candidate) => firstWord(candidate.key) === prefix)
      : this.candidates;
    return suggestClosest(input, candidates);
  }

  /** Message for an id that is not in the directory, with a suggestion when one is close. */
  unknownMessage(referenceId: string): string {
    const near = this.suggest(referenceId);
    const hint = near ? ` (có phải "${near.id}" – ${near.name}?)` : '';
    return `không có cơ quan hay nhóm "${referenceId}" trong danh mục ${this.file}${hint}`;
  }
}

function firstWord(text: string): string {
  return slugVietnamese(text).split('-')[0] ?? '';
}
