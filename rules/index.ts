/**
 * The rule engine: checkDraft(draft, settings) -> findings. Pure and synchronous: it never
 * touches the page, storage or the network. One normalisation and one NLP parse per check;
 * each rule reads them through the context.
 */
import { builtInPack } from '../packs';
import type { Pack } from '../packs/schema';
import type { Settings } from './settings';
import type { Draft, Finding } from './types';
import { buildContext } from './context';
import { toOriginal } from './normalise';
import { RULES } from './registry';

export type { Draft, Finding, Hit, Rule, ClauseRef } from './types';
export type { Settings } from './settings';
export { RULES } from './registry';

export interface CheckOptions {
  /** A pack object to use instead of a built-in one (a pack file the caller has read). */
  pack?: Pack;
}

export function checkDraft(draft: Draft, settings: Settings = {}, options: CheckOptions = {}): Finding[] {
  const pack = options.pack ?? builtInPack(settings.pack ?? 'default');
  const active = RULES.filter(
    (rule) =>
      pack.rules[rule.id] !== undefined &&
      settings.rules?.[rule.id]?.enabled !== false &&
      (!rule.accounts || rule.accounts.includes(draft.account)),
  );
  if (active.length === 0 || draft.text.trim() === '') return [];
  const ctx = buildContext(draft, settings);
  const findings: Finding[] = [];
  for (const rule of active) {
    const packRule = pack.rules[rule.id]!;
    const override = packRule.byAccount?.[draft.account];
    const clauseId = override?.clauses?.[0] ?? packRule.clauses[0];
    const clause = pack.clauses.find((c) => c.id === clauseId);
    if (!clause) throw new Error(`pack "${pack.id}": rule ${rule.id} cites unknown clause "${clauseId}"`);
    const severity = settings.rules?.[rule.id]?.severity ?? override?.severity ?? packRule.severity;
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
        clause: { pack: clause.source, section: clause.section, quote: clause.quote },
        why: hit.why,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
