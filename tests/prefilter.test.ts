// rules/engine/prefilter.ts: a PrefilteredRegExp finds exactly what the plain pattern finds,
// through every RegExp method, for every pattern list the rules keep as data, on every labelled
// draft, and on texts made to trip it (overlapping starts, characters outside ASCII that the `i`
// flag folds to ASCII letters, emoji, a start at the very end).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPrefiltered, literalStarts, prefiltered, PrefilteredRegExp } from '../rules/engine/prefilter';
import { anyOf } from '../rules/engine/patterns';
import { random as seeded } from './support/random';

const dataDir = new URL('../rules/data/', import.meta.url);
const corpusDir = new URL('./corpus/', import.meta.url);

/** Every list of strings in the rules' data that compiles as patterns. */
function patternLists(): { name: string; list: string[] }[] {
  const out: { name: string; list: string[] }[] = [];
  const walk = (name: string, v: unknown) => {
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
      try {
        for (const s of v) new RegExp(s, 'u');
        out.push({ name, list: v as string[] });
      } catch {
        /* a list of plain words with characters a pattern cannot hold */
      }
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(`${name}.${k}`, x);
  };
  for (const f of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) walk(f, JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')));
  return out;
}

// Every labelled draft, in pieces of about 1,000 characters (drafts end and start inside them).
const drafts: string[] = [];
for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl'))) {
  let piece = '';
  for (const l of readFileSync(new URL(f, corpusDir), 'utf8').split('\n').filter(Boolean)) {
    piece += `${(JSON.parse(l) as { text: string }).text}\n`;
    if (piece.length > 1000) {
      drafts.push(piece);
      piece = '';
    }
  }
  drafts.push(piece);
}

/** Everything a pattern can be asked, as plain data. */
function answers(re: RegExp, text: string) {
  const copy = () => new (re.constructor as typeof RegExp)(re.source, re.flags);
  if (re.global) return { all: [...text.matchAll(copy())].map((m) => [m.index, ...m]), replaced: text.replace(copy(), '<$&>') };
  const first = copy().exec(text);
  return { first: first && [first.index, ...first], test: copy().test(text) };
}

function expectSame(re: RegExp, texts: readonly string[]) {
  const plain = new RegExp(re.source, re.flags);
  for (const text of texts) {
    const [got, want] = [answers(re, text), answers(plain, text)];
    // (Compared as JSON first: far quicker than a deep comparison for a thousand texts.)
    if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `${re.source.slice(0, 60)} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(want);
  }
}

describe('literalStarts', () => {
  it('reads the literal words every match starts with, through groups, options and look-arounds', () => {
    expect(literalStarts("(?<![\\p{L}])(?:not public|isn't public|(?:the )?head is|\\bshh+\\b)(?![\\p{L}])")?.sort()).toEqual(['head ', "isn't", 'not p', 'shh', 'the h']);
    expect(literalStarts('Labour(?: Party)?|Tor(?:y|ies)|Lib ?Dems?')?.sort()).toEqual(['LibDe', 'Lib D', 'Labou', 'Tory', 'Torie'].sort());
    expect(literalStarts('a?bc')?.sort()).toEqual(['abc', 'bc']);
    expect(literalStarts('ab*c')?.sort()).toEqual(['ab', 'ac']);
    expect(literalStarts('[xy]z|\\d{2}')?.sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'xz', 'yz']);
    // Shorter starts absorb longer ones they begin.
    expect(literalStarts('one|one two|on')).toEqual(['on']);
  });
  it('gives up where a match may start with anything but a literal', () => {
    for (const source of ['\\p{L}+ing', 'x|.y', '[^a]b', '(?:a|\\s)b', '\\u{E9}|typical', 'é', 'a*\\w', '(?:)x?', '\\w+']) expect(literalStarts(source), source).toBeNull();
  });
  it('takes characters without case for literals: emoji, dashes', () => {
    expect(literalStarts('\\u{1F644}|🙃|typical|\\u2013x')?.sort()).toEqual(['typic', '–x', '🙃', '🙄'].sort());
  });
});

describe('PrefilteredRegExp', () => {
  it('finds what the plain pattern finds, for every pattern list of the rules, on every labelled draft', () => {
    const lists = patternLists();
    expect(lists.length).toBeGreaterThan(20);
    let prefilteredCount = 0;
    for (const { list } of lists) {
      for (const flags of ['giu', 'iu', 'gu']) {
        const re = anyOf(list, flags);
        if (isPrefiltered(re)) prefilteredCount++;
        expectSame(re, drafts);
      }
    }
    // Most lists have literal starts: the test would prove nothing if none did.
    expect(prefilteredCount).toBeGreaterThan(lists.length);
    // Every list x three flag sets x every labelled draft: about 28 s on a loaded machine, so it
    // gets room beyond the suite's 30 s (a guard against a hang, not a speed claim).
  }, 180_000);

  it('finds overlapping starts, folded letters, matches at the ends and after emoji', () => {
    const texts = [
      'the head is leaving; head is leaving',
      'thethe head is',
      'xthe head is leaving',
      'K\u212Aelvin and \u017Fecret, \u0130stanbul, \u0131ll, kelvin secret',
      'secret',
      'x secret',
      'secre',
      '🙄 secret 🙄secret🙄 s\u0301ecret',
      'abcabc abc ab abcd',
      "the head's secret, a 🙄 head is here, headings thehead heading; Ella's secret",
      '',
    ];
    for (const [source, flags] of [
      ['(?<![\\p{L}])(?:the head is|head is leaving)(?![\\p{L}])', 'giu'],
      ['(?<![\\p{L}\\p{N}])(?:kelvin|secret|istanbul|ill)(?![\\p{L}\\p{N}])', 'giu'],
      ['(?<![\\p{L}\\p{N}])(?:kelvin|secret|istanbul|ill)(?![\\p{L}\\p{N}])', 'iu'],
      ['Kelvin|secret', 'gu'],
      ['abc(?!d)|ab(?=c)|bca', 'g'],
      ['abc(?!d)|ab(?=c)|bca', 'gi'],
      // Branches without a literal start are looked for on their own.
      ["(?<![\\p{L}])(?:head is|\\p{L}+'s secret|🙄)(?![\\p{L}])", 'giu'],
      ["(?<![\\p{L}])(?:the head|\\w+ing|🙄|secret|ill)(?![\\p{L}])", 'giu'],
    ] as const) {
      const re = prefiltered(source, flags);
      expect(isPrefiltered(re)).toBe(true);
      expectSame(re, texts);
    }
  });

  it('finds what the plain pattern finds on random texts made of its own words', () => {
    const random = seeded(7);
    const pieces = ['the ', 'head', ' is ', 'leav', 'ing', 'not ', 'public', ' yet', "isn't", 'a', '.', ' ', '🙄', 'K', 'ſ', 'é', '\n', '-', '1', '2'];
    const texts = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(random() * 20) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    for (const flags of ['giu', 'gu', 'iu', 'gi']) {
      const source = flags.includes('u')
        ? "(?<![\\p{L}])(?:(?:the )?head is(?: leaving)?|not public(?: yet)?|isn't public|a\\.|leaving|\\d+ing)(?![\\p{L}])"
        : "\\b(?:(?:the )?head is(?: leaving)?|not public(?: yet)?|isn't public|a\\.|leaving|\\d+ing)\\b";
      expectSame(prefiltered(source, flags), texts);
    }
  });

  it('keeps the contract of RegExp: lastIndex, the y flag, split, and a pattern without literal starts', () => {
    const middle = prefiltered('(?<![\\p{L}])(?:secret|hush)(?![\\p{L}])', 'giu');
    middle.lastIndex = 4;
    expect(middle.exec('a hush and a secret')?.index).toBe(13);
    const re = prefiltered('(?<![\\p{L}])(?:secret|hush)(?![\\p{L}])', 'giu');
    expect(re.exec('a hush and a secret')?.index).toBe(2);
    expect(re.lastIndex).toBe(6);
    expect(re.exec('a hush and a secret')?.index).toBe(13);
    expect(re.exec('a hush and a secret')).toBeNull();
    expect(re.lastIndex).toBe(0);
    re.lastIndex = 99;
    expect(re.exec('a hush')).toBeNull();
    expect(re.lastIndex).toBe(0);
    expect('one hush two secret three'.split(re)).toEqual(['one ', ' two ', ' three']);
    const sticky = new PrefilteredRegExp('hush', 'y');
    sticky.lastIndex = 2;
    expect(sticky.exec('a hush')?.index).toBe(2);
    expect(isPrefiltered(prefiltered('\\p{L}+ing', 'gu'))).toBe(false);
    expect(isPrefiltered(prefiltered('secret|hush', 'gy'))).toBe(false);
    // matchAll runs from lastIndex and leaves it alone, also when the pattern is used meanwhile.
    const text = 'hush, a secret, hush';
    re.lastIndex = 3;
    const found: number[] = [];
    for (const m of text.matchAll(re)) {
      found.push(m.index);
      expect(re.lastIndex).toBe(3);
      re.test('no');
      re.lastIndex = 3;
    }
    expect(found).toEqual([8, 16]);
    re.lastIndex = 0;
    expect([...text.matchAll(re)].map((m) => m.index)).toEqual([...text.matchAll(new RegExp(re.source, re.flags))].map((m) => m.index));
    const once = (r: RegExp) => [...r[Symbol.matchAll]('a secret, hush')].map((m) => m.index);
    expect(once(prefiltered('secret|hush', 'iu'))).toEqual(once(/secret|hush/iu));
  });
});
