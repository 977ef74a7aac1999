/**
 * The product's own knowledge for drafting: the built-in packs and the rules' descriptions.
 * The one place the drafter reaches into the rule engine.
 */
import { BUILT_IN_PACK_IDS, builtInPack } from '../index';
import { RULE_FACTS, type RuleId } from '../../rules/engine/facts';
import { knowledgeFrom, type Knowledge, type RuleFactsForDrafting } from './knowledge';

/** What each rule says about itself: its description and how policies word it. */
export function ruleDescriptions(): Partial<Record<RuleId, RuleFactsForDrafting>> {
  const out: Partial<Record<RuleId, RuleFactsForDrafting>> = {};
  for (const rule of RULE_FACTS) out[rule.id] = { description: rule.description, evidence: rule.evidence };
  return out;
}

/** Everything the built-in packs know; `exclude` leaves out one source document (leave-one-out). */
export function builtInKnowledge(exclude?: string): Knowledge {
  return knowledgeFrom(
    BUILT_IN_PACK_IDS.map((id) => builtInPack(id)),
    ruleDescriptions(),
    exclude,
  );
}
