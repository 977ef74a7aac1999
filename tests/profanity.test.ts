// rules/engine/profanity.ts: QuickRegExpMatcher finds exactly what obscenity's RegExpMatcher
// finds, with the same options, on every labelled draft and on texts made to trip it (look-alikes,
// l33t, doubled letters, surrogate pairs, lone surrogates, whitelisted words).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { QuickRegExpMatcher } from '../rules/engine/profanity';
import { random as seeded } from './support/random';

const options = { ...englishDataset.build(), ...englishRecommendedTransformers };
const stock = new RegExpMatcher(options);
const quick = new QuickRegExpMatcher(options);

const corpusDir = new URL('./corpus/', import.meta.url);
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(new URL(f, corpusDir), 'utf8').split('\n').filter(Boolean))
  .map((l) => (JSON.parse(l) as { text: string }).text);

function expectSame(inputs: readonly string[]) {
  let found = 0;
  for (const input of inputs) {
    for (const sorted of [true, false]) {
      const want = stock.getAllMatches(input, sorted);
      const got = quick.getAllMatches(input, sorted);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, JSON.stringify(input.slice(0, 100))).toEqual(want);
      found += want.length;
    }
  }
  return found;
}

describe('QuickRegExpMatcher', () => {
  it('finds what RegExpMatcher finds on every labelled draft, one by one and all in one text', () => {
    expect(expectSame(texts)).toBeGreaterThan(20);
    expect(expectSame([texts.join('\n')])).toBeGreaterThan(20);
  });

  it('finds what RegExpMatcher finds on texts made to trip it', () => {
    const tricky = [
      'fuuuuuuck this sh1t, f.u.c.k, ƒ𝓾𝒸𝓀, 🅵🆄🅲🅺 and a$$hole',
      'pen is mightier; the analyst; an al; trojan al; bitch b1tch B I T C H',
      '\ud83d fuck \ude00 lone surrogates, 😀fuck😀 and 𝐟𝐮𝐜𝐤𝐢𝐧𝐠 at the end 💩',
      'shiiiit shit. Shit! SHIT sh!t ssshit',
      'fuck',
      '',
      '\ud83d',
    ];
    expectSame(tricky);
    const random = seeded(11);
    const pieces = ['f', 'u', 'c', 'k', 'sh', 'i', '1', 't', '!', ' ', 'a', 'n', 'l', 'pen', ' is', '$', '😀', '\ud83d', 'ü', 'uu', 'B', 'itch', 'ass', 'whore', 'cunt', 'tw', '@', 'e', 'r'];
    expectSame(Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('')));
  });

});
