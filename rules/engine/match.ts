/** Small matching helpers shared by rules and settings compilation. */
import { prefiltered } from './prefilter';

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case-insensitive pattern for a phrase whose words may be separated by any run of spaces
 * or punctuation ("growing together, reaching higher" matches "Growing together - reaching
 * higher"). Word-bounded at both ends. Returns null for a phrase with no words.
 */
export function phrasePattern(phrases: readonly string[]): RegExp | null {
  const alts = phrases
    .map((p) => p.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((words) => words.length > 0)
    .sort((a, b) => b.join(' ').length - a.join(' ').length)
    .map((words) => words.map(escapeRegExp).join("[^\\p{L}\\p{N}]{1,5}"));
  if (alts.length === 0) return null;
  return prefiltered(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** The word itself and every form with one letter deleted: the keys of a one-edit index. */
export function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** A set of words, built from a list of words or phrases, for quick look-ups. */
export function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}

/**
 * Which characters of a text are already marked, so a rule can ask "does this span overlap one
 * I have?" in time proportional to the span, not to the number of marks (drafts can be long).
 */
export class Marks {
  private readonly marked: Uint8Array;
  constructor(length: number) {
    this.marked = new Uint8Array(length + 1);
  }
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.marked[i]) return true;
    return false;
  }
  add(start: number, end: number): void {
    this.marked.fill(1, start, end);
  }
}

/** Memoises a per-sentence answer, keyed by the sentence's start offset. */
export function perSentence<T>(compute: (start: number, end: number) => T): (s: { start: number; end: number }) => T {
  const cache = new Map<number, T>();
  return (s) => {
    let v = cache.get(s.start);
    if (v === undefined && !cache.has(s.start)) {
      v = compute(s.start, s.end);
      cache.set(s.start, v);
    }
    return v as T;
  };
}
