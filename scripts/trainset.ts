/**
 * Precision and recall per rule on posts labelled {"text", "labels": [...]} (the training posts of
 * issue 12), checked as personal Facebook drafts under the default pack and settings. A label that
 * is a rule id counts as that rule; `--label contempt=derogatory` reads another label as a rule (the
 * training posts call derogatory remarks `contempt`). Like every module outside rules/, this one
 * names no rule id: they come from the registry or the command line. A rule counts once per post.
 *
 *   npx tsx scripts/trainset.ts FILE.jsonl... [--misses] [--rule ID] [--label LABEL=ID]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkDraft, RULES } from '../rules';
import { SettingsSchema } from '../settings/schema';
import { resolvePack } from '../cli/load';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: 'boolean' }, rule: { type: 'string', multiple: true }, label: { type: 'string', multiple: true } },
});
const ruleIds = new Set<string>(RULES.map((r) => r.id));
const LABELS: Record<string, string> = {};
for (const pair of values.label ?? []) {
  const [label, id] = pair.split('=');
  if (!label || !id || !ruleIds.has(id)) throw new Error(`--label ${pair}: expected LABEL=RULE with a rule id of the registry`);
  LABELS[label] = id;
}
const labelled = new Set<string>();
for (const file of positionals)
  for (const line of readFileSync(file, 'utf8').split('\n'))
    if (line.trim()) for (const l of (JSON.parse(line) as { labels: string[] }).labels) labelled.add(LABELS[l] ?? l);
const rules = values.rule ?? [...labelled].filter((id) => ruleIds.has(id));
const settings = SettingsSchema.parse({});
const pack = resolvePack('default', '.');
const counts = Object.fromEntries(rules.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
const misses: string[] = [];
let n = 0;
for (const file of positionals) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const post = JSON.parse(line) as { text: string; labels: string[] };
    n++;
    const findings = checkDraft({ text: post.text, platform: 'facebook', account: 'personal' }, settings, { pack });
    const got = new Set(findings.map((f) => f.rule as string));
    const want = new Set(post.labels.map((l) => LABELS[l] ?? l));
    for (const r of rules) {
      const c = counts[r]!;
      if (want.has(r) && got.has(r)) c.tp++;
      else if (want.has(r)) {
        c.fn++;
        misses.push(`missed ${r}: ${post.text}`);
      } else if (got.has(r)) {
        c.fp++;
        const f = findings.find((x) => x.rule === r)!;
        misses.push(`false  ${r}: ${post.text}\n        [${f.score}] ${f.why} <${f.excerpt}>`);
      }
    }
  }
}
const f2 = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(2));
console.log(`${n} posts`);
for (const [r, c] of Object.entries(counts)) console.log(`  ${r.padEnd(13)} tp ${String(c.tp).padStart(3)} fp ${String(c.fp).padStart(3)} fn ${String(c.fn).padStart(3)}  P ${f2(c.tp, c.tp + c.fp)} R ${f2(c.tp, c.tp + c.fn)}`);
if (values.misses) for (const m of misses) console.log(m);
