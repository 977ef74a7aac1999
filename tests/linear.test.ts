// The learned part of the insult rule (rules/engine/linear.ts, rules/data/offensive-model.json,
// trained by scripts/train-offensive.ts): the shipped weights load without eval, stay under 2 MB,
// read the same features in training and checking, and take part in the rule's score.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, features, lexiconFingerprint, loadModel, logit, weigh } from '../rules/engine/linear';
import { OFFENSIVE_LEXICON } from '../rules/derogatory';
import { checkDraft } from '../rules';
import { builtInPack } from '../packs';

const file = new URL('../rules/data/offensive-model.json', import.meta.url);
const data = JSON.parse(readFileSync(file, 'utf8')) as { buckets: number; bias: number; scale: number; threshold: number; weights: string; lexicon: string };

describe('the linear model', () => {
  it('ships at most 2 MB of data and loads', () => {
    expect(statSync(file).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    const model = loadModel(data);
    expect(model.buckets).toBe(data.buckets);
    expect(Number.isFinite(model.weight(0))).toBe(true);
  });

  it("was trained with today's word lists (after editing data/derogatory.json, run scripts/train-offensive.ts)", () => {
    expect(data.lexicon).toBe(lexiconFingerprint(OFFENSIVE_LEXICON));
  });

  it('reads its weights as base64 without atob, and says what is wrong with a bad file', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 255, 7]);
    expect([...decodeBase64(encodeBase64(bytes))]).toEqual([...bytes]);
    expect(() => loadModel({ ...data, buckets: 1000 })).toThrow(/power of two/);
    expect(() => loadModel({ ...data, buckets: 8 })).toThrow(/bytes for 8/);
    expect(() => decodeBase64('ab$c')).toThrow(/not base64 at character 2/);
  });

  it('sees the same features whether listed (training) or weighed (checking)', () => {
    const model = loadModel(data);
    const text = '@user you are a lying clown and everyone knows it 🤡';
    const listed = features(text, model.buckets, OFFENSIVE_LEXICON);
    const weighed = weigh(model, text, OFFENSIVE_LEXICON);
    expect(weighed.count).toBe(listed.length);
    expect(weighed.sum).toBeCloseTo(listed.reduce((s, b) => s + model.weight(b), 0), 6);
    // Lexicon classes add features for listed words only.
    expect(features(text, model.buckets, OFFENSIVE_LEXICON).length).toBeGreaterThan(features(text, model.buckets).length);
  });

  it('scores an insult higher than a school announcement', () => {
    const model = loadModel(data);
    const z = (t: string) => logit(model, weigh(model, t, OFFENSIVE_LEXICON));
    expect(z('@user you are a disgusting pathetic liar')).toBeGreaterThan(z('year 3 had a lovely trip to the museum today'));
  });
});

describe('the insult rule with its learned part', () => {
  const pack = builtInPack('default');
  const check = (text: string, sensitivity: 'strict' | 'balanced' = 'balanced') =>
    checkDraft({ text, platform: 'x', account: 'personal' }, { sensitivity }, { pack }).filter((f) => f.rule === 'derogatory');

  it('reports the learned score with the finding and explains it', () => {
    const found = check('@USER you are a disgusting pathetic liar and a coward', 'strict');
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => typeof f.learned === 'number' && f.learned >= 0 && f.learned <= 1)).toBe(true);
  });

  it('keeps school news clean, and a campaign name is no insult to it', () => {
    for (const text of [
      'Year 1 made Gruffalo masks today: terrible tusks, terrible claws and terrible teeth in their terrible jaws',
      'Hate crime awareness training this morning, genuinely useful.',
      'Well done to everyone who came to parents evening, you were brilliant.',
    ])
      expect(check(text)).toEqual([]);
  });
});
