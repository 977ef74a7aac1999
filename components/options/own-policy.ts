/**
 * "Use our own policy" as plain data: the drafter's proposals (packs/draft/) turned into a review
 * a person works through rule by rule (accept the proposed clause, choose another, change the
 * severity, leave the rule out), and the review turned back into a pack, a pack file and a
 * settings file for managed deployment. No Preact here (OwnPolicy.tsx renders it), and none of
 * the drafter's code: draft-policy.ts loads that only when a policy is drafted.
 */
import { BUILT_IN_PACK_IDS } from '../../packs/ids';
import type { Clause, Pack, PackRule } from '../../packs/schema';
import type { Severity } from '../../rules/engine/ids';
import { RULE_FACTS, type RuleId } from '../../rules/engine/facts';
import { validatePack, type Issue } from '../../settings/validate';

/** A clause of the document as the review shows it (the drafter's DocClause, without its internals). */
export interface ReviewClause {
  id: string;
  section: string;
  quote: string;
  /** Offsets of the clause in the document's text, for its context. */
  start: number;
  end: number;
}

export interface RuleReview {
  rule: RuleId;
  /** The drafter found the document states the rule. */
  proposed: boolean;
  /** The rule goes into the pack. */
  included: boolean;
  severity: Severity;
  /** The clauses the drafter proposes, best first, with why. */
  candidates: { clause: string; score: number; words: string[] }[];
  /** The clause the rule cites (the first candidate unless another was chosen). */
  chosen: string | undefined;
}

export interface Review {
  /** The document's text as extracted, for the context around each clause. */
  text: string;
  /** Where the text came from ("pasted text" or a file name). */
  from: string;
  clauses: ReviewClause[];
  rules: RuleReview[];
  /** Clauses about what posts say or show that no rule checks, and why. */
  notCheckable: { clause: string; reason: string }[];
  id: string;
  name: string;
  organisation: string;
}

/** What the drafter returns that the review needs (packs/draft/draft.ts's DraftResult, loosely). */
export interface DraftOutcome {
  pack: Pack;
  clauses: ReviewClause[];
  rules: { rule: RuleId; stated: boolean; proposals: { clause: { id: string }; score: number; words: string[] }[] }[];
  notCheckable: { clause: { id: string }; reason: string }[];
}

const BUILT_IN: readonly string[] = BUILT_IN_PACK_IDS;

/** A pack id from the organisation's name: "St Mary's CE Primary" -> "st-marys-ce-primary". */
export function packIdFor(organisation: string): string {
  const slug = organisation
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const id = slug || 'own';
  return BUILT_IN.includes(id) ? `${id}-own` : id;
}

export function reviewFrom(outcome: DraftOutcome, text: string, from: string): Review {
  const rules = RULE_FACTS.map((facts): RuleReview => {
    const r = outcome.rules.find((x) => x.rule === facts.id);
    const inPack = outcome.pack.rules[facts.id];
    const candidates = (r?.proposals ?? []).map((p) => ({ clause: p.clause.id, score: p.score, words: p.words }));
    return {
      rule: facts.id,
      proposed: Boolean(r?.stated),
      included: Boolean(inPack),
      severity: inPack?.severity ?? 'warn',
      candidates,
      chosen: candidates[0]?.clause,
    };
  });
  return {
    text,
    from,
    clauses: outcome.clauses.map(({ id, section, quote, start, end }) => ({ id, section, quote, start, end })),
    rules,
    notCheckable: outcome.notCheckable.map((n) => ({ clause: n.clause.id, reason: n.reason })),
    id: outcome.pack.id,
    name: outcome.pack.name,
    organisation: outcome.pack.organisation,
  };
}

/** The document around a clause: up to `chars` characters either side, cut at word boundaries. */
export function contextOf(review: Review, clauseId: string, chars = 220): { before: string; clause: string; after: string } | null {
  const c = review.clauses.find((x) => x.id === clauseId);
  if (!c) return null;
  let from = Math.max(0, c.start - chars);
  let to = Math.min(review.text.length, c.end + chars);
  if (from > 0) from = review.text.indexOf(' ', from) + 1 || from;
  if (to < review.text.length) to = review.text.lastIndexOf(' ', to) > c.end ? review.text.lastIndexOf(' ', to) : to;
  return {
    before: (from > 0 ? '… ' : '') + review.text.slice(from, c.start),
    clause: review.text.slice(c.start, c.end),
    after: review.text.slice(c.end, to) + (to < review.text.length ? ' …' : ''),
  };
}

/** The pack the review describes: the rules kept, each citing its chosen clause; clauses cited or not checkable. */
export function packFromReview(review: Review): Pack {
  const rules: Partial<Record<RuleId, PackRule>> = {};
  const cited = new Set<string>();
  for (const r of review.rules) {
    if (!r.included || !r.chosen) continue;
    rules[r.rule] = { severity: r.severity, clauses: [r.chosen] };
    cited.add(r.chosen);
  }
  const reasons = new Map(review.notCheckable.map((n) => [n.clause, n.reason]));
  const clauses: Clause[] = [];
  for (const c of review.clauses) {
    const entry: Clause = { id: c.id, section: c.section, quote: c.quote, source: review.id };
    if (cited.has(c.id)) clauses.push(entry);
    else if (reasons.has(c.id)) clauses.push({ ...entry, notCheckable: reasons.get(c.id)! });
  }
  return { id: review.id, name: review.name, organisation: review.organisation, clauses, rules };
}

/** The pack, validated: a problem names the review's field (a rule, the pack's id or name). */
export function checkedPack(review: Review): { pack: Pack; issues: [] } | { pack: null; issues: Issue[] } {
  if (!review.rules.some((r) => r.included && r.chosen))
    return { pack: null, issues: [{ path: ['rules'], message: 'no rule is kept: keep at least one, or the pack would check nothing' }] };
  if (BUILT_IN.includes(review.id)) return { pack: null, issues: [{ path: ['id'], message: `"${review.id}" is a built-in pack's id: choose another` }] };
  return validatePack(packFromReview(review));
}

export function packFileJson(pack: Pack): string {
  return JSON.stringify(pack, null, 2) + '\n';
}

/**
 * How large one managed policy value may be before some deployment route refuses it: Windows
 * keeps policy in the registry, whose values are limited to 1 MB in the standard format
 * (Microsoft, "Registry element size limits"), and Chrome fetches at most 5 MB of policy data for
 * one extension from the Google Admin console (components/policy/core/common/cloud/
 * component_cloud_policy_updater.cc, kPolicyDataMaxSize). The smaller bound is the one to keep.
 */
export const MANAGED_VALUE_LIMIT = 1024 * 1024;

/**
 * A settings file for managed deployment: the settings in force (as exported) with this pack in
 * force, carried inline as `ownPack`. Says how large the `ownPack` value is, and whether it fits.
 */
export function managedSettingsFile(settingsInForce: Record<string, unknown>, pack: Pack): { json: string; ownPackBytes: number; tooLarge: boolean } {
  const { $schema: _schema, exampleSettings: _examples, ...own } = pack as Pack & { $schema?: string };
  const settings = { ...settingsInForce, pack: pack.id, ownPack: own };
  const json = JSON.stringify(settings, null, 2) + '\n';
  const ownPackBytes = new TextEncoder().encode(JSON.stringify(own)).length;
  return { json, ownPackBytes, tooLarge: ownPackBytes > MANAGED_VALUE_LIMIT };
}
