/**
 * obscenity's RegExpMatcher with the same matches, found quicker. The stock getAllMatches passes
 * every character of a draft through a chain of transformer objects, twice (once for the
 * whitelist, once for the blacklist), then looks for every whitelisted term before knowing
 * whether anything was found at all: about 2 ms for a 5,000-character draft. Here the
 * transformers that do not depend on what came before (look-alikes, l33t, case) are applied
 * once per distinct character and remembered, and the whitelist is read only when a blacklisted
 * term was found. The terms, transformers and whitelist are the matcher's own, so the answer is
 * the stock one (tests/profanity.test.ts compares them on every corpus).
 */
import { compareMatchByPositionAndId, RegExpMatcher, type MatchPayload, type RegExpMatcherOptions } from 'obscenity';

interface Transformer {
  readonly type: number;
  readonly transform?: (char: number) => number | undefined;
}

interface TransformerSet {
  readonly transformers: readonly Transformer[];
  readonly statefulTransformers: readonly ({ transform(char: number): number | undefined } | undefined)[];
  resetAll(): void;
}

interface Internals {
  readonly blacklistedTerms: readonly { id: number; regExp: RegExp }[];
  readonly whitelistedTerms: readonly string[];
  readonly blacklistMatcherTransformers: TransformerSet;
  readonly whitelistMatcherTransformers: TransformerSet;
}

// obscenity's TransformerType.Simple: a pure function of one character.
const SIMPLE = 0;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const UNKNOWN = -2;
const DROPPED = -1;

/** Per transformer set: what its leading simple transformers make of each character seen so far. */
interface Remembered {
  /** For characters of the Basic Multilingual Plane, by code: UNKNOWN, DROPPED or the result. */
  readonly bmp: Int32Array;
  readonly astral: Map<number, number>;
}
const remembered = new WeakMap<TransformerSet, Remembered>();

/** The transformed text and, for each of its UTF-16 units, where its character starts in the input. */
function transform(input: string, set: TransformerSet): [number[], string] {
  const { transformers, statefulTransformers } = set;
  let simple = 0;
  while (simple < transformers.length && transformers[simple]!.type === SIMPLE) simple++;
  let memo = remembered.get(set);
  if (!memo) remembered.set(set, (memo = { bmp: new Int32Array(0x10000).fill(UNKNOWN), astral: new Map() }));
  const { bmp, astral } = memo;
  const lead = (char: number): number => {
    let t: number | undefined = char;
    for (let k = 0; k < simple && t !== undefined; k++) t = transformers[k]!.transform!(t);
    return t === undefined ? DROPPED : t;
  };
  const toOrig: number[] = [];
  const units = new Uint16Array(input.length * 2);
  let n = 0;
  let lone = false;
  for (let i = 0; i < input.length; ) {
    const position = i;
    let char = input.charCodeAt(i++);
    // A surrogate pair is one character; a lone surrogate is itself (as obscenity's CharacterIterator reads them).
    if (isHigh(char) && i < input.length && isLow(input.charCodeAt(i))) char = (char - 0xd800) * 0x400 + (input.charCodeAt(i++) - 0xdc00) + 0x10000;
    let t: number;
    if (char < 0x10000) {
      t = bmp[char]!;
      if (t === UNKNOWN) bmp[char] = t = lead(char);
    } else {
      t = astral.get(char) ?? UNKNOWN;
      if (t === UNKNOWN) astral.set(char, (t = lead(char)));
    }
    if (t === DROPPED) continue;
    let out: number | undefined = t;
    for (let k = simple; k < transformers.length && out !== undefined; k++) {
      const transformer = transformers[k]!;
      out = transformer.type === SIMPLE ? transformer.transform!(out) : statefulTransformers[k]!.transform(out);
    }
    if (out === undefined) continue;
    if (out < 0x10000) {
      if (out >= 0xd800 && out <= 0xdfff) lone = true;
      units[n++] = out;
      toOrig.push(position);
    } else {
      units[n++] = 0xd800 + ((out - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((out - 0x10000) & 0x3ff);
      toOrig.push(position, position);
    }
  }
  set.resetAll();
  return [toOrig, fromUnits(units.subarray(0, n), lone)];
}

// UTF-16 in the machine's byte order, decoded natively (a lone surrogate would come out as U+FFFD
// there, so text with one is built unit by unit).
const utf16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');
function fromUnits(units: Uint16Array, lone: boolean): string {
  if (!lone) return utf16.decode(units);
  let text = '';
  for (let at = 0; at < units.length; at += 2048) text += String.fromCharCode.apply(null, Array.from(units.subarray(at, at + 2048)));
  return text;
}

/** The inclusive end of a match in the input, taking in the second half of a surrogate pair. */
function inclusiveEnd(input: string, end: number): number {
  return end < input.length - 1 && isHigh(input.charCodeAt(end)) && isLow(input.charCodeAt(end + 1)) ? end + 1 : end;
}

export class QuickRegExpMatcher extends RegExpMatcher {
  readonly #own: Internals | null;

  constructor(options: RegExpMatcherOptions) {
    super(options);
    const own = this as unknown as Internals;
    const usable = (set: TransformerSet | undefined) =>
      Boolean(set && Array.isArray(set.transformers) && Array.isArray(set.statefulTransformers) && typeof set.resetAll === 'function');
    // Another version of obscenity, built differently inside: use its own method.
    this.#own = Array.isArray(own.blacklistedTerms) && Array.isArray(own.whitelistedTerms) && usable(own.blacklistMatcherTransformers) && usable(own.whitelistMatcherTransformers) ? own : null;
  }

  override getAllMatches(input: string, sorted = false): MatchPayload[] {
    const own = this.#own;
    if (!own) return super.getAllMatches(input, sorted);
    const [toOrig, transformed] = transform(input, own.blacklistMatcherTransformers);
    const matches: MatchPayload[] = [];
    let whitelisted: [number, number][] | undefined;
    for (const term of own.blacklistedTerms) {
      for (const match of transformed.matchAll(term.regExp)) {
        const startIndex = toOrig[match.index]!;
        const endIndex = inclusiveEnd(input, toOrig[match.index + match[0].length - 1]!);
        whitelisted ??= this.#whitelisted(input, own);
        if (whitelisted.some(([lo, hi]) => lo <= startIndex && endIndex <= hi)) continue;
        matches.push({ termId: term.id, startIndex, endIndex, matchLength: [...match[0]].length });
      }
    }
    if (sorted) matches.sort(compareMatchByPositionAndId);
    return matches;
  }

  /** Where the whitelisted terms are, as inclusive spans of the input. */
  #whitelisted(input: string, own: Internals): [number, number][] {
    const [toOrig, transformed] = transform(input, own.whitelistMatcherTransformers);
    const spans: [number, number][] = [];
    for (const term of own.whitelistedTerms) {
      for (let at = transformed.indexOf(term); at !== -1; at = transformed.indexOf(term, at + term.length)) {
        spans.push([toOrig[at]!, inclusiveEnd(input, toOrig[at + term.length - 1]!)]);
      }
    }
    return spans;
  }
}
