/** A finding's reasons in words, for the card, the popup and the command line's plain output. */
import type { Finding } from './types';

/** "insult word (idiot); raised by "you"": what made it fire and what moved its score. */
export function explainWhy(f: Pick<Finding, 'why' | 'context'>): string {
  const parts = [f.why];
  const c = f.context;
  if (c?.raised.length) parts.push(`raised by ${c.raised.map((w) => `“${w}”`).join(', ')}`);
  if (c?.lowered.length) parts.push(`lowered by ${c.lowered.map((w) => `“${w}”`).join(', ')}`);
  return parts.filter(Boolean).join('; ');
}

/** How sure, in words a person reads: "very sure (0.95)". */
export function describeScore(score: number): string {
  const word = score >= 0.85 ? 'very sure' : score >= 0.7 ? 'sure' : score >= 0.5 ? 'fairly sure' : 'unsure';
  return `${word} (${score.toFixed(2)})`;
}
