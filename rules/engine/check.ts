/**
 * The rule engine: checkDraft(draft, settings, { pack }) -> findings. Pure and synchronous: it
 * never touches the page, storage or the network. One normalisation and one NLP parse per
 * check; each rule reads them through the context. The caller chooses the pack (packs/ holds
 * the built-in ones), so the engine knows policies only through the shape below.
 */
import type { Settings } from '../../settings/schema';
import type { Account, Severity } from './ids';
import type { ClauseRef, Draft, Finding, ImageAnalysis, ImageRef, Rule, RuleId } from './types';
import { buildContext, compileSettings } from './context';
import { derivePendingNames } from './pupils';
import { derivedNameKeys } from './name-hash';
import { toOriginal } from './normalise';
import { RULES } from './registry';
import { scoreHit, thresholdFor, type Scored } from './score';
import { hitsOf } from './hits';

export type * from './types';
export type { Settings } from '../../settings/schema';
export { RULES } from './registry';

/** What the engine reads from a policy pack (packs/schema.ts validates the files). */
export interface Policy {
  readonly id: string;
  readonly clauses: readonly { id: string; source: string; section: string; quote: string }[];
  readonly rules: Partial<
    Record<
      RuleId,
      {
        severity: Severity;
        clauses: readonly string[];
        byAccount?: Partial<Record<Account, { severity?: Severity; clauses?: readonly string[] } | undefined>>;
      }
    >
  >;
}

export interface CheckOptions {
  /** The policy pack to check against: a built-in one (packs/) or a pack file the caller has read. */
  pack: Policy;
}

/** The rules the pack enables, settings leave on, and that apply to the account. */
function activeRules(pack: Policy, settings: Settings, account: Account): Rule<RuleId>[] {
  return RULES.filter(
    (rule) => pack.rules[rule.id] !== undefined && settings.rules?.[rule.id]?.enabled !== false && (!rule.accounts || rule.accounts.includes(account)),
  );
}

type Citation = { rule: RuleId; severity: Severity; clause: ClauseRef };

/** The severity and the clause a rule's findings carry, for this account, under this pack. */
function citation(pack: Policy, settings: Settings, id: RuleId, account: Account): Citation {
  const packRule = pack.rules[id]!;
  const override = packRule.byAccount?.[account];
  const clauseId = override?.clauses?.[0] ?? packRule.clauses[0];
  const clause = pack.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new Error(`pack "${pack.id}": rule ${id} cites unknown clause "${clauseId}"`);
  const severity = settings.rules?.[id]?.severity ?? override?.severity ?? packRule.severity;
  return { rule: id, severity, clause: { pack: clause.source, section: clause.section, quote: clause.quote } };
}

/** The one place a finding is made, from a rule's hit and where it is. */
function finding(
  cited: Citation,
  at: { start: number; end: number; excerpt: string },
  hit: { message: string; suggestion?: string; why: string },
  scored: Scored,
  image?: ImageRef,
): Finding {
  return {
    rule: cited.rule,
    severity: cited.severity,
    start: at.start,
    end: at.end,
    excerpt: at.excerpt,
    message: hit.message,
    ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : {}),
    clause: cited.clause,
    why: hit.why,
    score: scored.score,
    ...(scored.context ? { context: scored.context } : {}),
    ...(image ? { image } : {}),
  };
}

export function checkDraft(draft: Draft, settings: Settings, options: CheckOptions): Finding[] {
  const active = activeRules(options.pack, settings, draft.account).filter((rule) => rule.text);
  if (active.length === 0 || draft.text.trim() === '') return [];
  const ctx = buildContext(draft, settings);
  const findings: Finding[] = [];
  for (const rule of active) {
    const cited = citation(options.pack, settings, rule.id, draft.account);
    const threshold = thresholdFor(settings, rule.id);
    const seen = new Set<string>();
    for (const hit of hitsOf(rule, ctx)) {
      const scored = scoreHit(ctx, rule.id, hit.score ?? rule.text!.score, hit);
      if (scored.score < threshold) continue;
      const [start, end] = toOriginal(ctx.norm, hit.start, hit.end);
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(cited, { start, end, excerpt: draft.text.slice(start, end) }, hit, scored));
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/**
 * The words of a draft the hashed pupil list could not be searched for yet: their keys are not
 * derived (a memory-hard derivation, about a second each; rules/engine/name-hash.ts). Empty
 * for a plain list or none. Call after checkDraft with the same settings object.
 */
export function pendingNames(settings: Settings): string[] {
  return compileSettings(settings).pendingNames.list();
}

/**
 * Runs a check (checkDraft, checkImages, or both) with every word the hashed pupil list needs
 * derived first (the command line, and tests): checks, derives the words it could not look up,
 * and checks again until none are left (a word's one-letter deletions are looked up only once
 * the word itself is known not to match).
 */
export async function withPupilNames<T>(settings: Settings, run: () => T): Promise<T> {
  const compiled = compileSettings(settings);
  for (;;) {
    compiled.pendingNames.clear();
    const result = run();
    const pending = compiled.pendingNames.list();
    if (pending.length === 0 || !compiled.nameKdf) return result;
    await derivePendingNames(compiled.nameKdf, pending, derivedNameKeys);
  }
}

/** checkDraft with the hashed pupil list's words derived first (withPupilNames). */
export function checkDraftWithNames(draft: Draft, settings: Settings, options: CheckOptions): Promise<Finding[]> {
  return withPupilNames(settings, () => checkDraft(draft, settings, options));
}

/**
 * The image rules over the analyses of the draft's attached images (images/ produces them, off
 * the page). Pure and synchronous like checkDraft: a finding's start and end are the image's
 * index, and `image` says which image and where in it.
 */
export function checkImages(analyses: readonly ImageAnalysis[], draft: Draft, settings: Settings, options: CheckOptions): Finding[] {
  const active = activeRules(options.pack, settings, draft.account).filter((rule) => rule.image);
  const findings: Finding[] = [];
  analyses.forEach((image, index) => {
    for (const rule of active) {
      const cited = citation(options.pack, settings, rule.id, draft.account);
      const threshold = thresholdFor(settings, rule.id);
      for (const hit of rule.image!.check(image, { draft, settings })) {
        const score = Math.round((hit.score ?? rule.image!.score) * 100) / 100;
        if (score < threshold) continue;
        findings.push(finding(cited, { start: index, end: index, excerpt: hit.excerpt }, hit, { score }, { index, name: image.name, boxes: hit.boxes }));
      }
    }
  });
  return findings;
}
