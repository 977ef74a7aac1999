// The policy drafter on real policies it has never seen: every DOC.txt (or .md) in a folder with
// a DOC.keys.json beside it ({"rules": {"<rule id>": ["quote that states it", ...]}}, keyed by
// hand from ../shared/spec/rules.md) is drafted with all the built-in packs as examples and
// compared rule by rule with its keys, as the leave-one-out test compares with hand-made packs.
// `npm run draft:dev -- FOLDER`; without a folder, scratch/dev-policies/ (kept out of git: the
// documents are other organisations' text).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pack } from '../packs/schema';
import { builtInKnowledge } from '../packs/draft/builtin';
import { draftPack } from '../packs/draft/draft';
import { compareWithHandMade, normaliseQuote } from '../packs/draft/evaluate';
import type { RuleId } from '../rules/engine/facts';

const folder = resolve(process.argv[2] ?? new URL('../scratch/dev-policies/', import.meta.url).pathname);
if (!existsSync(folder)) {
  console.error(`${folder}: no such folder`);
  process.exit(2);
}
const knowledge = builtInKnowledge();
let stated = 0, top1 = 0, top3 = 0, notStated = 0, leftOut = 0;
for (const name of readdirSync(folder).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
  const keysFile = join(folder, name.replace(/\.(txt|md)$/, '.keys.json'));
  if (!existsSync(keysFile)) continue;
  const text = readFileSync(join(folder, name), 'utf8');
  const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as { rules: Partial<Record<RuleId, string[]>> };
  // The keys as a hand-made pack: one clause per quote, each rule citing its quotes.
  const clauses: Pack['clauses'] = [];
  const rules: Pack['rules'] = {};
  for (const [rule, quotes] of Object.entries(keys.rules) as [RuleId, string[]][]) {
    rules[rule] = {
      severity: 'warn',
      clauses: quotes.map((quote) => {
        if (!normaliseQuote(text).includes(normaliseQuote(quote))) throw new Error(`${keysFile}: ${rule}: quote not in ${name}: "${quote}"`);
        const id = `k${clauses.length}`;
        clauses.push({ id, section: '-', quote, source: 'dev' });
        return id;
      }),
    };
  }
  const hand = { id: 'dev', name, organisation: name, clauses, rules } as Pack;
  const result = draftPack(text, knowledge, { id: 'dev' });
  const outcomes = compareWithHandMade(text, hand, result.rules);
  const cells = outcomes.map((o) => `${o.rule}:${o.expected ? (o.top1 ? '1' : o.top3 ? '3' : o.proposed ? 'x' : 'miss') : o.proposed ? 'FP' : '-'}`);
  console.log(`${name.padEnd(20)} ${cells.join(' ')}`);
  for (const o of outcomes) {
    if (o.expected) {
      stated++;
      if (o.top1) top1++;
      if (o.top3) top3++;
    } else {
      notStated++;
      if (!o.proposed) leftOut++;
    }
  }
}
const pct = (n: number, d: number) => `${((100 * n) / (d || 1)).toFixed(1)}%`;
console.log(`stated rules: ${stated}, first proposal right ${pct(top1, stated)}, in first three ${pct(top3, stated)}; not stated: ${notStated}, left out ${pct(leftOut, notStated)}`);
