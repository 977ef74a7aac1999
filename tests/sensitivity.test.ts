// Scored findings and the sensitivity setting (rules/engine/score.ts): every finding carries a
// score and why; strict shows more than balanced, which shows more than relaxed; a rule's own
// threshold wins; and the default leaves the command line's output on the shared sample as it
// was before scores existed (tests/fixtures/shared-sample-findings.jsonl), apart from the new fields.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, type Finding } from '../rules';
import { builtInPack } from '../packs';
import { THRESHOLDS, type Sensitivity } from '../rules/engine/ids';
import { SettingsSchema, type Settings } from '../settings/schema';
import { validateSettings } from '../settings/validate';
import { main } from '../cli/main';

const pack = builtInPack('default');
const check = (text: string, settings: Settings = {}) => checkDraft({ text, platform: 'facebook', account: 'official' }, settings, { pack });

// Drafts whose findings are more and less sure: swearing aimed at nobody, a word that insults
// only when aimed, a simile, a named insult, a slur, a child placed by context.
const DRAFTS = [
  'What a fucking week that was.',
  'Shit, I forgot the register again.',
  'Honestly, you smug cow, get over yourself.',
  'The parents at the gate are so entitled.',
  'Some of the dads were like a herd of elephants at sports day.',
  'He is an idiot.',
  'Mr Smith is a total muppet and everyone knows it.',
  'Well done to Olivia in Year 3 for her certificate!',
  'We are at Riverside Park until 3pm with Year 2.',
  'Vote Labour on Thursday!',
  'Lovely weather for the school fair today.',
];

const at = (sensitivity: Sensitivity) => DRAFTS.flatMap((d) => check(d, { sensitivity }).map((f) => `${d}|${f.rule}|${f.start}`));

describe('sensitivity', () => {
  it('strict reports more than balanced, and balanced more than relaxed, each a superset of the next', () => {
    const strict = at('strict');
    const balanced = at('balanced');
    const relaxed = at('relaxed');
    expect(strict.length).toBeGreaterThan(balanced.length);
    expect(balanced.length).toBeGreaterThan(relaxed.length);
    expect(strict).toEqual(expect.arrayContaining(balanced));
    expect(balanced).toEqual(expect.arrayContaining(relaxed));
    expect(relaxed.length).toBeGreaterThan(0);
  });

  it('balanced is the default', () => {
    expect(at('balanced')).toEqual(DRAFTS.flatMap((d) => check(d).map((f) => `${d}|${f.rule}|${f.start}`)));
  });

  it.each(['strict', 'balanced', 'relaxed'] as const)('every finding at %s has a score of at least its threshold and says why', (sensitivity) => {
    for (const d of DRAFTS)
      for (const f of check(d, { sensitivity })) {
        expect(f.score).toBeGreaterThanOrEqual(THRESHOLDS[sensitivity]);
        expect(f.score).toBeLessThanOrEqual(1);
        expect(f.why.length).toBeGreaterThan(3);
      }
  });

  it('swearing aimed at no one is shown only when strict', () => {
    const [found] = check('What a fucking week that was.', { sensitivity: 'strict' });
    expect(found!.score).toBeGreaterThanOrEqual(THRESHOLDS.strict);
    expect(found!.score).toBeLessThan(THRESHOLDS.balanced);
    expect(check('What a fucking week that was.')).toEqual([]);
  });

  it('context words raise a score and say so', () => {
    const [plain] = check('Such a smug cow, honestly.', { sensitivity: 'strict' });
    const [aimed] = check('Honestly, you smug cow, get over yourself.');
    expect(aimed!.score).toBeGreaterThan(plain?.score ?? 0);
    expect(aimed!.context).toEqual({ raised: ['you'], lowered: [] });
  });

  it("a rule's own threshold wins over the sensitivity", () => {
    const text = 'What a fucking week. He is an idiot. Honestly, you smug cow.';
    const all = check(text, { sensitivity: 'strict' });
    expect(all.map((f) => f.excerpt)).toEqual(['fucking', 'idiot', 'cow']);
    const excerpts = (settings: Settings) => check(text, settings).map((f) => f.excerpt);
    const scoreOf = (excerpt: string) => all.find((f) => f.excerpt === excerpt)!.score;
    // A threshold just above the least sure leaves the others; the rule's threshold beats the sensitivity's.
    expect(scoreOf('fucking')).toBeLessThan(Math.min(scoreOf('idiot'), scoreOf('cow')));
    expect(excerpts({ sensitivity: 'strict', rules: { derogatory: { threshold: scoreOf('fucking') + 0.01 } } })).toEqual(['idiot', 'cow']);
    expect(excerpts({ sensitivity: 'relaxed', rules: { derogatory: { threshold: 0.3 } } })).toEqual(['fucking', 'idiot', 'cow']);
    expect(excerpts({ sensitivity: 'strict', rules: { derogatory: { threshold: 1 } } })).toEqual([]);
  });

  it('settings name a bad sensitivity or threshold', () => {
    const bad = validateSettings({ sensitivity: 'paranoid', rules: { derogatory: { threshold: 1.5 } } });
    expect(bad.settings).toBeNull();
    expect(bad.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['sensitivity', 'rules.derogatory.threshold']));
    expect(SettingsSchema.parse({ sensitivity: 'strict', rules: { tagging: { threshold: 0.9 } } })).toBeTruthy();
  });
});

describe('the command line on the shared sample', () => {
  it('at the default sensitivity prints what it printed before scores, plus score (and context) on each finding', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: () => {}, stdin: () => '', stdinIsTty: false };
    const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
    const code = await main(['check', '--jsonl', `${corpus}dev.jsonl`, '--settings', `${corpus}settings-sample.json`], io);
    expect(code).toBe(0);
    const before = readFileSync(new URL('./fixtures/shared-sample-findings.jsonl', import.meta.url), 'utf8').trim().split('\n');
    const now = out.join('\n').trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: Finding[] });
    for (const line of now)
      for (const f of line.findings) {
        expect(f.score).toBeGreaterThanOrEqual(THRESHOLDS.balanced);
        expect(f.score).toBeLessThanOrEqual(1);
      }
    const withoutNewFields = now.map((l) => JSON.stringify({ id: l.id, findings: l.findings.map(({ score: _s, context: _c, ...rest }) => rest) }));
    expect(withoutNewFields).toEqual(before);
    expect(now.some((l) => l.findings.length > 0)).toBe(true);
  });
});
