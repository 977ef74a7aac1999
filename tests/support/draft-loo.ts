/**
 * Leave-one-out over the five seed policies: each seed's pack drafted from its document with
 * only the other documents' clauses as examples, compared rule by rule with the hand-made pack.
 */
import { builtInPack } from '../../packs';
import { builtInKnowledge } from '../../packs/draft/builtin';
import { draftPack } from '../../packs/draft/draft';
import { compareWithHandMade, type RuleOutcome } from '../../packs/draft/evaluate';
import type { ProposeOptions } from '../../packs/draft/propose';
import { SOURCES, type SourceId } from '../../packs/ids';
import { rawSources } from '../seeds';

export interface LooRow extends RuleOutcome {
  seed: SourceId;
}

export function leaveOneOut(options: ProposeOptions = {}): LooRow[] {
  return SOURCES.flatMap((seed) => {
    const { rules } = draftPack(rawSources[seed], builtInKnowledge(seed), { ...options, id: seed });
    return compareWithHandMade(rawSources[seed], builtInPack(seed), rules).map((o) => ({ seed, ...o }));
  });
}

export interface LooSummary {
  stated: number;
  top1: number;
  top3: number;
  notStated: number;
  leftOut: number;
}

export function summarise(rows: readonly LooRow[]): LooSummary {
  const stated = rows.filter((r) => r.expected);
  const notStated = rows.filter((r) => !r.expected);
  return {
    stated: stated.length,
    top1: stated.filter((r) => r.top1).length / stated.length,
    top3: stated.filter((r) => r.top3).length / stated.length,
    notStated: notStated.length,
    leftOut: notStated.filter((r) => !r.proposed).length / notStated.length,
  };
}

/** The table: one row per rule, a column per seed (1 = first proposal right, 3 = in top 3, x = missed or wrongly proposed, - = correctly left out). */
export function table(rows: readonly LooRow[]): string {
  const rules = [...new Set(rows.map((r) => r.rule))];
  const cell = (r: LooRow | undefined) =>
    !r ? '' : r.expected ? (r.top1 ? '1' : r.top3 ? '3' : r.proposed ? 'x' : 'miss') : r.proposed ? 'FP' : '-';
  const head = `${'rule'.padEnd(14)}${SOURCES.map((s) => s.padStart(9)).join('')}`;
  const lines = rules.map((rule) => `${rule.padEnd(14)}${SOURCES.map((s) => cell(rows.find((r) => r.seed === s && r.rule === rule)).padStart(9)).join('')}`);
  const s = summarise(rows);
  return [
    head,
    ...lines,
    `stated rules: ${s.stated}, first proposal right ${(s.top1 * 100).toFixed(1)}%, in first three ${(s.top3 * 100).toFixed(1)}%;` +
      ` not stated: ${s.notStated}, left out ${(s.leftOut * 100).toFixed(1)}%`,
  ].join('\n');
}
