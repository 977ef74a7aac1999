/**
 * npm run measure: per-rule precision and recall on every labelled set, in process (the same
 * counting as ../shared/tools/score.mjs: a rule counts once per draft), plus the insult rule on
 * OLID's held-out part (scripts/olid-split.ts), so a change to a rule or to the sensitivity is
 * measured on all of them in one run.
 *
 *   npx tsx scripts/measure.ts [--sensitivity strict|balanced|relaxed] [--json FILE] [--set NAME] [--no-olid]
 *
 * Sets: tests/corpus/{labelled,heldout,third,fourth,blind-w1,blind-w2,blind-w3}.jsonl with their settings, the shared sample
 * (../shared/corpus), the blind sets (tests/corpus/blind-w*) and OLID.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDraft } from '../rules';
import { SettingsSchema, type Settings } from '../settings/schema';
import { resolvePack } from '../cli/load';
import { olidHeldOut } from './olid-split';
import { derogatory } from '../rules/derogatory';
import { tagging } from '../rules/tagging';

const { values } = parseArgs({
  options: {
    sensitivity: { type: 'string' },
    json: { type: 'string' },
    set: { type: 'string', multiple: true },
    'no-olid': { type: 'boolean' },
    misses: { type: 'boolean' },
  },
});

interface Case {
  id: string;
  text: string;
  platform: 'facebook' | 'x' | 'instagram';
  account: 'personal' | 'official';
  pack?: string;
  expect?: string[];
  offensive?: string;
  type?: string | null;
}

const readJsonl = (file: string): Case[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);

function withSensitivity(settings: Settings): Settings {
  if (!values.sensitivity) return settings;
  return SettingsSchema.parse({ ...settings, sensitivity: values.sensitivity });
}

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared');
const sets: [string, string, string][] = [
  ['labelled', join(root, 'tests/corpus/labelled.jsonl'), join(root, 'tests/corpus/settings.json')],
  ['heldout', join(root, 'tests/corpus/heldout.jsonl'), join(root, 'tests/corpus/heldout-settings.json')],
  ['third', join(root, 'tests/corpus/third.jsonl'), join(root, 'tests/corpus/third-settings.json')],
  ['fourth', join(root, 'tests/corpus/fourth.jsonl'), join(root, 'tests/corpus/fourth-settings.json')],
  ['shared', join(shared, 'corpus/dev.jsonl'), join(shared, 'corpus/settings-sample.json')],
];
for (const w of ['w1', 'w2', 'w3']) sets.push([`blind-${w}`, join(root, `tests/corpus/blind-${w}.jsonl`), join(root, `tests/corpus/blind-${w}-settings.json`)]);

type Counts = Record<string, { tp: number; fp: number; fn: number }>;
const report: Record<string, unknown> = {};
const f3 = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

for (const [name, casesFile, settingsFile] of sets) {
  if (values.set && !values.set.some((s) => name.startsWith(s))) continue;
  const settings = withSensitivity(SettingsSchema.parse(JSON.parse(readFileSync(settingsFile, 'utf8'))));
  const cases = readJsonl(casesFile);
  const counts: Counts = {};
  const stat = (r: string) => (counts[r] ??= { tp: 0, fp: 0, fn: 0 });
  let clean = 0;
  let kept = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const pack = resolvePack(c.pack ?? settings.pack ?? 'default', '.');
    const got = new Set(checkDraft({ text: c.text, platform: c.platform, account: c.account }, settings, { pack }).map((f) => f.rule as string));
    const want = new Set(c.expect ?? []);
    for (const r of want) {
      if (got.has(r)) stat(r).tp++;
      else {
        stat(r).fn++;
        misses.push(`${c.id} missed ${r}: ${c.text.slice(0, 140)}`);
      }
    }
    for (const r of got)
      if (!want.has(r)) {
        stat(r).fp++;
        misses.push(`${c.id} false ${r}: ${c.text.slice(0, 140)}`);
      }
    if (want.size === 0) {
      clean++;
      if (got.size === 0) kept++;
    }
  }
  const total = Object.values(counts).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  const summary = { cases: cases.length, precision: ratio(total.tp, total.tp + total.fp), recall: ratio(total.tp, total.tp + total.fn), cleanKept: ratio(kept, clean) };
  const rules = Object.fromEntries(
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([r, s]) => [r, { ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) }]),
  );
  report[name] = { summary, rules };
  console.log(`\n${name}: ${cases.length} drafts  precision ${f3(summary.precision)} recall ${f3(summary.recall)} clean-kept ${f3(summary.cleanKept)}`);
  for (const [r, s] of Object.entries(rules)) console.log(`  ${r.padEnd(13)} tp ${String(s.tp).padStart(3)} fp ${String(s.fp).padStart(3)} fn ${String(s.fn).padStart(3)}  P ${f3(s.precision)} R ${f3(s.recall)}`);
  if (values.misses) for (const m of misses) console.log(`    ${m}`);
}

if (!values['no-olid'] && (!values.set || values.set.includes('olid'))) {
  const file = join(shared, 'data/olid-train.jsonl');
  const settings = withSensitivity(SettingsSchema.parse({}));
  const pack = resolvePack('default', '.');
  const cases = olidHeldOut(readJsonl(file));
  let tp = 0;
  let fp = 0;
  let tin = 0;
  let not = 0;
  let other = 0;
  for (const c of cases) {
    const rules = new Set(checkDraft({ text: c.text, platform: c.platform, account: c.account }, settings, { pack }).map((f) => f.rule as string));
    const der = rules.has(derogatory.id);
    if (c.type === 'TIN') {
      tin++;
      if (der) tp++;
    } else if (c.offensive === 'NOT') {
      not++;
      if (der) fp++;
      if ([...rules].some((r) => r !== tagging.id && r !== derogatory.id)) other++;
    }
  }
  const olid = { cases: cases.length, tin, not, precision: ratio(tp, tp + fp), recall: ratio(tp, tin), notWithOtherFindings: ratio(other, not) };
  report.olidHeldOut = olid;
  console.log(`\nOLID held-out part: ${cases.length} posts, ${derogatory.id} on TIN vs NOT precision ${f3(olid.precision)} recall ${f3(olid.recall)}; NOT with another rule ${f3(olid.notWithOtherFindings)}`);
}

if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
