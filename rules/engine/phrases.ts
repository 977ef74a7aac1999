/**
 * Word lists matched word by word on a sentence's folded words (rules/engine/tokens.ts: lower
 * case, apostrophes dropped, so "don't" is "dont"), longest phrase first: one map look-up per
 * word, however long the list.
 */
import type { RuleContext } from './context';
import type { Token } from './tokens';

/** Phrases of folded words, by their first word, longest first. */
export class Phrases<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V }[]>();

  add(phrase: string, value: V): void {
    const words = phrase.toLowerCase().replace(/'/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) return;
    const list = (this.byFirst.get(words[0]!) ?? []).filter((p) => p.words.join(' ') !== words.join(' '));
    // A phrase added again replaces the earlier one (a list's own rating over a general lexicon's).
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /** The longest phrase starting at word i (keys of one sentence), if any. */
  at(keys: readonly string[], i: number): { length: number; value: V; text: string } | undefined {
    const list = this.byFirst.get(keys[i]!);
    if (!list) return undefined;
    for (const p of list) {
      if (i + p.words.length > keys.length) continue;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) ok = keys[i + k] === p.words[k];
      if (ok) return { length: p.words.length, value: p.value, text: p.words.join(' ') };
    }
    return undefined;
  }
}


/** The words of each sentence of a draft (index for index with ctx.sentences), found once per check. */
export interface SentenceWords {
  readonly tokens: readonly Token[];
  /** The tokens' folded keys. */
  readonly keys: readonly string[];
}

const words = new WeakMap<RuleContext, readonly SentenceWords[]>();

export function sentenceWords(ctx: RuleContext): readonly SentenceWords[] {
  const cached = words.get(ctx);
  if (cached) return cached;
  const out: SentenceWords[] = [];
  const tokens = ctx.tokens;
  let t = 0;
  for (const s of ctx.sentences) {
    while (t < tokens.length && tokens[t]!.start < s.start) t++;
    const own: Token[] = [];
    while (t < tokens.length && tokens[t]!.start < s.end) own.push(tokens[t++]!);
    out.push({ tokens: own, keys: own.map((k) => k.key) });
  }
  words.set(ctx, out);
  return out;
}
