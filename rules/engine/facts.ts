/**
 * The rules' facts without their code, for the page, the popup, the options page and the
 * schemas: facts.json is generated from the registry (`npm run schemas`; a test keeps it in
 * step), so importing these lists does not load the engine's NLP into every page.
 */
import facts from './facts.json';
import type { RuleFacts, RuleId } from './types';

export type { RuleFacts, RuleId };

/** Every rule's facts, sorted by id. */
export const RULE_FACTS = facts as readonly RuleFacts[];

const BY_ID = new Map(RULE_FACTS.map((f) => [f.id, f]));

export const RULE_IDS = RULE_FACTS.map((f) => f.id) as [RuleId, ...RuleId[]];
/** Rules that look at the draft's text. */
export const TEXT_RULE_IDS = RULE_FACTS.filter((f) => f.text).map((f) => f.id);
/** Rules that look at attached images (`location` looks at both). */
export const IMAGE_RULE_IDS = RULE_FACTS.filter((f) => f.image).map((f) => f.id);

export function ruleFacts(id: RuleId): RuleFacts {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown rule "${id}"`);
  return found;
}

/** What cards, the popup and the options page call a rule. */
export const ruleLabel = (id: RuleId): string => ruleFacts(id).label;
