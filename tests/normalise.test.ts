// Normalisation folds disguises away and keeps the way back to what the user typed.
import { describe, expect, it } from 'vitest';
import { normalise, toOriginal } from '../rules/engine/normalise';
import { tokenize, spacedTokens, sentences } from '../rules/engine/tokens';

describe('normalise', () => {
  it.each([
    ['Fat\u200bima', 'Fatima'],
    ['D\u0443lan', 'Dylan'],
    ['Ciar\u00e1n', 'Ciaran'],
    ['\uff26\uff55\uff4c\uff4c', 'Full'],
    ['it\u2019s', "it's"],
    ['soft\u00adhyphen', 'softhyphen'],
    ['\u0421\u0430m', 'Cam'],
  ])('%s -> %s', (input, clean) => {
    expect(normalise(input).text).toBe(clean);
  });

  it('maps every clean span back onto the original characters', () => {
    const original = 'Well done Fat\u200bima and D\u0443lan \ud83c\udf89 Ciar\u00e1n!';
    const norm = normalise(original);
    const at = norm.text.indexOf('Fatima');
    expect(toOriginal(norm, at, at + 6)).toEqual([10, 17]);
    const emoji = norm.text.indexOf('\ud83c\udf89');
    const [s, e] = toOriginal(norm, emoji, emoji + 2);
    expect(original.slice(s, e)).toBe('\ud83c\udf89');
    const c = norm.text.indexOf('Ciaran');
    const [cs, ce] = toOriginal(norm, c, c + 6);
    expect(original.slice(cs, ce)).toBe('Ciar\u00e1n');
  });
});

describe('tokens', () => {
  it('folds l33t, possessives and case into keys', () => {
    expect(tokenize("J0seph's tw4t Year 5").map((t) => t.key)).toEqual(['joseph', 'twat', 'year', '5']);
  });
  it('joins letters spelt out with spaces', () => {
    const text = 'Go N a o m i, a b c';
    expect(spacedTokens(text, tokenize(text)).map((t) => [t.key, text.slice(t.start, t.end)])).toEqual([
      ['naomi', 'N a o m i'],
      ['abc', 'a b c'],
    ]);
  });
  it('splits sentences at end punctuation followed by space, not inside numbers or initials-free text', () => {
    const text = 'It cost \u00a33.50 today. Great! Next?';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['It cost \u00a33.50 today.', 'Great!', 'Next?']);
  });
});
