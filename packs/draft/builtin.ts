/**
 * The product's own knowledge for drafting: the built-in packs and the rules' descriptions.
 * The one place the drafter reaches into the rule engine.
 */
import { BUILT_IN_PACK_IDS, builtInPack } from '../index';
import { IMAGE_RULES, RULES } from '../../rules/registry';
import type { RuleId } from '../../rules/ids';
import { knowledgeFrom, type Knowledge } from './knowledge';

export function ruleDescriptions(): Partial<Record<RuleId, string>> {
  const out: Partial<Record<RuleId, string>> = {};
  // A rule with a text part and an image part (location) is described by both.
  for (const rule of [...RULES, ...IMAGE_RULES]) out[rule.id] = out[rule.id] ? `${out[rule.id]} ${rule.description}` : rule.description;
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
