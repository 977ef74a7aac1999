/**
 * Compares a drafted pack with a hand-made one for the same document: per rule, whether the
 * first clause proposed is one the hand-made pack cites for it, whether one of the first three
 * is, and whether rules the hand-made pack leaves out are left out. Two quotes are the same
 * clause when they overlap for at least half of the shorter, in the document's own text.
 */
import type { Pack } from '../schema';
import type { RuleId } from '../../rules/engine/facts';
import type { RuleProposal } from './propose';

/** The comparison of ../shared/tools/score.mjs: whitespace, quotes, dashes and emphasis aside. */
export function normaliseQuote(s: string): string {
  return s
    .replace(/[*_]/g, '')
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function spans(doc: string, quote: string): [number, number][] {
  const q = normaliseQuote(quote);
  const out: [number, number][] = [];
  for (let i = doc.indexOf(q); i >= 0 && q; i = doc.indexOf(q, i + 1)) out.push([i, i + q.length]);
  return out;
}

export function sameClause(doc: string, a: string, b: string): boolean {
  for (const [s1, e1] of spans(doc, a))
    for (const [s2, e2] of spans(doc, b)) {
      const overlap = Math.min(e1, e2) - Math.max(s1, s2);
      if (overlap > 0 && overlap >= 0.5 * Math.min(e1 - s1, e2 - s2)) return true;
    }
  return false;
}

export interface RuleOutcome {
  rule: RuleId;
  /** The hand-made pack states the rule. */
  expected: boolean;
  proposed: boolean;
  top1: boolean;
  top3: boolean;
}

export function compareWithHandMade(document: string, hand: Pack, rules: readonly RuleProposal[]): RuleOutcome[] {
  const doc = normaliseQuote(document);
  const quoteOf = new Map(hand.clauses.map((c) => [c.id, c.quote]));
  return rules.map((r) => {
    const config = hand.rules[r.rule];
    const cited = config
      ? [...config.clauses, ...(config.byAccount?.personal?.clauses ?? []), ...(config.byAccount?.official?.clauses ?? [])].map((id) => quoteOf.get(id)!)
      : [];
    const hit = (i: number) => r.proposals.slice(0, i).some((p) => cited.some((q) => sameClause(doc, p.clause.quote, q)));
    return { rule: r.rule, expected: Boolean(config), proposed: r.stated, top1: r.stated && hit(1), top3: r.stated && hit(3) };
  });
}
