// Turns a lead or coordinator cell into directory ids. Names are found word by
// word, longest spelling first; "Các Sở: Y tế, Công Thương" distributes "Sở"
// over the list; what is left over is compared fuzzily, and what still matches
// nothing is reported as a proposed new directory entry. The cell text is kept
// verbatim beside every resolution so a reviewer can check it.
import { editDistance } from '@dondoc/schemas';

import { AgencySpellings, wordKeys, type Spelling } from './agency-spellings';

export type ResolutionMethod = 'exact' | 'folded' | 'distributed' | 'fuzzy' | 'unresolved';

export interface ResolvedName {
  /** The words of the cell this part stands for, as printed. */
  readonly text: string;
  readonly id: string | null;
  readonly method: ResolutionMethod;
  /** 0–1: 1 for a spelling of the directory written exactly so. */
  readonly confidence: number;
}

export interface AgencyResolution {
  readonly text: string;
  /** Resolved ids, each once, in cell order. */
  readonly agencies: readonly string[];
  readonly parts: readonly ResolvedName[];
  /** The lowest confidence of the parts; 1 for an empty cell. */
  readonly confidence: number;
  /** Names no entry matches: candidates for new directory entries. */
  readonly unresolved: readonly string[];
}

/** Words that join names without naming anything themselves. */
const FILLERS = new Set(['va', 'cac', 'tinh', 'co', 'lien', 'quan', 'khac', 'don', 'vi']);
/** "Các Sở: …", "Các Bộ: …": the kind of body is written once for the whole list. */
const DISTRIBUTED = /^(?:các|cac)\s+(sở|bộ|ban|cục)\s*:\s*/iu;

interface Word {
  readonly raw: string;
  readonly key: string;
}

export class AgencyResolver {
  constructor(private readonly spellings: AgencySpellings) {}

  resolve(cellText: string): AgencyResolution {
    const text = cellText.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (text === '' || /^[-–—.]+$/.test(text)) return { text, agencies: [], parts: [], confidence: 1, unresolved: [] };
    const parts = text.split(/;/).flatMap((piece) => this.resolvePiece(piece.trim()));
    const agencies = [...new Set(parts.flatMap((part) => (part.id ? [part.id] : [])))];
    const confidence = parts.length === 0 ? 0 : Math.min(...parts.map((part) => part.confidence));
    return { text, agencies, parts, confidence, unresolved: parts.filter((p) => p.method === 'unresolved').map((p) => p.text) };
  }

  private resolvePiece(piece: string): ResolvedName[] {
    if (piece === '') return [];
    const distributed = DISTRIBUTED.exec(piece);
    if (distributed?.[1]) {
      const kind = distributed[1];
      const list = this.matchWords(toWords(piece.slice(distributed[0].length)), wordKeys(kind));
      if (list.every((part) => part.id !== null)) return list;
    }
    return this.matchWords(toWords(piece), []);
  }

  /** Longest spelling at each word; `prefix` keys ("so") are put before each try (distributed lists). */
  private matchWords(words: readonly Word[], prefix: readonly string[]): ResolvedName[] {
    const parts: ResolvedName[] = [];
    let pending: Word[] = [];
    const flush = () => {
      const meaningful = pending.filter((w) => !FILLERS.has(w.key));
      if (meaningful.length > 0) parts.push(this.fuzzy(pending.map((w) => w.raw).join(' '), prefix));
      pending = [];
    };
    for (let i = 0; i < words.length; ) {
      const found = this.longestAt(words, i, prefix);
      if (!found) {
        pending.push(words[i]!);
        i += 1;
        continue;
      }
      flush();
      const raw = words.slice(i, found.end).map((w) => w.raw).join(' ');
      const exact = AgencySpellings.writtenAlike(prefix.length ? `${prefixRaw(found.spelling)} ${raw}` : raw, found.spelling);
      const method: ResolutionMethod = prefix.length ? 'distributed' : exact ? 'exact' : 'folded';
      const confidence = method === 'exact' ? (found.spelling.derived ? 0.97 : 1) : method === 'distributed' ? 0.95 : 0.9;
      parts.push({ text: trimPunctuation(raw), id: found.spelling.entry.id, method, confidence });
      i = found.end;
    }
    flush();
    return parts;
  }

  private longestAt(words: readonly Word[], start: number, prefix: readonly string[]): { end: number; spelling: Spelling } | null {
    const limit = Math.min(words.length, start + this.spellings.maxWords);
    for (let end = limit; end > start; end -= 1) {
      const spelling = this.spellings.lookup([...prefix, ...words.slice(start, end).map((w) => w.key)]);
      if (spelling) return { end, spelling };
    }
    return null;
  }

  /** A leftover name close to one spelling (a typo, a missing word): accepted with lower confidence. */
  private fuzzy(raw: string, prefix: readonly string[]): ResolvedName {
    const text = trimPunctuation(raw);
    const wanted = [...prefix, ...wordKeys(text)].join(' ');
    let best: { spelling: Spelling; distance: number } | null = null;
    for (const [key, spelling] of this.spellings.all()) {
      if (Math.abs(key.length - wanted.length) > 6) continue;
      const distance = editDistance(wanted, key);
      if (!best || distance < best.distance) best = { spelling, distance };
    }
    const allowed = Math.max(1, Math.floor(wanted.length / 10));
    if (best && best.distance <= allowed) {
      const confidence = Math.max(0.5, 0.85 - (0.35 * best.distance) / Math.max(1, wanted.length / 10));
      return { text, id: best.spelling.entry.id, method: 'fuzzy', confidence: Number(confidence.toFixed(2)) };
    }
    return { text, id: null, method: 'unresolved', confidence: 0 };
  }
}

function toWords(text: string): Word[] {
  return text.split(/\s+/).flatMap((raw) => wordKeys(raw).map((key, i, keys) => ({ raw: i === keys.length - 1 ? raw : '', key }))).map((w) => w);
}

function prefixRaw(spelling: Spelling): string {
  return spelling.text.split(' ')[0] ?? '';
}

function trimPunctuation(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s,;:.\-–]+|[\s,;:]+$/g, '').trim();
}
