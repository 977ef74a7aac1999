/**
 * Text normalisation, done once per check. Drafts arrive with zero-width characters, look-alike
 * letters from other scripts, full-width forms and accents, sometimes on purpose to slip a
 * word past a filter. Rules match against the clean text; every clean character remembers
 * which characters of the original produced it, so highlights land on what the user typed.
 */
import confusables from './data/confusables.json';

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
  /** For each UTF-16 unit of `text`: the offset in `original` of the character it came from. */
  readonly starts: Uint32Array;
  /** For each UTF-16 unit of `text`: the offset in `original` just after that character. */
  readonly ends: Uint32Array;
}

function cleanCodePoint(ch: string): string {
  const mapped = CONFUSABLE[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return ch; // ASCII: nothing to do, and by far the commonest case
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

export function normalise(original: string): NormalisedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (!isInvisibleCodePoint(cp)) {
      // A lone combining mark (after an invisible char, say) is dropped with the accents.
      const cleaned = COMBINING.test(ch) && cp >= 0x300 && cp <= 0x36f ? '' : cleanCodePoint(ch);
      for (let k = 0; k < cleaned.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
      text += cleaned;
    }
    i += width;
  }
  return { original, text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Maps a [start, end) span of the clean text back to the original text. */
export function toOriginal(norm: NormalisedText, start: number, end: number): [number, number] {
  if (norm.text.length === 0) return [0, 0];
  const s = Math.min(Math.max(start, 0), norm.text.length - 1);
  const e = Math.min(Math.max(end, s + 1), norm.text.length);
  return [norm.starts[s] ?? 0, norm.ends[e - 1] ?? norm.original.length];
}
