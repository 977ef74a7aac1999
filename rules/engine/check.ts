/**
 * The rule engine: checkDraft(draft, settings) -> findings. Pure and synchronous: it never
 * touches the page, storage or the network. One normalisation and one NLP parse per check;
 * each rule reads them through the context.
 */
import { builtInPack } from '../../packs';
import type { Pack } from '../../packs/schema';
import type { Settings } from '../../settings/schema';
import type { Account, RuleId, Severity } from './ids';
import type { ClauseRef, Draft, Finding, ImageAnalysis } from './types';
import { buildContext } from './context';
import { toOriginal } from './normalise';
import { IMAGE_RULES, RULES } from './registry';

export type { Draft, Finding, Hit, Rule, ClauseRef, Box, ImageAnalysis, ImageRef, ImageRule } from './types';
export type { Settings } from '../../settings/schema';
export { IMAGE_RULES, RULES } from './registry';

export interface CheckOptions {
  /** A pack object to use instead of a built-in one (a pack file the caller has read). */
  pack?: Pack;
}

/** The rules the pack enables, settings leave on, and that apply to the account. */
function activeRules<R extends { id: RuleId; accounts?: readonly Account[] }>(rules: readonly R[], pack: Pack, settings: Settings, account: Account): R[] {
  return rules.filter(
    (rule) => pack.rules[rule.id] !== undefined && settings.rules?.[rule.id]?.enabled !== false && (!rule.accounts || rule.accounts.includes(account)),
  );
}

/** The severity and the clause a rule's findings carry, for this account, under this pack. */
function citation(pack: Pack, settings: Settings, id: RuleId, account: Account): { severity: Severity; clause: ClauseRef } {
  const packRule = pack.rules[id]!;
  const override = packRule.byAccount?.[account];
  const clauseId = override?.clauses?.[0] ?? packRule.clauses[0];
  const clause = pack.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new Error(`pack "${pack.id}": rule ${id} cites unknown clause "${clauseId}"`);
  const severity = settings.rules?.[id]?.severity ?? override?.severity ?? packRule.severity;
  return { severity, clause: { pack: clause.source, section: clause.section, quote: clause.quote } };
}

export function checkDraft(draft: Draft, settings: Settings = {}, options: CheckOptions = {}): Finding[] {
  const pack = options.pack ?? builtInPack(settings.pack ?? 'default');
  const active = activeRules(RULES, pack, settings, draft.account);
  if (active.length === 0 || draft.text.trim() === '') return [];
  const ctx = buildContext(draft, settings);
  const findings: Finding[] = [];
  for (const rule of active) {
    const { severity, clause } = citation(pack, settings, rule.id, draft.account);
    const seen = new Set<string>();
    for (const hit of rule.check(ctx)) {
      const [start, end] = toOriginal(ctx.norm, hit.start, hit.end);
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        rule: rule.id,
        severity,
        start,
        end,
        excerpt: draft.text.slice(start, end),
        message: hit.message,
        ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : {}),
        clause,
        why: hit.why,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/**
 * The image rules over the analyses of the draft's attached images (images/ produces them, off
 * the page). Pure and synchronous like checkDraft: a finding's start and end are the image's
 * index, and `image` says which image and where in it.
 */
export function checkImages(analyses: readonly ImageAnalysis[], draft: Draft, settings: Settings = {}, options: CheckOptions = {}): Finding[] {
  const pack = options.pack ?? builtInPack(settings.pack ?? 'default');
  const active = activeRules(IMAGE_RULES, pack, settings, draft.account);
  const findings: Finding[] = [];
  analyses.forEach((image, index) => {
    for (const rule of active) {
      const { severity, clause } = citation(pack, settings, rule.id, draft.account);
      for (const hit of rule.check(image, { draft, settings })) {
        findings.push({
          rule: rule.id,
          severity,
          start: index,
          end: index,
          excerpt: hit.excerpt,
          message: hit.message,
          ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : {}),
          clause,
          why: hit.why,
          image: { index, name: image.name, boxes: hit.boxes },
        });
      }
    }
  });
  return findings;
}
