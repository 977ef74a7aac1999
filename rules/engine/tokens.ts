/**
 * Words of the clean text with their offsets, in two forms: as written (for capitalisation)
 * and folded (lower case, l33t digits read as letters, possessive dropped) for dictionary
 * look-ups. Runs of single letters separated by spaces ("N a o m i") are also offered joined,
 * as extra tokens flagged `spaced`, so that names and insults spelt out letter by letter match.
 */

export interface Token {
  /** The word as written in the clean text (accents and look-alikes already folded). */
  readonly text: string;
  /** Lower case, digits inside words read as letters, trailing possessive removed. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Index in the token list (spaced tokens share the index of their first letter). */
  readonly index: number;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  /** Joined from single letters separated by spaces. */
  readonly spaced?: boolean;
  /** Written with a possessive ending ('s or s'). */
  readonly possessive: boolean;
  /** Contained digits or symbols standing in for letters. */
  readonly leet: boolean;
}

// A word: letters/digits, with inner apostrophes, hyphens and the symbols that stand in for
// letters (f*ck, sh!t, @ss). Bounded quantifiers keep every pattern linear.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['*@$!](?=[\p{L}\p{N}]))*/gu;

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '*': '',
};

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function fold(word: string): { key: string; possessive: boolean; leet: boolean } {
  let w = word.toLowerCase();
  let possessive = false;
  // (Plain string tests where they say the same as a pattern: this runs for every word of a draft.)
  if (w.length >= 3 && w.endsWith("'s")) {
    w = w.slice(0, -2);
    possessive = true;
  } else if (w.endsWith("s'")) {
    w = w.slice(0, -1);
    possessive = true;
  }
  const hasLetter = isAsciiLetter(w.charCodeAt(0)) || /\p{L}/u.test(w);
  const hasStandIn = /[0-9@$!*]/.test(w);
  let leet = false;
  // Digits are read as letters only inside words that also have letters (J0seph, tw4t), never
  // in numbers (Year 5, 3pm is left to the rules that read times).
  if (hasLetter && hasStandIn && !/^\d+(st|nd|rd|th|am|pm|s|k|m|cm|mm|km|kg|g|ml|l|p|x)?$/.test(w)) {
    w = w.replace(/[0-9@$!*]/g, (c) => LEET[c] ?? c);
    leet = true;
  }
  return { key: w.includes("'") ? w.replace(/'/g, '') : w, possessive, leet };
}

function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const { key, possessive, leet } = fold(word);
    tokens.push({
      text: word,
      key,
      start,
      end: start + word.length,
      index: tokens.length,
      capitalised: capitalised(word),
      possessive,
      leet,
    });
  }
  return tokens;
}

/**
 * Joined forms of runs of at least three single-letter tokens separated by single spaces
 * ("s o d", "N a o m i"). A run stops at anything else, so ordinary words never join.
 */
// What may separate letters spelt out one by one: a space, a dot, a dash, an underscore, or an
// emoji or symbol between every letter ("s🤡l🤡t"), with spaces around it.
const LETTER_GAP = /^(?:[ .\-_]| ?(?:\p{Extended_Pictographic}|[*·•|/+~])(?:\u200d?\p{Extended_Pictographic}|\ufe0f)* ?)$/u;

export function spacedTokens(text: string, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (
      j + 1 < tokens.length &&
      tokens[j]!.text.length === 1 &&
      tokens[j + 1]!.text.length === 1 &&
      LETTER_GAP.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))
    )
      j++;
    if (j - i >= 2 && tokens[i]!.text.length === 1) {
      const first = tokens[i]!;
      const last = tokens[j]!;
      const word = tokens.slice(i, j + 1).map((t) => t.text).join('');
      const { key, possessive, leet } = fold(word);
      out.push({
        text: word,
        key,
        start: first.start,
        end: last.end,
        index: first.index,
        capitalised: first.capitalised,
        spaced: true,
        possessive,
        leet,
      });
      i = j + 1;
    } else i++;
  }
  return out;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
}

/**
 * Sentence spans: a sentence ends at . ! ? or … followed by white space (so "H." in "Sumaya H.
 * and Kwesi M." ends one, which is harmless, but "£3.50" does not), or at a line break.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(start, i);
      start = i + 1;
    } else if ((c === '.' || c === '!' || c === '?' || c === '\u2026') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      push(start, i + 1);
      start = i + 1;
    }
  }
  push(start, text.length);
  return out;
}
