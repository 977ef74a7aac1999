/**
 * What the product already knows about how policies phrase each rule: every clause of the
 * built-in packs, labelled with the rules that cite it (and where in their list), or with why
 * it cannot be checked; and each rule's description and usual severity.
 */
import type { Pack } from '../schema';
import type { RuleId } from '../../rules/engine/facts';
import type { Severity } from '../../rules/engine/ids';
import type { RuleEvidence } from '../../rules/engine/types';

/** What a rule's own file says that drafting uses. */
export interface RuleFactsForDrafting {
  description: string;
  evidence: RuleEvidence;
}

export interface LabelledClause {
  pack: string;
  id: string;
  source: string;
  section: string;
  quote: string;
  /** Rule -> position in that rule's list of clauses (0 = the clause findings cite). */
  rules: Map<RuleId, number>;
  notCheckable?: string;
}

export interface RuleKnowledge {
  id: RuleId;
  description: string;
  evidence: RuleEvidence;
  /** The severity most built-in packs give the rule. */
  severity: Severity;
}

export interface Knowledge {
  rules: RuleKnowledge[];
  examples: LabelledClause[];
}

/**
 * Labelled examples from packs. `exclude` leaves out one source document's clauses (the pack
 * drawn from it, and the clauses other packs quote from it), for leave-one-out evaluation.
 */
export function knowledgeFrom(
  packs: readonly Pack[],
  descriptions: Readonly<Partial<Record<RuleId, RuleFactsForDrafting>>>,
  exclude?: string,
): Knowledge {
  const examples = new Map<string, LabelledClause>();
  const severities = new Map<RuleId, Severity[]>();
  for (const pack of packs) {
    const byId = new Map(pack.clauses.map((c) => [c.id, c]));
    for (const clause of pack.clauses) {
      if (clause.source === exclude) continue;
      const key = `${clause.source}:${clause.quote}`;
      if (!examples.has(key))
        examples.set(key, {
          pack: pack.id,
          id: clause.id,
          source: clause.source,
          section: clause.section,
          quote: clause.quote,
          rules: new Map(),
          ...(clause.notCheckable ? { notCheckable: clause.notCheckable } : {}),
        });
    }
    for (const [rule, config] of Object.entries(pack.rules) as [RuleId, NonNullable<Pack['rules'][RuleId]>][]) {
      if (pack.id !== exclude) severities.set(rule, [...(severities.get(rule) ?? []), config.severity]);
      const cited = [...config.clauses, ...(config.byAccount?.official?.clauses ?? []), ...(config.byAccount?.personal?.clauses ?? [])];
      cited.forEach((id, rank) => {
        const clause = byId.get(id);
        if (!clause || clause.source === exclude) return;
        const example = examples.get(`${clause.source}:${clause.quote}`)!;
        const before = example.rules.get(rule);
        example.rules.set(rule, Math.min(before ?? rank, rank));
      });
    }
  }
  const rules: RuleKnowledge[] = Object.entries(descriptions).map(([id, facts]) => {
    const seen = severities.get(id as RuleId) ?? [];
    const blocks = seen.filter((s) => s === 'block').length;
    return { id: id as RuleId, description: facts!.description, evidence: facts!.evidence, severity: blocks * 2 > seen.length ? 'block' : 'warn' };
  });
  return { rules, examples: [...examples.values()] };
}
