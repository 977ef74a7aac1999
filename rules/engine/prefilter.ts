/**
 * Faster scans for the long alternations the rules keep as data ("not public yet|isn't public
 * yet|..."), with exactly the same matches. Such patterns need the `u` flag (\p{L}, look-behind
 * for a word boundary outside ASCII), and in that mode V8 tries the whole alternation at every
 * position of the text: 0.5 to 1 ms for each scan of a 5,000-character draft, and a check makes
 * dozens. Every match of these patterns starts with one of a few literal words, though, and a
 * pattern of just those words, without the `u` flag, is scanned many times faster.
 *
 * So a PrefilteredRegExp first finds the places where one of those literal starts occurs (a
 * look-ahead, so overlapping starts are all seen), then runs the real pattern, anchored (the `y`
 * flag), at each place in turn: the first place where it matches is the match a plain scan would
 * have found, since a plain scan can only match at such a place. exec() keeps RegExp's contract
 * (lastIndex for g and y), so test, match, matchAll, replace and split work unchanged. A pattern
 * whose matches do not all start with a literal (a character class, \d, or a word of any letters
 * first) is left as it is.
 */

interface Start {
  /** Literal text every match through this branch starts with. */
  text: string;
  /** Whether what follows may still lengthen it. */
  open: boolean;
}

/** Past this many distinct starts a pattern is scanned as it is. */
const MAX_STARTS = 400;
/** Starts are cut to this length: V8 scans a short list of short words fastest. */
const START_LENGTH = 5;

class Unsupported extends Error {}

// ASCII characters that stand for themselves (after a backslash too); everything else ends a start.
const LITERAL = /^[A-Za-z0-9 '",\-&#@:;!%=<>~_/`]$/;
const ESCAPED_LITERAL = /^[-.*+?^$()[\]{}|\\/'"&#@:;!%=<>~_`, ]$/;

interface Parsed {
  starts: Start[];
  end: number;
}

/** An alternation up to an unmatched ')' or the end. */
function alternation(src: string, i: number): Parsed {
  const starts: Start[] = [];
  for (;;) {
    const seq = sequence(src, i);
    starts.push(...seq.starts);
    i = seq.end;
    if (src[i] !== '|') return { starts, end: i };
    i++;
  }
}

type Atom = { kind: 'zero'; end: number } | { kind: 'stop'; end: number } | { kind: 'starts'; starts: Start[]; end: number };

function group(src: string, i: number, open: number): Parsed {
  const inner = alternation(src, i + open);
  if (src[inner.end] !== ')') throw new Unsupported();
  return { starts: inner.starts, end: inner.end + 1 };
}

function charClass(src: string, i: number): Atom {
  let j = i + 1;
  const chars: string[] = [];
  let plain = src[j] !== '^';
  for (; j < src.length && src[j] !== ']'; j++) {
    let c = src[j]!;
    if (c === '\\') {
      c = src[++j] ?? '';
      if (!ESCAPED_LITERAL.test(c)) {
        plain = false;
        if ((c === 'p' || c === 'P' || c === 'u') && src[j + 1] === '{') j = src.indexOf('}', j);
        continue;
      }
    }
    if (src[j + 1] === '-' && src[j + 2] !== ']' && src[j + 2] !== undefined) {
      // A range: expanded only when short and within ASCII.
      let to = src[j + 2]!;
      j += 2;
      if (to === '\\') to = src[++j] ?? '';
      const a = c.charCodeAt(0);
      const b = to.charCodeAt(0);
      if (b - a > 10 || !LITERAL.test(c) || !LITERAL.test(to)) plain = false;
      else for (let k = a; k <= b; k++) chars.push(String.fromCharCode(k));
      continue;
    }
    if (LITERAL.test(c)) chars.push(c);
    else plain = false;
  }
  if (src[j] !== ']') throw new Unsupported();
  const end = j + 1;
  if (!plain || chars.length === 0 || chars.length > 12) return { kind: 'stop', end };
  return { kind: 'starts', starts: chars.map((c) => ({ text: c, open: true })), end };
}

function atom(src: string, i: number): Atom {
  const c = src[i]!;
  if (c === '(') {
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) return { kind: 'zero', end: group(src, i, src[i + 2] === '<' ? 4 : 3).end };
    const open = src.startsWith('(?:', i) ? 3 : src.startsWith('(?<', i) ? src.indexOf('>', i) + 1 - i : 1;
    const g = group(src, i, open);
    return { kind: 'starts', starts: g.starts, end: g.end };
  }
  if (c === '[') return charClass(src, i);
  if (c === '^' || c === '$') return { kind: 'zero', end: i + 1 };
  if (c === '.') return { kind: 'stop', end: i + 1 };
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    if (e === 'b' || e === 'B') return { kind: 'zero', end: i + 2 };
    if (ESCAPED_LITERAL.test(e)) return { kind: 'starts', starts: [{ text: e, open: true }], end: i + 2 };
    if (e === 'd') return { kind: 'starts', starts: [...'0123456789'].map((d) => ({ text: d, open: true })), end: i + 2 };
    const code = /^\\(?:u\{([0-9A-Fa-f]+)\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2}))/.exec(src.slice(i));
    if (code) return literal(String.fromCodePoint(parseInt(code[1] ?? code[2] ?? code[3]!, 16)), i + code[0].length);
    const long = /^\\(?:[pP]\{[^}]*\}|c[A-Za-z]|k<[^>]*>|\d+)/.exec(src.slice(i));
    return { kind: 'stop', end: i + (long ? long[0].length : 2) };
  }
  if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported();
  const char = String.fromCodePoint(src.codePointAt(i)!);
  return literal(char, i + char.length);
}

/**
 * A character that matches only itself, as far as the scan for starts can tell: ASCII that is
 * no pattern syntax, or a character outside ASCII without case (an emoji, a dash), which matches
 * the same with or without the `i` and `u` flags. (A lone surrogate is not one.)
 */
function literal(char: string, end: number): Atom {
  const code = char.codePointAt(0)!;
  const uncased = code > 0x7f && !(code >= 0xd800 && code <= 0xdfff) && !/[\p{L}\p{M}\p{N}]/u.test(char);
  return LITERAL.test(char) || uncased ? { kind: 'starts', starts: [{ text: char, open: true }], end } : { kind: 'stop', end };
}

const QUANTIFIER = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/;

function sequence(src: string, i: number): Parsed {
  let starts: Start[] = [{ text: '', open: true }];
  while (i < src.length && src[i] !== '|' && src[i] !== ')') {
    const a = atom(src, i);
    i = a.end;
    let min = 1;
    let max = 1;
    const q = QUANTIFIER.exec(src.slice(i, i + 12));
    if (q) {
      i += q[0].length;
      if (q[1]) [min, max] = q[1] === '?' ? [0, 1] : q[1] === '*' ? [0, Infinity] : [1, Infinity];
      else {
        min = Number(q[2]);
        max = q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
      }
    }
    if (a.kind === 'zero') continue;
    const options = a.kind === 'stop' ? [{ text: '', open: false }] : a.starts;
    const next = new Map<string, Start>();
    const add = (s: Start) => {
      // Long enough: what follows cannot narrow the places to look much further.
      if (s.text.length >= START_LENGTH) s = { text: s.text.slice(0, START_LENGTH), open: false };
      const key = `${s.open ? 1 : 0}${s.text}`;
      if (!next.has(key)) next.set(key, s);
    };
    for (const s of starts) {
      if (!s.open) add(s);
      else {
        // Left out (when it may be), or taken once; an atom that may repeat ends the start.
        if (min === 0) add(s);
        if (max > 0) for (const o of options) add({ text: s.text + o.text, open: o.open && max === 1 });
      }
    }
    starts = [...next.values()];
    if (starts.length > MAX_STARTS) throw new Unsupported();
  }
  return { starts, end: i };
}

/** The literal starts of a whole pattern or branch, or null when a match may start otherwise. */
function startsOf(source: string): string[] | null {
  let parsed: Parsed;
  try {
    parsed = alternation(source, 0);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  if (parsed.end !== source.length) return null;
  const texts = parsed.starts.map((s) => s.text);
  return texts.some((t) => t === '') ? null : texts;
}

/** Shorter starts absorb the longer ones they begin (a start that matches is enough). */
function prefixFree(texts: readonly string[]): string[] {
  const sorted = [...new Set(texts)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const t of sorted) if (!kept.some((k) => t.startsWith(k))) kept.push(t);
  return kept;
}

/**
 * The literal texts that every match of a pattern starts with (at least one character each), or
 * null when some match may start otherwise. Shorter starts absorb the longer ones they begin.
 */
export function literalStarts(source: string): string[] | null {
  const starts = startsOf(source);
  return starts && prefixFree(starts);
}

/**
 * A pattern as zero-width assertions, one group of branches and what follows the group (the shape
 * anyOf makes: "(?<![\p{L}])(?:a|b|c)(?![\p{L}])"), or a bare list of branches; null otherwise.
 */
function splitBranches(source: string): { lead: string; branches: string[]; trail: string } | null {
  try {
    const branchesFrom = (i: number) => {
      const out: string[] = [];
      for (;;) {
        const seq = sequence(source, i);
        out.push(source.slice(i, seq.end));
        if (source[seq.end] !== '|') return { branches: out, end: seq.end };
        i = seq.end + 1;
      }
    };
    let i = 0;
    while (i < source.length) {
      const a = atom(source, i);
      if (a.kind !== 'zero' || QUANTIFIER.test(source.slice(a.end, a.end + 12))) break;
      i = a.end;
    }
    if (source.startsWith('(?:', i)) {
      const { branches, end } = branchesFrom(i + 3);
      const trail = source.slice(end + 1);
      if (source[end] !== ')' || QUANTIFIER.test(trail.slice(0, 12))) return null;
      return { lead: source.slice(0, i), branches, trail };
    }
    const { branches, end } = branchesFrom(0);
    return end === source.length && branches.length > 1 ? { lead: '', branches, trail: '' } : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** At most this many branches without literal starts (or this share of them) are looked for apart. */
const MAX_REST = 4;
const MAX_REST_SHARE = 0.1;

// Under the `i` and `u` flags a few characters outside ASCII match ASCII letters (the Kelvin
// sign matches k, the long s matches s); the scan for starts, without `u`, would not see them, so
// a text that has any (rare: normalise.ts folds them) is scanned as it is. Dotted and dotless i
// are counted too, to be safe.
const FOLDS_TO_ASCII = /[\u212a\u017f\u0130\u0131]/;

function startsPattern(starts: readonly string[]): string {
  return starts.map((s) => s.replace(/[!-/:-@[-`{-~]/g, '\\$&')).join('|');
}

interface Scan {
  /** Where a match may start: the literal starts, without the `u` flag. */
  readonly starts: RegExp;
  /**
   * The branches of the pattern without literal starts, when it has a few, as a pattern of their
   * own (with the `g` flag): where it matches, the whole pattern matches too.
   */
  readonly rest: RegExp | null;
  /** The pattern itself, anchored at lastIndex. */
  readonly anchored: RegExp;
  readonly ignoreCase: boolean;
}

// The last text looked at for FOLDS_TO_ASCII (rules scan the same text many times).
let foldsChecked = '';
let foldsFound = false;
function hasFolds(text: string): boolean {
  if (text !== foldsChecked) {
    foldsChecked = text;
    foldsFound = FOLDS_TO_ASCII.test(text);
  }
  return foldsFound;
}

function compileScan(source: string, flags: string): Scan | null {
  let starts = startsOf(source);
  let rest: RegExp | null = null;
  if (!starts) {
    const split = splitBranches(source);
    if (!split) return null;
    const byBranch = split.branches.map(startsOf);
    const without = split.branches.filter((_, i) => !byBranch[i]);
    if (without.length === split.branches.length || without.length > Math.max(MAX_REST, MAX_REST_SHARE * split.branches.length)) return null;
    starts = byBranch.flatMap((b) => b ?? []);
    rest = new RegExp(`${split.lead}(?:${without.join('|')})${split.trail}`, flags.includes('g') ? flags : `${flags}g`);
  }
  const ignoreCase = flags.includes('i');
  return {
    starts: new RegExp(startsPattern(prefixFree(ignoreCase ? starts.map((t) => t.toLowerCase()) : starts)), ignoreCase ? 'gi' : 'g'),
    rest,
    anchored: new RegExp(source, `${flags.replace('g', '')}y`),
    ignoreCase,
  };
}

const scans = new Map<string, Map<string, Scan | null>>();

function scanFor(source: string, flags: string): Scan | null {
  if (flags.includes('y')) return null;
  let byFlags = scans.get(flags);
  if (!byFlags) scans.set(flags, (byFlags = new Map()));
  let scan = byFlags.get(source);
  if (scan === undefined) byFlags.set(source, (scan = compileScan(source, flags)));
  return scan;
}

/**
 * A RegExp that finds its matches through its literal starts first (see above). The scan is
 * worked out on first use, not when the pattern is made: the rules make hundreds of patterns
 * when they load, a check uses a few of them on most drafts, and reading a long alternation's
 * starts costs milliseconds (a second in all, every time the worker starts).
 */
export class PrefilteredRegExp extends RegExp {
  /** undefined until first use; null when matches may start with something other than a literal. */
  #scan: Scan | null | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    if (pattern instanceof PrefilteredRegExp && pattern.flags === this.flags) this.#scan = pattern.#scan;
  }

  /** Whether matches are found through literal starts (false: the pattern scans as a plain one). */
  get prefiltered(): boolean {
    return this.#scanned() !== null;
  }

  #scanned(): Scan | null {
    if (this.#scan === undefined) this.#scan = scanFor(this.source, this.flags);
    return this.#scan;
  }

  /**
   * As RegExp's own: every match from lastIndex on (the first only without `g`), leaving this
   * pattern's lastIndex alone, but without building a copy of the pattern for each call.
   */
  override *[Symbol.matchAll](input: string): RegExpStringIterator<RegExpExecArray> {
    const text = String(input);
    let at = this.lastIndex;
    for (;;) {
      // Runs from its own position, as RegExp's copy would, and leaves lastIndex as it was.
      const own = this.lastIndex;
      this.lastIndex = at;
      const match = this.exec(text);
      at = this.lastIndex;
      this.lastIndex = own;
      if (!match) return undefined;
      if (!this.global) {
        yield match;
        return undefined;
      }
      if (match[0] === '') at += this.unicode && (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
      yield match;
    }
  }

  override exec(input: string): RegExpExecArray | null {
    const scan = this.#scanned();
    const text = String(input);
    if (!scan || (scan.ignoreCase && hasFolds(text))) return super.exec(text);
    const global = this.global;
    const from = global ? this.lastIndex : 0;
    if (from > text.length) {
      if (global) this.lastIndex = 0;
      return null;
    }
    const { starts, rest, anchored } = scan;
    // The leftmost place where the whole pattern may match is the next literal start, or where
    // the branches without one match; the first such place where it does match is the match.
    let restAt = -1;
    let at = from;
    for (;;) {
      starts.lastIndex = at;
      const start = starts.exec(text);
      let place = start ? start.index : Infinity;
      if (rest) {
        // (Still the leftmost match of the rest from here: no place before it matched.)
        if (restAt < at) {
          rest.lastIndex = at;
          const r = rest.exec(text);
          restAt = r ? r.index : Infinity;
        }
        place = Math.min(place, restAt);
      }
      if (place === Infinity) break;
      anchored.lastIndex = place;
      const match = anchored.exec(text);
      if (match) {
        if (global) this.lastIndex = anchored.lastIndex;
        return match;
      }
      at = place + 1;
    }
    if (global) this.lastIndex = 0;
    return null;
  }
}

/**
 * The pattern, scanned through its literal starts when every match has one (found out on first
 * use: `.prefiltered` says), else as a plain RegExp; a sticky pattern (`y`) is a plain RegExp.
 * Same source, flags and matches either way.
 */
export function prefiltered(source: string | RegExp, flags?: string): RegExp {
  const plain = new RegExp(source, flags);
  return plain.sticky ? plain : new PrefilteredRegExp(plain.source, plain.flags);
}

/** Whether a pattern finds its matches through literal starts (works the scan out if not yet). */
export function isPrefiltered(re: RegExp): boolean {
  return re instanceof PrefilteredRegExp && re.prefiltered;
}
