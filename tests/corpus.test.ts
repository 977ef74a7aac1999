// The labelled sets, scored like ../shared/tools/score.mjs scores them: our own 478 drafts and
// a second set of 250 for another school (tests/corpus/), and the shared developer sample. Case-level precision and recall per rule,
// the share of clean drafts kept clean, and every clause quote verbatim from its source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../rules';
import { SettingsSchema } from '../rules/settings';
import { resolvePack } from '../cli/load';
import { SOURCES } from '../rules/ids';

interface Case {
  id: string;
  text: string;
  platform: 'facebook' | 'x' | 'instagram';
  account: 'personal' | 'official';
  pack?: string;
  expect: string[];
}

const seeds = new URL('../../shared/seeds/', import.meta.url);
const SEED_FILES: Record<string, string> = {
  coop: '000_f92ab16481a2a513.txt',
  flourish: '001_9e36f09e64a7059c.txt',
  calcot: '002_35c5730769a0bdf8.txt',
  coton: '003_4811cb6a4d6851da.txt',
  aspire: '004_bcecf93d2005b914.txt',
};
// The same folding as score.mjs: markdown emphasis, curly quotes, dashes and white space.
const fold = (s: string) =>
  s
    .replace(/[*_]/g, '')
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const sources = Object.fromEntries(SOURCES.map((id) => [id, fold(readFileSync(new URL(SEED_FILES[id]!, seeds), 'utf8'))]));

function score(casesFile: URL, settingsFile: URL) {
  const settings = SettingsSchema.parse(JSON.parse(readFileSync(settingsFile, 'utf8')));
  const cases = readFileSync(casesFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let clean = 0;
  let cleanKept = 0;
  const misses: string[] = [];
  const badQuotes: string[] = [];
  for (const c of cases) {
    const pack = resolvePack(c.pack ?? settings.pack ?? 'default', '.');
    const findings = checkDraft({ text: c.text, platform: c.platform, account: c.account }, settings, { pack });
    const got = new Set(findings.map((f) => f.rule as string));
    const want = new Set(c.expect);
    for (const r of want) {
      if (got.has(r)) tp++;
      else {
        fn++;
        misses.push(`${c.id} missed ${r}`);
      }
    }
    for (const r of got) {
      if (want.has(r)) continue;
      fp++;
      misses.push(`${c.id} false ${r}`);
    }
    if (want.size === 0) {
      clean++;
      if (got.size === 0) cleanKept++;
    }
    for (const f of findings) {
      const quote = fold(f.clause.quote);
      if (quote.length < 12 || !sources[f.clause.pack]?.includes(quote)) badQuotes.push(`${c.id} ${f.rule}`);
    }
  }
  return { cases: cases.length, precision: tp / (tp + fp), recall: tp / (tp + fn), cleanKept: cleanKept / clean, misses, badQuotes };
}

describe('labelled corpora', () => {
  it('our own labelled set (478 drafts): precision, recall and clean-kept at least 0.95', () => {
    const s = score(new URL('./corpus/labelled.jsonl', import.meta.url), new URL('./corpus/settings.json', import.meta.url));
    expect(s.cases).toBeGreaterThanOrEqual(300);
    expect(s.badQuotes).toEqual([]);
    expect({ precision: s.precision >= 0.95, recall: s.recall >= 0.95, cleanKept: s.cleanKept >= 0.95, misses: s.misses }).toMatchObject({
      precision: true,
      recall: true,
      cleanKept: true,
    });
  });

  it('the second set (250 drafts, another school): precision, recall and clean-kept at least 0.95', () => {
    const s = score(new URL('./corpus/heldout.jsonl', import.meta.url), new URL('./corpus/heldout-settings.json', import.meta.url));
    expect(s.cases).toBe(250);
    expect(s.badQuotes).toEqual([]);
    expect({ precision: s.precision >= 0.95, recall: s.recall >= 0.95, cleanKept: s.cleanKept >= 0.95, misses: s.misses }).toMatchObject({
      precision: true,
      recall: true,
      cleanKept: true,
    });
  });

  it('the shared developer sample: precision, recall and clean-kept at least 0.95', () => {
    const corpus = new URL('../../shared/corpus/', import.meta.url);
    const s = score(new URL('dev.jsonl', corpus), new URL('settings-sample.json', corpus));
    expect(s.badQuotes).toEqual([]);
    expect({ precision: s.precision >= 0.95, recall: s.recall >= 0.95, cleanKept: s.cleanKept >= 0.95, misses: s.misses }).toMatchObject({
      precision: true,
      recall: true,
      cleanKept: true,
    });
  });
});
