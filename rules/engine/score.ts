/**
 * How sure a finding is, in Presidio's manner: each detector has a base score (a rule's
 * `text.score` or `image.score`, or a hit's own when its mechanism knows better), and words in
 * the finding's sentence raise or lower it (data/context.json). The sensitivity setting turns
 * scores into what is shown: a finding under its threshold is not reported.
 */
import type { Settings } from '../../settings/schema';
import type { RuleContext } from './context';
import { phrasePattern } from './match';
import type { RuleId } from './registry';
import { THRESHOLDS } from './ids';
import contextWords from '../data/context.json';


/** What one raising context word adds, how many count, and what a lowering word takes off. */
const RAISE = 0.1;
const MAX_RAISES = 2;
const LOWER = 0.2;

/** The score a rule's finding must reach under these settings: the rule's own threshold, else the sensitivity's. */
export function thresholdFor(settings: Settings, rule: RuleId): number {
  return settings.rules?.[rule]?.threshold ?? THRESHOLDS[settings.sensitivity ?? 'balanced'];
}

interface Words {
  raise: RegExp | null;
  lower: RegExp | null;
}

const CONTEXT: ReadonlyMap<string, Words> = new Map(
  Object.entries(contextWords)
    .filter(([rule]) => !rule.startsWith('$'))
    .map(([rule, w]) => {
      const words = w as { raise?: string[]; lower?: string[] };
      return [rule, { raise: phrasePattern(words.raise ?? []), lower: phrasePattern(words.lower ?? []) }];
    }),
);

/** The context words found in a span of text, outside the finding's own words. */
function found(re: RegExp | null, text: string, from: number, hit: { start: number; end: number }): string[] {
  if (!re) return [];
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const start = from + m.index;
    if (start < hit.end && start + m[0].length > hit.start) continue;
    const word = m[0].toLowerCase();
    if (!out.includes(word)) out.push(word);
  }
  return out;
}

export interface Scored {
  score: number;
  /** The context words that moved the score, when any did. */
  context?: { raised: string[]; lowered: string[] };
}

const clamp = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

/** A text hit's score: its base, moved by the context words of its sentence. */
export function scoreHit(ctx: RuleContext, rule: RuleId, base: number, hit: { start: number; end: number }): Scored {
  const words = CONTEXT.get(rule);
  if (!words) return { score: clamp(base) };
  const sentence = ctx.sentenceAt(hit.start);
  const text = ctx.text.slice(sentence.start, sentence.end);
  const raised = found(words.raise, text, sentence.start, hit).slice(0, MAX_RAISES);
  const lowered = found(words.lower, text, sentence.start, hit);
  if (raised.length === 0 && lowered.length === 0) return { score: clamp(base) };
  const score = clamp(base + RAISE * raised.length - (lowered.length ? LOWER : 0));
  return { score, context: { raised, lowered } };
}
