/**
 * A rule's text hits, computed once per check: the engine reads every rule through here, and so
 * do rules that build on another's findings (complaint on derogatory's insults, disclaimer on
 * the school matters complaint, confidential and contact find), so no detector runs twice.
 */
import type { RuleContext } from './context';
import type { Hit, Rule } from './types';
import { scoreHit, thresholdFor } from './score';
import type { RuleId } from './registry';

const memo = new WeakMap<RuleContext, Map<string, readonly Hit[]>>();

export function hitsOf(rule: Rule, ctx: RuleContext): readonly Hit[] {
  let byRule = memo.get(ctx);
  if (!byRule) {
    byRule = new Map();
    memo.set(ctx, byRule);
  }
  let hits = byRule.get(rule.id);
  if (!hits) {
    hits = rule.text ? rule.text.check(ctx) : [];
    byRule.set(rule.id, hits);
  }
  return hits;
}

/** The hits of another rule that it would report under these settings (scored, at or over its threshold). */
export function reportedHitsOf(rule: Rule, ctx: RuleContext): Hit[] {
  const id = rule.id as RuleId;
  const threshold = thresholdFor(ctx.settings.settings, id);
  return hitsOf(rule, ctx).filter((h) => scoreHit(ctx, id, h.score ?? rule.text!.score, h).score >= threshold);
}
