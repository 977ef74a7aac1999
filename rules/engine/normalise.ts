/**
 * Text normalisation, done once per check. Drafts arrive with zero-width characters, look-alike
 * letters from other scripts, full-width forms and accents, sometimes on purpose to slip a
 * word past a filter. Rules match against the clean text; every clean character remembers
 * which characters of the original produced it, so highlights land on what the user typed.
 */
import confusables from '../data/confusables.json';

/** Characters that render as nothing (or nearly) and are used to split words invisibly. */
// Listed by code point: some of these are combining characters, which a character class would
// otherwise read as joined to their neighbour.
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xe0000, 0xe007f], [0xe0100, 0xe01ef],
];
const COMBINING = /\p{M}/u;
const isInvisibleCodePoint = (cp: number) => INVISIBLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);

const CONFUSABLE: Record<string, string> = confusables;

export interface NormalisedText {
  /** The original text, exactly as given. */
  readonly original: string;
  /** NFKC-folded, invisible characters removed, look-alikes mapped to Latin, accents removed. */
  readonly text: string;
  /**
   * For each UTF-16 unit of `text`: the offsets in `original` of the character it came from
   * (start, and just after it). Absent when the text needed no change, so offsets are the same.
   */
  readonly starts?: Uint32Array;
  readonly ends?: Uint32Array;
}

// What cleanCodePoint made of each character seen so far (a pure function; drafts repeat their emoji and accents).
const cleanedChars = new Map<string, string>();

function cleanCodePoint(ch: string): string {
  let out = cleanedChars.get(ch);
  if (out === undefined) {
    out = cleanOne(ch);
    if (cleanedChars.size >= 10_000) cleanedChars.clear();
    cleanedChars.set(ch, out);
  }
  return out;
}

function cleanOne(ch: string): string {
  const mapped = CONFUSABLE[ch];
  if (mapped !== undefined) return mapped;
  let out = ch.normalize('NFKC');
  // Strip accents (Ciarán -> Ciaran) only from letters that decompose into a base letter and
  // combining marks; scripts whose letters are built from marks keep them.
  const decomposed = out.normalize('NFD');
  if (decomposed.length > 1 && !COMBINING.test(decomposed[0] ?? '')) {
    out = decomposed.replace(/\p{M}/gu, '');
  }
  let mappedAll = '';
  for (const c of out) mappedAll += CONFUSABLE[c] ?? c;
  return mappedAll;
}

// Printable ASCII, tabs and line breaks, minus the quote characters the confusables table folds:
// such text is already clean.
const CLEAN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

export function normalise(original: string): NormalisedText {
  if (CLEAN_ASCII.test(original) && !/[\u2018\u2019]/.test(original)) return { original, text: original };
  const parts: string[] = [];
  // At most two clean units per original unit (NFKC rarely expands further; grow if it does).
  let starts = new Uint32Array(original.length * 2 + 2);
  let ends = new Uint32Array(original.length * 2 + 2);
  let n = 0;
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    if (cp < 0x80) {
      // A run of ASCII is copied as it is (most of any draft).
      let j = i + 1;
      while (j < original.length && original.charCodeAt(j) < 0x80) j++;
      if (n + j - i > starts.length) {
        const grow = (a: Uint32Array) => {
          const b = new Uint32Array(a.length * 2 + (j - i));
          b.set(a);
          return b;
        };
        starts = grow(starts);
        ends = grow(ends);
      }
      for (let k = i; k < j; k++) {
        starts[n] = k;
        ends[n] = k + 1;
        n++;
      }
      parts.push(original.slice(i, j));
      i = j;
      continue;
    }
    const width = cp > 0xffff ? 2 : 1;
    if (!isInvisibleCodePoint(cp)) {
      const ch = original.slice(i, i + width);
      // A lone combining mark (after an invisible char, say) is dropped with the accents.
      const cleaned = cp >= 0x300 && cp <= 0x36f ? '' : cleanCodePoint(ch);
      if (n + cleaned.length > starts.length) {
        const grow = (a: Uint32Array) => {
          const b = new Uint32Array(a.length * 2 + cleaned.length);
          b.set(a);
          return b;
        };
        starts = grow(starts);
        ends = grow(ends);
      }
      for (let k = 0; k < cleaned.length; k++) {
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
      parts.push(cleaned);
    }
    i += width;
  }
  return { original, text: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Maps a [start, end) span of the clean text back to the original text. */
export function toOriginal(norm: NormalisedText, start: number, end: number): [number, number] {
  if (norm.text.length === 0) return [0, 0];
  const s = Math.min(Math.max(start, 0), norm.text.length - 1);
  const e = Math.min(Math.max(end, s + 1), norm.text.length);
  if (!norm.starts || !norm.ends) return [s, e];
  return [norm.starts[s] ?? 0, norm.ends[e - 1] ?? norm.original.length];
}
