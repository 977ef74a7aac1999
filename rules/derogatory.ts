/**
 * derogatory: insults, slurs, profanity aimed at people, mockery, threats and discriminatory
 * remarks, disguised or not. Profanity comes from a maintained matcher (obscenity, which reads
 * l33t and look-alikes); insults, slurs and the rest are data (data/derogatory.json). Words
 * that are insults only when aimed at someone ("cow", "witch", "thick") need a person in reach,
 * so "awful weather", "the three witches" and "Anti-Bullying Week" pass.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { defineRule, type Hit } from './engine/types';
import type { RuleContext } from './engine/context';
import type { Token } from './engine/tokens';
import { escapeRegExp, Marks, perSentence } from './engine/match';
import { alt } from './engine/patterns';
import data from './data/derogatory.json';


const BASE_SCORE = 0.75;


const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// obscenity's terms, by what they do in a post: slurs always wound; insult words insult whoever
// they name; expletives are only derogatory aimed at someone; sexual terms are another matter.
const OBSCENITY_SLURS = new Set(['abo', 'abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'dyke', 'fag', 'kike', 'negro', 'nigger', 'retard', 'spastic', 'tranny']);
const OBSCENITY_INSULTS = new Set(['bastard', 'bitch', 'cunt', 'twat', 'prick', 'whore', 'slut', 'wank', 'dick', 'cock', 'turd']);
const OBSCENITY_EXPLETIVES = new Set(['fuck', 'shit', 'piss', 'arse', 'ass', 'bollocks', 'tit', 'cum']);

const set = (words: string[]) => new Set(words.filter((w) => !/[\s-]/.test(w)));
const phrases = (words: string[]) => {
  const multi = words.filter((w) => /[\s-]/.test(w));
  return multi.length
    ? new RegExp(`(?<![\\p{L}])(?:${multi.map((w) => escapeRegExp(w).replace(/[\s-]+/g, '[\\s-]+')).join('|')})(?![\\p{L}])`, 'giu')
    : null;
};
const any = (words: string[]) => `(?:${words.map((w) => escapeRegExp(w).replace(/[\s-]+/g, "[\\s-]+")).join('|')})`;

const INSULTS = set([...data.insults, ...data.slurs]);
const INSULT_PHRASES = phrases([...data.insults, ...data.slurs]);
const AMBIGUOUS = set(data.ambiguousNouns);
const AMBIGUOUS_PHRASES = phrases(data.ambiguousNouns);
const EXPLETIVES = set(data.expletives);
const STRONG_ADJ = any(data.strongAdjectives);
const STRONG_ADJ_WORDS = set(data.strongAdjectives);
const STRONG_ADJ_MULTI = data.strongAdjectives.filter((w) => /[\s-]/.test(w)).map((w) => w.split(/[\s-]/)[0]!);
// The first word of each phrase: a phrase list's pattern runs only when one of them is in the draft.
const firstWords = (phrases: string[]) => new Set(phrases.map((p) => p.split(/[\s-]/)[0]!.replace(/['*@$!]/g, '')));
const THREAT_FIRST = firstWords(data.threats);
const GROUP_FIRST = firstWords([...data.groups, 'all']);
const INSULT_PHRASE_FIRST = firstWords([...data.insults, ...data.slurs].filter((w) => /[\s-]/.test(w)));
const AMBIGUOUS_PHRASE_FIRST = firstWords(data.ambiguousNouns.filter((w) => /[\s-]/.test(w)));
const MOCKERY_WORDS = new Set(data.mockeryNouns.flatMap((w) => w.split(/\s+/)));
const PEOPLE = `(?:${any(data.people)}|(?:year|yr)\\s?\\d{1,2}s?)`;
// An adjective applied to people: "thick, nasty people", "lazy parents", "Hopeless, the lot of
// them"; or people described by one: "the head is useless", "parents are so entitled".
const ADJECTIVES = `${STRONG_ADJ}(?:[\\s,]+(?:and\\s+)?${STRONG_ADJ}){0,3}`;
const DETERMINERS = `(?:(?:${alt(data.peopleDeterminers)})\\s+){0,4}`;
const INTENSIFIERS = `(?:(?:${alt(data.intensifiers)})\\s+){0,2}`;
// ...and the adjective ends the clause: "parents are so entitled", not "parents are lazy about it".
const CLAUSE_END = `(?![\\p{L}])(?!\\s+(?!and\\b|but\\b|too\\b|as\\b)\\p{L})`;
const ADJ_PEOPLE = new RegExp(
  `(?<![\\p{L}])(${ADJECTIVES})[\\s,]+${DETERMINERS}${PEOPLE}(?![\\p{L}])|(?<![\\p{L}])${PEOPLE}\\s+(?:is|are|was|were|'s|'re|being)\\s+${INTENSIFIERS}(${STRONG_ADJ})${CLAUSE_END}`,
  'giu',
);
// What aims an ambiguous insult ("cow", "clown") at someone: "you", an insulting adjective, or
// a person described with it ("is a money-grabbing clown", "are lazy, gossiping parasites").
const YOU = `\\byou(?:'re|\\s+are|\\s+r)?|\\bya`;
const AIMING = `(?:${alt(data.aimingWords)}|bunch\\s+of|(?:run|led|managed|staffed)\\s+by)`;
// Up to three words between the aiming words and the noun.
const WORDS_TO_NOUN = `[\\s,]+(?:[\\p{L}'-]+[\\s,]+){0,3}$`;
const AIMED_BEFORE = new RegExp(`(?:${YOU}|(?<![\\p{L}])${STRONG_ADJ}|\\b(?:is|are|was|were|'s|'re)(?:\\s+${AIMING})*)${WORDS_TO_NOUN}`, 'iu');
// A noun that names an animal or creature insults only with "you" or an insulting adjective, not
// through "is a" ("Daisy is a cow" on a farm visit).
const ANIMAL = new Set(data.animals);
// "you smug cow", but not "what do you call a sleeping dinosaur?".
const AIMED_STRONG = new RegExp(`(?:(?<!\\b(?:do|did|would|could|can|will|if|when)\\s)${YOU}|(?<![\\p{L}])${STRONG_ADJ})${WORDS_TO_NOUN}`, 'iu');
// Masked profanity: letters replaced by symbols ("f**k", "tw*t", "sh!t").
const MASKED = /(?<![\p{L}\p{N}])\p{L}(?:[\p{L}]|[*#@$%!.]){1,10}(?![\p{L}\p{N}*#@$%!])/gu;
const MASKABLE = data.maskable;
function unmask(word: string): string | undefined {
  if (!/[*#@$%!.]/.test(word) || !/\p{L}.*\p{L}/u.test(word)) return undefined;
  const w = word.toLowerCase();
  return MASKABLE.find((m) => m.length === w.length && [...m].every((c, i) => w[i] === c || /[*#@$%!.]/.test(w[i]!)));
}
// "Mr Twit", "The Twits", "Twits-style beards": a book title or a character, not an insult.
function properNoun(ctx: RuleContext, t: Token): boolean {
  if (!t.capitalised || ctx.sentenceAt(t.start).start === t.start) return false;
  const prev = ctx.tokens[t.index - 1];
  return Boolean(prev && /^(?:mr|mrs|miss|ms|dr|the|a|sir|lord|lady|king|queen|captain)$/.test(prev.key)) || /^-(?:style|themed|inspired)/.test(ctx.text.slice(t.end, t.end + 9));
}
const MOCKERY = new RegExp(`(?<![\\p{L}])(?:${any(data.mockery)})\\s+(?:[\\p{L}-]+,?\\s+){0,3}${any(data.mockeryNouns)}(?![\\p{L}])`, 'giu');
// "dancing like a herd of drunk giraffes": people likened to a pack of anything.
const SIMILE = /\blike\s+(?:a\s+)?(?:herd|bunch|pack|gaggle|troop|flock|load|shower|swarm|mob|troupe)\s+of\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+s\b/giu;
const THREATS = new RegExp(`(?<![\\p{L}])${any(data.threats)}(?![\\p{L}])`, 'giu');
const DISCRIMINATION = new RegExp(`(?<![\\p{L}])(?:all\\s+)?${any(data.groups)}\\s+(?:[\\p{L}']+\\s+){0,2}?${any(data.groupPredicates)}(?![\\p{L}])`, 'giu');
// "utterly useless", "completely clueless" said of someone in the sentence.
const PREDICATE_END = new RegExp(`(?<![\\p{L}])(?:is|are|was|were)\\s+(?:(?:so|just|really|utterly|completely|totally|absolutely|such|a|an|bloody)\\s+){0,2}${STRONG_ADJ}(?:,?\\s+the\\s+lot\\s+of\\s+them)?[\\s.!?]*(?:\\p{Extended_Pictographic}\\s*)*$`, 'iu');
const INTENSIFIED = new RegExp(`(?<![\\p{L}])(?:utterly|completely|totally|absolutely|genuinely|truly|bloody|so|such an?)\\s+${STRONG_ADJ}(?![\\p{L}])`, 'giu');
const PERSON_IN_SENTENCE = new RegExp(`(?<![\\p{L}])(?:you|your|ya|u|${PEOPLE})(?![\\p{L}])`, 'iu');
const ALLOW = new RegExp(`(?<![\\p{L}])${any(data.allow)}(?![\\p{L}])`, 'giu');
// A quotation of four words or more: quoted policy text or reported speech, not the author's words.
const QUOTATION = /"[^"\n]{0,400}?"|'(?=\S)[^'\n]{12,400}?(?<=\S)'(?![\p{L}])/gu;

interface Span {
  start: number;
  end: number;
}

function inside(spans: Span[], start: number, end: number) {
  return spans.some((s) => start >= s.start && end <= s.end);
}

function wordAround(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s > 0 && /[\p{L}\p{N}*@$!]/u.test(text[s - 1]!)) s--;
  while (e < text.length && /[\p{L}\p{N}*@$]/u.test(text[e]!)) e++;
  return { start: s, end: e };
}

const personCache = new WeakMap<RuleContext, (s: Span) => boolean>();

/** Is there a person in reach of this word: "you", "your", or a people noun in its sentence? */
function aimedAtPerson(ctx: RuleContext, span: Span): boolean {
  let bySentence = personCache.get(ctx);
  if (!bySentence) {
    bySentence = perSentence((start, end) => PERSON_IN_SENTENCE.test(ctx.lower.slice(start, end)));
    personCache.set(ctx, bySentence);
  }
  return bySentence(ctx.sentenceAt(span.start));
}

const memo = new WeakMap<RuleContext, Hit[]>();

export const derogatory = defineRule({
  id: 'derogatory',
  label: 'Offensive or insulting language',
  description: 'Derogatory, insulting, discriminatory, threatening or abusive language about anyone, disguised or not.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['derogatory', 'offensive', 'offend', 'abus', 'insult', 'discriminat', 'bully', 'bullied', 'harass', 'threat', 'profanity', 'obscene', 'defam', 'libel', 'slander', 'malicious', 'inflammatory', 'racist', 'homophobic', 'sexist', 'hateful', 'negative comment', 'cause harm', 'embarrass', 'humiliat', 'intimidat', 'demean', 'disparag', 'disrespect', 'rude'],
    headings: ['conduct', 'behaviour', 'respect'],
  },
  // complaint reads these hits too: find them once per check.
  text: {
    score: BASE_SCORE,
    check(ctx) {
      let hits = memo.get(ctx);
      if (!hits) {
        hits = findInsults(ctx);
        memo.set(ctx, hits);
      }
      return hits;
    },
  },
});

function findInsults(ctx: RuleContext): Hit[] {
  {
    const { text } = ctx;
    // Lower case with l33t digits read as letters ("th1ck" -> "thick"), same length as the text.
    const folded = ctx.folded;
    const lower = folded;
    // Campaign names and quotations are only looked for once something insulting is found.
    const keys = new Set(ctx.tokens.map((t) => t.key.replace(/['*@$!]/g, '')));
    let allowed: Span[] | undefined;
    const allowedSpans = () => {
      if (!allowed) {
        allowed = [];
        for (const m of lower.matchAll(ALLOW)) allowed.push({ start: m.index, end: m.index + m[0].length });
        for (const m of text.matchAll(QUOTATION)) if (m[0].split(/\s+/).length >= 4) allowed.push({ start: m.index, end: m.index + m[0].length });
      }
      return allowed;
    };
    // The adjective- and mockery-based patterns are long alternations: run them only when one of
    // their words is in the draft at all.
    const hasAdjective = [...STRONG_ADJ_WORDS].some((w) => keys.has(w)) || STRONG_ADJ_MULTI.some((w) => lower.includes(w));
    const hasMockery = [...MOCKERY_WORDS].some((w) => keys.has(w));
    const hits: Hit[] = [];
    const marks = new Marks(text.length);
    // Each mechanism's base score: a slur is surer than a word that insults only when aimed.
    const add = (start: number, end: number, kind: string, why: string, score: number) => {
      if (marks.overlaps(start, end) || inside(allowedSpans(), start, end)) return;
      marks.add(start, end);
      hits.push({
        start,
        end,
        message: `"${text.slice(start, end)}" is ${kind}. Posts must not insult, mock, threaten or demean anyone; say what you mean without it, or don't post.`,
        why,
        score,
      });
    };

    const mayHave = (first: ReadonlySet<string>) => [...first].some((w) => keys.has(w));
    if (mayHave(THREAT_FIRST)) for (const m of lower.matchAll(THREATS)) add(m.index, m.index + m[0].length, 'a threat', 'threat phrase', 0.85);
    if (mayHave(GROUP_FIRST)) for (const m of lower.matchAll(DISCRIMINATION)) add(m.index, m.index + m[0].length, 'a discriminatory remark', 'a group of people described by a slur or stereotype', 0.8);

    // Profanity and slurs, as obscenity reads them (l33t, look-alikes, f*cking), also over
    // words spelt out letter by letter.
    const scan = (source: string, offset: (i: number) => Span) => {
      for (const m of matcher.getAllMatches(source, true)) {
        const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
        const span = offset(m.startIndex);
        const end = offset(m.endIndex).end;
        const whole = wordAround(text, span.start, end);
        const written = text.slice(whole.start, whole.end);
        if (OBSCENITY_SLURS.has(word)) add(whole.start, whole.end, 'a slur', `slur (${word})`, 0.95);
        else if (OBSCENITY_INSULTS.has(word)) {
          // "Dick Whittington", "Moby Dick": a capitalised name, not an insult.
          if (/^\p{Lu}/u.test(written) && /^\s+\p{Lu}|^$/u.test(text.slice(whole.end, whole.end + 2)) && word === 'dick') continue;
          add(whole.start, whole.end, 'an insult', `insult (${word})`, 0.85);
        } else if (OBSCENITY_EXPLETIVES.has(word)) {
          if (/(?:head|face|wit|wad|bag|hole|stain|er|ers)$/i.test(written))
            add(whole.start, whole.end, 'an insult', `profanity made a name for someone (${written.toLowerCase()})`, 0.8);
          else if (aimedAtPerson(ctx, whole)) add(whole.start, whole.end, 'profanity aimed at someone', `profanity (${word}) with a person in the sentence`, 0.6);
          // Swearing aimed at nobody: shown only at the strict sensitivity.
          else add(whole.start, whole.end, 'profanity', `profanity (${word}) aimed at no one in particular`, 0.35);
        }
      }
    };
    scan(text, (i) => ({ start: i, end: i + 1 }));
    for (const t of ctx.spaced) {
      const letters: number[] = [];
      for (let i = t.start; i < t.end; i++) if (/[\p{L}\p{N}]/u.test(text[i]!)) letters.push(i);
      scan(t.text, (i) => ({ start: letters[i] ?? t.start, end: (letters[i] ?? t.start) + 1 }));
    }

    // The words before a word, with words spelt out letter by letter read joined ("is a
    // p a t h e t i c  l o s e r" reads "is a pathetic loser").
    const contextBefore = (t: Token) => {
      const from = Math.max(0, t.start - 80);
      let out = '';
      let at = from;
      for (const sp of ctx.spaced) {
        if (sp.end <= from || sp.start >= t.start) continue;
        out += lower.slice(at, Math.max(at, sp.start)) + sp.key;
        at = sp.end;
      }
      return out + lower.slice(at, t.start);
    };
    const tokenHit = (t: Token) => {
      if (properNoun(ctx, t)) return;
      const aim = ANIMAL.has(t.key) ? AIMED_STRONG : AIMED_BEFORE;
      if (INSULTS.has(t.key)) add(t.start, t.end, 'an insult', `insult word (${t.key})`, 0.85);
      else if (AMBIGUOUS.has(t.key) && aim.test(contextBefore(t)))
        add(t.start, t.end, 'an insult aimed at someone', `"${t.key}" aimed at a person`, 0.65);
      else if (EXPLETIVES.has(t.key) && (t.leet || t.spaced) && aimedAtPerson(ctx, t))
        add(t.start, t.end, 'profanity aimed at someone', `disguised profanity (${t.key})`, 0.7);
    };
    for (const t of ctx.tokens) tokenHit(t);
    for (const m of text.matchAll(MASKED)) {
      const word = unmask(m[0]);
      if (!word) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (INSULTS.has(word) || ['cunt', 'twat', 'twats', 'wanker', 'bitch', 'bastard', 'prick', 'dickhead', 'arsehole', 'asshole', 'slut', 'whore', 'bellend', 'knobhead'].includes(word))
        add(span.start, span.end, 'an insult', `masked insult (${word})`, 0.85);
      else if (aimedAtPerson(ctx, span)) add(span.start, span.end, 'profanity aimed at someone', `masked profanity (${word})`, 0.6);
    }
    for (const t of ctx.spaced) tokenHit(t);
    if (INSULT_PHRASES && mayHave(INSULT_PHRASE_FIRST)) for (const m of lower.matchAll(INSULT_PHRASES)) add(m.index, m.index + m[0].length, 'an insult', 'insult phrase', 0.85);
    if (AMBIGUOUS_PHRASES && mayHave(AMBIGUOUS_PHRASE_FIRST))
      for (const m of lower.matchAll(AMBIGUOUS_PHRASES))
        if (AIMED_BEFORE.test(lower.slice(Math.max(0, m.index - 40), m.index))) add(m.index, m.index + m[0].length, 'an insult aimed at someone', 'insult phrase aimed at a person', 0.65);
    if (hasAdjective) for (const m of lower.matchAll(ADJ_PEOPLE)) add(m.index, m.index + m[0].length, 'an insult aimed at people', 'insulting description of people', 0.7);
    // "The mums who stand gossiping at the gates are pathetic.": a sentence about people that
    // ends by calling them something insulting.
    if (hasAdjective) for (const s of ctx.sentences) {
      const sentence = folded.slice(s.start, s.end);
      const m = PREDICATE_END.exec(sentence);
      if (m && aimedAtPerson(ctx, { start: s.start, end: s.end })) add(s.start + m.index, s.start + m.index + m[0].length, 'an insult aimed at people', 'a sentence about people ending in an insult', 0.65);
    }
    if (hasAdjective) for (const m of folded.matchAll(INTENSIFIED)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (aimedAtPerson(ctx, span)) add(span.start, span.end, 'an insult aimed at someone', 'an insulting word, intensified, about a person', 0.65);
    }
    for (const m of lower.matchAll(SIMILE)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (aimedAtPerson(ctx, span)) add(span.start, span.end, 'mockery', 'people likened to a herd of animals', 0.6);
    }
    if (hasMockery) for (const m of lower.matchAll(MOCKERY)) add(m.index, m.index + m[0].length, 'mockery', 'people compared to animals or fools', 0.65);
    return hits.sort((a, b) => a.start - b.start);
  }
}
