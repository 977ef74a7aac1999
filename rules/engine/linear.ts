/**
 * A small linear text classifier: hashed word unigrams and bigrams and character 3- to 5-grams,
 * weighed by a logistic regression trained offline (scripts/train-offensive.ts). The weights are
 * data (data/offensive-model.json: 16-bit integers in base64 with one scale), read without eval. The
 * features are computed the same way here for training and for checking, from clean lower-case
 * text (normalise.ts), with @handles read as "@user" and links as "url" as the training posts
 * write them.
 */

/** FNV-1a, continued from `h` over the UTF-16 units of s[from, to). */
function fnv(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x01234567;
const SEED_CHAR = 0x089abcde;

const HANDLE = /@[a-z0-9_.]{1,50}/g;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\p{Extended_Pictographic}/gu;

/** The text the features are read from: lower case, handles and links as the training data writes them. */
export function featureText(lower: string): string {
  return lower.replace(LINK, 'url').replace(HANDLE, '@user');
}

/** Word classes the model is told about (a word list's name for each word), shared by training and checking. */
export type Lexicon = ReadonlyMap<string, string>;

const SEED_CLASS = 0x0f1e2d3c;
const classFeature = (name: string, mask: number) => fnv(SEED_CLASS, name, 0, name.length) & mask;

/**
 * Visits the hashed features of a text (bucket indices, repeats kept): words and word pairs,
 * character 3- to 5-grams of each word padded with spaces (so "idiots" and "idiot" share most),
 * and, for words in the lexicon, their class alone and with the word before ("you" + insult), so
 * what the word lists know carries over to words the training posts never used. No strings are
 * made per n-gram: checking a long draft stays cheap.
 */
export function forEachFeature(text: string, buckets: number, lexicon: Lexicon | undefined, visit: (bucket: number) => void): void {
  const mask = buckets - 1;
  let prevStart = -1;
  let prevEnd = 0;
  let prevWord = '';
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    visit(fnv(SEED_WORD, text, start, end) & mask);
    if (prevStart >= 0) visit(fnv(fnv(SEED_BIGRAM, text, prevStart, prevEnd), text, start, end) & mask);
    const cls = lexicon?.get(m[0]);
    if (cls) {
      visit(classFeature(cls, mask));
      visit(classFeature(`${prevWord} ${cls}`, mask));
    }
    prevWord = m[0];
    prevStart = start;
    prevEnd = end;
    // Character n-grams of " word ": position 0 and the last are the padding spaces.
    const len = end - start + 2;
    const code = (i: number) => (i === 0 || i === len - 1 ? 32 : text.charCodeAt(start + i - 1));
    for (let i = 0; i + 3 <= len; i++) {
      let h = Math.imul(Math.imul(SEED_CHAR ^ code(i), 0x01000193) ^ code(i + 1), 0x01000193);
      for (let n = 3; n <= 5 && i + n <= len; n++) {
        h = Math.imul(h ^ code(i + n - 1), 0x01000193);
        visit((h >>> 0) & mask);
      }
    }
  }
}

/** The features of a text as a list (for training). */
export function features(text: string, buckets: number, lexicon?: Lexicon): number[] {
  const out: number[] = [];
  forEachFeature(text, buckets, lexicon, (b) => out.push(b));
  return out;
}

/** The sum of a text's feature weights and how many there are: what `logit` combines. */
export function weigh(model: LinearModel, text: string, lexicon?: Lexicon): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  forEachFeature(text, model.buckets, lexicon, (b) => {
    sum += model.weight(b);
    count++;
  });
  return { sum, count };
}

/** A fingerprint of a lexicon: the model file records the one it was trained with, and a test compares. */
export function lexiconFingerprint(lexicon: Lexicon): string {
  const text = [...lexicon].map(([w, c]) => `${w}:${c}`).sort().join('\n');
  return fnv(0x811c9dc5, text, 0, text.length).toString(16).padStart(8, '0');
}

export interface LinearModel {
  readonly buckets: number;
  readonly bias: number;
  /** A bucket's weight. */
  weight(bucket: number): number;
}

/** Reads a model from its data file's form: `{ buckets, bias, scale, weights: base64 16-bit integers }`. */
export function loadModel(data: { buckets: number; bias: number; scale: number; weights: string }): LinearModel {
  if (!Number.isInteger(Math.log2(data.buckets))) throw new Error(`linear model: buckets must be a power of two, got ${data.buckets}`);
  const bytes = decodeBase64(data.weights);
  if (bytes.length !== data.buckets * 2) throw new Error(`linear model: ${bytes.length} bytes for ${data.buckets} 16-bit weights`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const weights = new Float32Array(data.buckets);
  for (let i = 0; i < data.buckets; i++) weights[i] = view.getInt16(i * 2, true) * data.scale;
  return { buckets: data.buckets, bias: data.bias, weight: (b) => weights[b] ?? 0 };
}

/** The model's log-odds from a text's weighed features (the sum scaled by the square root of the count). */
export function logit(model: LinearModel, weighed: { sum: number; count: number }): number {
  return weighed.count === 0 ? model.bias : model.bias + weighed.sum / Math.sqrt(weighed.count);
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Base64 to bytes without atob or Buffer, so the same code runs in the worker, the page and Node. */
export function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_INDEX[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`linear model: not base64 at character ${i}`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}
