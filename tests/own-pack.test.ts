// A school's own pack carried in settings (`ownPack`), and the options page's "Use our own
// policy" model (components/options/own-policy.ts): the review a person works through becomes a
// pack, a pack file and a managed settings file; the pack is the one drafts are checked with.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { checkDraft } from '../rules/engine/check';
import { builtInKnowledge } from '../packs/draft/builtin';
import { draftPack } from '../packs/draft/draft';
import { resolveSettings } from '../settings/resolve';
import { formatIssue, validateSettings } from '../settings/validate';
import { managedSchema } from '../settings/managed-schema';
import { POLICY } from './support/policy-files';
import {
  checkedPack,
  contextOf,
  managedSettingsFile,
  MANAGED_VALUE_LIMIT,
  packFromReview,
  packIdFor,
  reviewFrom,
} from '../components/options/own-policy';
import { candidateIssues, formFromState, settingsToSave } from '../components/options/model';


const own = () => {
  const result = draftPack(POLICY, builtInKnowledge(), { id: 'riverside', name: 'Riverside Staff Social Media Policy', organisation: 'Riverside Academy Trust' });
  return { result, review: reviewFrom(result, POLICY, 'policy.txt') };
};

describe('ownPack in settings', () => {
  it('is accepted, and a broken one is refused with the key named', () => {
    const { result } = own();
    expect(validateSettings({ pack: 'riverside', ownPack: result.pack }).issues).toEqual([]);
    const broken = structuredClone(result.pack);
    broken.clauses[0]!.quote = 'short';
    const issues = validateSettings({ ownPack: broken }).issues.map(formatIssue);
    expect(issues.some((i) => i.startsWith('$.ownPack.clauses[0].quote:'))).toBe(true);
    expect(validateSettings({ ownPack: { ...result.pack, id: 'aspire' } }).issues.map(formatIssue)).toContain(
      "$.ownPack.id: must not be a built-in pack's id (default, coop, flourish, calcot, coton, aspire)",
    );
    expect(validateSettings({ ownPack: { ...result.pack, colour: 'red' } }).issues.map(formatIssue)).toContain('$.ownPack.colour: unknown key "colour"');
  });

  it('is the pack in force when `pack` names it or nothing, and findings cite its clauses', () => {
    const { result } = own();
    for (const local of [{ ownPack: result.pack }, { pack: 'riverside', ownPack: result.pack }]) {
      const state = resolveSettings({ local, managed: null });
      expect(state.problems).toEqual([]);
      expect(state.pack.id).toBe('riverside');
      expect(state.customPack?.id).toBe('riverside');
      expect(state.settings.pack).toBe('riverside');
      expect('ownPack' in state.settings).toBe(false);
    }
    // A built-in `pack` beside it wins: the own pack is carried but not used.
    expect(resolveSettings({ local: { pack: 'aspire', ownPack: result.pack }, managed: null }).pack.id).toBe('aspire');
    // The organisation's own pack, through managed storage.
    const managed = resolveSettings({ local: {}, managed: { ownPack: result.pack } });
    expect(managed.pack.id).toBe('riverside');
    expect(managed.lockedFields).toContain('ownPack');
    const state = resolveSettings({ local: { ownPack: result.pack }, managed: null });
    const findings = checkDraft({ text: 'Great match today, so proud of everyone at the Trust. Our head is useless and the Trust is a joke.', platform: 'facebook', account: 'personal' }, state.settings, { pack: state.pack });
    const cited = findings.map((f) => f.clause.pack);
    expect(cited.length).toBeGreaterThan(0);
    expect(new Set(cited)).toEqual(new Set(['riverside']));
    for (const f of findings) expect(POLICY.replace(/\s+/g, ' ')).toContain(f.clause.quote);
  });

  it('has a managed-storage schema entry', () => {
    const schema = managedSchema() as { properties: Record<string, { type: string; properties: Record<string, unknown> }> };
    expect(schema.properties.ownPack!.type).toBe('object');
    expect(Object.keys(schema.properties.ownPack!.properties)).toEqual(expect.arrayContaining(['id', 'name', 'clauses', 'rules']));
  });

  it('is carried by a settings file the command line checks with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'second-look-own-'));
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ ownPack: own().result.pack }));
    let out = '';
    const io = { out: (s: string) => (out += s + '\n'), err: () => undefined, stdin: () => 'Here is Olivia on sports day!', stdinIsTty: false };
    expect(await main(['validate', settings], io)).toBe(0);
    expect(out).toContain('pack riverside, carried in ownPack');
    out = '';
    const code = await main(['check', '--settings', settings, '--json', '-'], io);
    expect(code).toBe(0);
    writeFileSync(settings, JSON.stringify({ pack: 'elsewhere', ownPack: own().result.pack }));
    let err = '';
    expect(await main(['validate', settings], { ...io, err: (s: string) => (err += s) })).toBe(1);
    expect(err).toContain('unknown pack "elsewhere"');
  });
});

describe('the review of a drafted policy', () => {
  it('proposes a clause for each rule the policy states and leaves the rest out', () => {
    const { review } = own();
    const kept = review.rules.filter((r) => r.included).map((r) => r.rule);
    expect(kept.length).toBeGreaterThan(2);
    for (const r of review.rules.filter((x) => x.included)) {
      expect(r.chosen).toBe(r.candidates[0]!.clause);
      const context = contextOf(review, r.chosen!)!;
      expect(POLICY).toContain(context.clause);
      expect(context.before.length + context.after.length).toBeGreaterThan(0);
    }
  });

  it('becomes the pack the person chose: another clause, another severity, a rule left out', () => {
    const { review } = own();
    const [first, second] = review.rules.filter((r) => r.included);
    const other = review.clauses.find((c) => c.quote.startsWith('This policy will be reviewed'))!;
    const edited = {
      ...review,
      rules: review.rules.map((r) =>
        r.rule === first!.rule ? { ...r, chosen: other.id, severity: 'block' as const } : r.rule === second!.rule ? { ...r, included: false } : r,
      ),
    };
    const pack = packFromReview(edited);
    expect(pack.rules[first!.rule]).toEqual({ severity: 'block', clauses: [other.id] });
    expect(pack.rules[second!.rule]).toBeUndefined();
    expect(pack.clauses.find((c) => c.id === other.id)?.quote).toBe(other.quote);
    expect(checkedPack(edited).issues).toEqual([]);
    expect(checkedPack({ ...review, rules: review.rules.map((r) => ({ ...r, included: false })) }).issues[0]!.message).toMatch(/no rule is kept/);
    expect(checkedPack({ ...review, id: 'coop' }).issues[0]!.path).toEqual(['id']);
  });

  it('is saved through the options form as the pack in force', async () => {
    const pack = packFromReview(own().review);
    const state = resolveSettings({ local: {}, managed: null });
    const form = { ...formFromState(state), pack: pack.id };
    form.rest = { ...form.rest, ownPack: pack };
    const candidate = await settingsToSave(form, state);
    expect(candidateIssues(candidate, undefined)).toEqual([]);
    expect(resolveSettings({ local: candidate, managed: null }).pack.id).toBe(pack.id);
    expect(candidateIssues({ ...candidate, ownPack: undefined }, undefined).map((i) => i.path)).toEqual([['pack']]);
  });

  it('exports a managed settings file that is valid settings and says how large its pack is', () => {
    const pack = packFromReview(own().review);
    const file = managedSettingsFile({ disclaimer: 'Views are my own.' }, pack);
    const parsed = JSON.parse(file.json);
    expect(validateSettings(parsed).issues).toEqual([]);
    expect(parsed.pack).toBe(pack.id);
    expect(parsed.disclaimer).toBe('Views are my own.');
    expect(file.ownPackBytes).toBe(new TextEncoder().encode(JSON.stringify(parsed.ownPack)).length);
    expect(file.tooLarge).toBe(false);
    const huge = { ...pack, clauses: pack.clauses.concat(Array.from({ length: 6000 }, (_, i) => ({ id: `x-${i}`, section: 'x', quote: 'a'.repeat(200), source: pack.id, notCheckable: 'padding' }))) };
    const big = managedSettingsFile({}, huge);
    expect(big.ownPackBytes).toBeGreaterThan(MANAGED_VALUE_LIMIT);
    expect(big.tooLarge).toBe(true);
  });

  it('names the pack after the organisation, never after a built-in pack', () => {
    expect(packIdFor("St Mary's CE Primary")).toBe('st-marys-ce-primary');
    expect(packIdFor('Aspire')).toBe('aspire-own');
    expect(packIdFor('  ')).toBe('own');
  });
});
