/**
 * derogatory: insults, slurs, profanity aimed at people, mockery, threats and discriminatory
 * remarks, disguised or not. Profanity comes from a maintained matcher (obscenity, which reads
 * l33t and look-alikes); insults, slurs and the rest are data (data/derogatory.json). Words
 * that are insults only when aimed at someone ("cow", "witch", "thick") need a person in reach,
 * so "awful weather", "the three witches" and "Anti-Bullying Week" pass.
 */
import { englishDataset, englishRecommendedTransformers } from 'obscenity';
import { defineRule, type Hit } from './engine/types';
import type { RuleContext } from './engine/context';
import type { Token } from './engine/tokens';
import { escapeRegExp, Marks, perSentence } from './engine/match';
import { alt } from './engine/patterns';
import { prefiltered } from './engine/prefilter';
import { QuickRegExpMatcher } from './engine/profanity';
import { isOrdinaryWord } from './engine/lexicon';
import data from './data/derogatory.json';


const BASE_SCORE = 0.75;


const matcher = new QuickRegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// obscenity's terms, by what they do in a post: slurs always wound; insult words insult whoever
// they name; expletives are only derogatory aimed at someone; sexual terms are another matter.
const OBSCENITY_SLURS = new Set(['abo', 'abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'dyke', 'fag', 'kike', 'negro', 'nigger', 'retard', 'spastic', 'tranny']);
const OBSCENITY_INSULTS = new Set(['bastard', 'bitch', 'cunt', 'twat', 'prick', 'whore', 'slut', 'wank', 'dick', 'cock', 'turd']);
// ("piss" is mostly "pissed", angry; "cum" is sexual: neither insults anyone by itself.)
const OBSCENITY_EXPLETIVES = new Set(['fuck', 'shit', 'arse', 'ass', 'bollocks', 'tit']);

const set = (words: string[]) => new Set(words.filter((w) => !/[\s-]/.test(w)));
const phrases = (words: string[]) => {
  const multi = words.filter((w) => /[\s-]/.test(w));
  return multi.length
    ? prefiltered(`(?<![\\p{L}])(?:${multi.map((w) => escapeRegExp(w).replace(/[\s-]+/g, '[\\s-]+')).join('|')})(?![\\p{L}])`, 'giu')
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
const ADJECTIVE_WORDS = set(data.adjectives);
// After "is"/"are" some of them accuse or pity rather than insult ("she is lying", "it's so sad").
const NOT_PREDICATE = new Set(data.notPredicate);
const STRONG_ADJ_PRED = any(data.strongAdjectives.filter((w) => !NOT_PREDICATE.has(w)));
const STRONG_ADJ_MULTI = data.strongAdjectives.filter((w) => /[\s-]/.test(w)).map((w) => w.split(/[\s-]/)[0]!);
// A word every strong adjective has (the last of a phrase: "a disgrace", "two-faced"), to find the sentences to read.
const STRONG_ADJ_KEYS = new Set(data.strongAdjectives.map((w) => w.split(/[\s-]/).pop()!));
// The first word of each phrase: a phrase list's pattern runs only when one of them is in the draft.
/**
 * A list of phrases looked for only where a word of the draft is one's first word: one sticky
 * pattern per first word, tried at that word (a long alternation run over the whole draft costs
 * more than the check's budget allows). Words are separated by `between`.
 */
function phraseFinder(list: string[], between: string): (ctx: RuleContext, lower: string) => Span[] {
  const byFirst = new Map<string, string[]>();
  for (const p of list) {
    const first = p.split(/[\s-]/)[0]!.replace(/['*@$!]/g, '');
    byFirst.set(first, [...(byFirst.get(first) ?? []), `${escapeRegExp(p).replace(/[\s-]+/g, between)}`]);
  }
  const patterns = new Map([...byFirst].map(([w, ps]) => [w, new RegExp(`(?:${ps.join('|')})(?![\\p{L}])`, 'yiu')]));
  return (ctx, lower) => {
    const out: Span[] = [];
    for (const t of ctx.tokens) {
      const re = patterns.get(t.key);
      if (!re) continue;
      re.lastIndex = t.start;
      const m = re.exec(lower);
      if (m) out.push({ start: t.start, end: t.start + m[0].length });
    }
    return out;
  };
}
const firstWords = (phrases: string[]) => new Set(phrases.map((p) => p.split(/[\s-]/)[0]!.replace(/['*@$!]/g, '')));
const GROUP_FIRST = firstWords([...data.groups, 'all']);
const INSULT_PHRASE_FIRST = firstWords([...data.insults, ...data.slurs].filter((w) => /[\s-]/.test(w)));
const AMBIGUOUS_PHRASE_FIRST = firstWords(data.ambiguousNouns.filter((w) => /[\s-]/.test(w)));
const MOCKING = new Set(data.mockingWords);
const MOCKERY_WORDS = new Set(data.mockeryNouns.flatMap((w) => w.split(/\s+/)));
const PEOPLE = `(?:${any(data.people)}|(?:year|yr)\\s?\\d{1,2}s?)`;
const SUBJECT_WORDS = '(?:he|she|they|you|u)';
// People, not the bodies they work in ("the school is a joke" is a complaint about a place).
const INSTITUTIONS = new Set(['school', 'academy', 'trust', 'office', 'team', 'town', 'community', 'village', 'estate', 'area', 'nation', 'management', 'leadership', 'admin', 'council', 'media', 'class', 'lot', 'bunch', 'crowd']);
const PERSON_NOUN = `(?:${any(data.people.filter((w) => !INSTITUTIONS.has(w)))}|(?:year|yr)\\s?\\d{1,2}s?)`;
// An adjective applied to people: "thick, nasty people", "lazy parents", "Hopeless, the lot of
// them"; or people described by one: "the head is useless", "parents are so entitled".
const ADJECTIVES = `${STRONG_ADJ}(?:[\\s,]+(?:and\\s+)?${STRONG_ADJ}){0,3}`;
const DETERMINERS = `(?:(?:${alt(data.peopleDeterminers)})\\s+){0,4}`;
const INTENSIFIERS = `(?:(?:${alt(data.intensifiers)})\\s+){0,2}`;
// ...and the adjective ends the clause: "parents are so entitled", not "parents are lazy about it".
const CLAUSE_END = `(?![\\p{L}])(?!\\s+(?!and\\b|but\\b|too\\b|as\\b|to\\b(?<!entitled\\s+to)|enough\\b)\\p{L})`;
// Where the people are, between them and the verb: "the teachers here are", "the deputy at YGGC is".
const PEOPLE_WHERE = `(?:\\s+(?:here|there|round\\s+here|(?:(?:over|down|up|out)\\s+)?(?:at|in|from|on|of)\\s+(?:the\\s+|our\\s+|my\\s+)?[\\p{L}'-]+(?:\\s+(?:road|street|lane|school|academy|primary|high|college|park|hill|green|department))?))?`;
const ADJ_PEOPLE = prefiltered(
  `(?<![\\p{L}])(${ADJECTIVES})(?![\\s,]+for\\s)[\\s,]+${DETERMINERS}${PEOPLE}(?![\\p{L}])|(?<![\\p{L}])(?<!\\b(?:at|in|to|for|of|from|with|about)\\s+(?:(?:this|that|the|our|my|their|his|her)\\s+)?)${PEOPLE}${PEOPLE_WHERE}\\s+(?:is|are|was|were|'s|'re|being)\\s+${INTENSIFIERS}(${STRONG_ADJ_PRED})${CLAUSE_END}`,
  'giu',
);
// A person said to be a joke or a disgrace: "the new deputy is a complete joke" (a timetable that
// is a joke is a complaint about a thing).
const PERSON_PREDICATE = prefiltered(
  `(?<![\\p{L}])(?:${PERSON_NOUN}|${SUBJECT_WORDS})${PEOPLE_WHERE}\\s+(?:is|are|was|were|'s|'re)\\s+(?:(?:such|just|a|an|the|total|complete|utter|absolute|real|right|proper|bloody|fucking|walking|national|laughing)\\s+){0,3}${any(data.personPredicates)}(?![\\p{L}])`,
  'giu',
);
// Violence someone wanted or was ready to do to a person: "wanted to throttle him", "could have
// strangled her", "felt like punching the lot of them" (not "could murder a pint").
const VIOLENT = `(?:${data.violentVerbs.map((v) => `${escapeRegExp(v).replace(/\s+/g, '\\s+')}(?:s|ed|d|ing)?`).join('|')})`;
const VIOLENT_STEMS = data.violentVerbs.map((v) => v.split(/\s+/)[0]!);
const VIOLENCE_WANTED = prefiltered(
  `(?<![\\p{L}])(?:wanted\\s+to|want\\s+to|wants\\s+to|could\\s+have|could've|could\\s+happily|could\\s+easily|felt\\s+like|feel\\s+like|tempted\\s+to|itching\\s+to|dying\\s+to|ready\\s+to|about\\s+to|going\\s+to|gonna|i'll|i\\s+will|i'd|i\\s+would)\\s+(?:(?:just|really|happily|actually|honestly|literally|gladly|personally|quite|seriously)\\s+)?${VIOLENT}\\s+(?:him|her|them|you|ya|the\\s+lot\\s+of\\s+them|(?:that|this|the|every|each|some|one)\\s+(?:[\\p{L}'-]+\\s+)?${PERSON_NOUN})(?![\\p{L}])`,
  'giu',
);
// A person to be thrown out of a window: "I swear he's going out the window" (a plan "going
// out the window" is only abandoned).
const OUT_OF_WINDOW = /(?<![\p{L}])(?:he|she|they|you|u|him|her|them)(?:'s|'re|\s+is|\s+are|'ll\s+be|\s+will\s+be|'ll\s+go|\s+will\s+go|\s+goes)?\s+(?:(?:going|getting|being|thrown|chucked|flying|straight)\s+){1,2}(?:out|through)\s+(?:of\s+)?(?:the|a|that)\s+window|(?<![\p{L}])(?:getting|being|be|get)\s+(?:thrown|chucked|lobbed)\s+(?:straight\s+)?(?:out|through)\s+(?:of\s+)?(?:the|a|that)\s+window/giu;
// Someone said not to know the obvious: "wouldn't know a behaviour policy if it hit him".
const WOULD_NOT_KNOW = /(?<![\p{L}])(?:wouldn't|wouldnt|would\s+not|couldn't|couldnt|could\s+not)\s+(?:know|recognise|recognize|spot|see)\s+(?:[\p{L}'-]+\s+){1,5}?if\s+(?:it|they|one|that)\s+(?:\p{L}+\s+){0,2}?(?:hit|bit|smacked|slapped|kicked|punched|slapped|danced|walked|jumped|stared|sat)\s+(?:him|her|them|you|me)?/giu;
// A name said of people after it: "Witches, the lot of them", "clowns, every one of them".
const OF_THEM_AFTER = /^[\s,.!-]+(?:the\s+(?:whole\s+)?lot\s+of\s+(?:them|you|'em)|all\s+of\s+(?:them|you)|every\s+(?:last\s+|single\s+)?one\s+of\s+(?:them|you))/iu;
const PREDICATE_KEYS = data.personPredicates.map((w) => w.split(/\s+/).pop()!);
// An insult broken by spaces into short pieces that are not all words: "pr 1 ck", "tw at".
const BROKEN = new Set(data.brokenInsults);
const BROKEN_PREFIXES = new Set(data.brokenInsults.flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1))));
// What aims an ambiguous insult ("cow", "clown") at someone: "you", an insulting adjective, or
// a person described with it ("is a money-grabbing clown", "are lazy, gossiping parasites").
const YOU = `\\byou(?:'re|\\s+are|\\s+r)?|\\bya`;
const AIMING = `(?:${alt(data.aimingWords)}|bunch\\s+of|(?:run|led|managed|staffed)\\s+by)`;
// Up to three words between the aiming words and the noun.
const WORDS_TO_NOUN = `[\\s,]+(?:[\\p{L}'-]+[\\s,]+){0,3}$`;
const AIMED_BEFORE = prefiltered(`(?:${YOU}|(?<![\\p{L}])(?:this|that|these|those)(?=[\\s,]+(?:[\\p{L}'-]+[\\s,]+)?$)|(?<![\\p{L}])${STRONG_ADJ}|\\b(?:is|are|was|were|'s|'re)(?:\\s+${AIMING})*)${WORDS_TO_NOUN}`, 'iu');
// A noun that names an animal or creature insults only with "you" or an insulting adjective, not
// through "is a" ("Daisy is a cow" on a farm visit).
const ANIMAL = new Set(data.animals);
// "you smug cow", but not "what do you call a sleeping dinosaur?".
const AIMED_STRONG = prefiltered(`(?:(?<!\\b(?:do|did|would|could|can|will|if|when)\\s)${YOU}|(?<![\\p{L}])${STRONG_ADJ})${WORDS_TO_NOUN}`, 'iu');
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
const MOCKERY = prefiltered(`(?<![\\p{L}])(?:${any(data.mockery)})\\s+(?:[\\p{L}-]+,?\\s+){0,3}${any(data.mockeryNouns)}(?![\\p{L}])`, 'giu');
// "dancing like a herd of drunk giraffes": people likened to a pack of anything.
const SIMILE = prefiltered(/\blike\s+(?:a\s+)?(?:herd|bunch|pack|gaggle|troop|flock|load|shower|swarm|mob|troupe)\s+of\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+s\b/giu);
const THREATS = phraseFinder(data.threats, '[\\s-]+');
const DISCRIMINATION = prefiltered(`(?<![\\p{L}])(?:all\\s+)?${any(data.groups)}\\s+(?:[\\p{L}']+\\s+){0,2}?${any(data.groupPredicates)}(?![\\p{L}])`, 'giu');
// "utterly useless", "completely clueless" said of someone in the sentence.
const PREDICATE_END = prefiltered(`(?<![\\p{L}])(?:is|are|was|were)\\s+(?:(?:so|just|really|utterly|completely|totally|absolutely|such|a|an|bloody)\\s+){0,2}${STRONG_ADJ_PRED}(?:,?\\s+the\\s+lot\\s+of\\s+them)?[\\s.!?]*(?:\\p{Extended_Pictographic}\\s*)*$`, 'iu');
const INTENSIFIED = prefiltered(`(?<![\\p{L}])(?:utterly|completely|totally|absolutely|genuinely|truly|bloody|so|such an?)\\s+${STRONG_ADJ_PRED}(?![\\p{L}])`, 'giu');
const PERSON_IN_SENTENCE = prefiltered(`(?<![\\p{L}])(?:you|your|ya|u|${PEOPLE})(?![\\p{L}])`, 'iu');
// A person before the predicate, not only a body ("the way it is run at this school is a disgrace").
const PERSON_NOT_BODY = prefiltered(`(?<![\\p{L}])(?:you|your|ya|u|${PERSON_NOUN})(?![\\p{L}])`, 'iu');
// A person told what they are: "you're absolutely insane", "she is as dumb as she looks",
// "are you really that stupid?", "he looks pathetic". The adjective is not an intensifier
// ("crazy busy", "mad about football").
const SUBJECT = `(?:you|u|ya|ye|he|she|they|ur|this\\s+(?:guy|man|woman|person)|that\\s+(?:guy|man|woman|person))`;
// ...or told not to be: "don't be stupid", "stop being so pathetic".
const TOLD_NOT_TO = `(?:don't|dont|do\\s+not|stop)\\s+(?:be|being)`;
const COPULA = `(?:\\s+(?:is|are|r|was|were|being|be|look|looks|looked|looking|sound|sounds|seem|seems|act|acts|acting)|'s|'re|re|s)`;
const PRED_MODIFIERS = `(?:\\s+(?:${alt(data.intensifiers)}|as|that|getting|becoming|being|one|of|nothing|but))*`;
const NOT_INSULT_AFTER = `(?<!entitled(?=\\s+to\\b))(?!\\s+(?:about|for|over|on|with|health|illness|one|busy|good|fast|hot|talented|rich|funny|cute|smart|beautiful|amazing|expensive|lucky|cool|fun|hard|easy|tired|excited|proud|happy|strong|popular|loud|late|early)\\b)`;
// Swear words that intensify rather than describe ("he is bloody brilliant") are no predicate.
const PRED_ADJ = any(data.strongAdjectives.filter((w) => !NOT_PREDICATE.has(w) && !/^(?:bloody|sodding|blithering)$/.test(w)));
const SUBJECT_PREDICATE = prefiltered(
  `(?<![\\p{L}'])(?:${SUBJECT}${COPULA}|(?:are|is|were|was)\\s+${SUBJECT}|${TOLD_NOT_TO})${PRED_MODIFIERS}\\s+(${PRED_ADJ}|${any(data.predicateNouns)})(?![\\p{L}-])${NOT_INSULT_AFTER}`,
  'giu',
);
// "You pathetic!", "you stupid, stupid...": an insulting word said to someone's face (with a noun
// after it, "you smug cow", the noun is the insult).
const YOU_ADJ = prefiltered(`(?<![\\p{L}])(?<!(?:do|did|would|could|can|will|if|when|thank|thanks|see|told|tell|love|miss)\\s)(?:you|ya|u)\\s+(?:(?:${alt(data.intensifiers)})\\s+)?(${PRED_ADJ})(?=\\s*(?:[.!?,;:)&]|$|and\\b|\\p{Extended_Pictographic}))`, 'giu');
// Abuse that tells someone off ("fuck off", "you suck"), insults by comparison ("as dumb as",
// "half a brain") and sarcastic titles ("nice job, genius"). Words may be split by commas.
const DISMISSALS = phraseFinder(data.dismissals, '[\\s,.!]+');
const COMPARISONS = phraseFinder(data.comparisons, '[\\s,.!]+');
const SARCASM = phraseFinder(data.sarcasm, '[\\s,.!]+');
// Blended slurs: "libtard", "feminazi"-style words ending in -tard ("mustard", "leotard" aside).
const TARD = /^\p{L}{2,}tards?$/u;
const TARD_STOP = new Set(data.tardStop.flatMap((w) => [w, `${w}s`]));
// Letters stretched for effect ("stuuupid", "idiooot"): read with runs of three or more cut to one or two.
const squeezed = (key: string): string[] => (key.length > 3 && /(\p{L})\1\1/u.test(key) ? [key.replace(/(\p{L})\1{2,}/gu, '$1'), key.replace(/(\p{L})\1{2,}/gu, '$1$1')] : []);
// "is not an idiot", "he's no fool": an insult denied.
const NEGATED = /(?:\bnot|n't|\bno|\bnever)\s+(?:(?:a|an|the|such|some|total|complete|kind\s+of)\s+)?$/u;
// "trying to fool you", "will bully": the word is a verb there, or denied.
const NOT_A_NOUN = prefiltered(`(?:\\b(?:to|will|would|can|could|should|must|might|may|did|do|does|don't|didn't|won't|not|never|no)\\s+)$|${NEGATED.source}`, 'u');
// A sentence that is only a name for someone, in a post addressed to them: "Liar!", "You
// hypocrite.", "What a coward". Animals aside ("Cows!" on a farm visit).
const LONE_NOUN_LEAD = new Set(['you', 'ya', 'u', 'what', 'such', 'a', 'an', 'total', 'complete', 'absolute', 'utter', 'bloody', 'fucking', 'big', 'little', 'old', 'lying', 'and']);
// People called vermin: "these people are animals", "they are parasites" (for "they", not words
// a farm or science post uses of real animals).
// Who the people are, a little longer: "the boy with ADHD in 3B is", "kids from the estate school near my placement are".
const PEOPLE_WHO = `(?:\\s+(?:with|from|in|at|on|of|near|round|who|that|we|i|they)(?:\\s+[\\p{L}\\d'-]+){1,5}?)?`;
const DEHUMANISED = prefiltered(
  `(?<![\\p{L}])(?:${PEOPLE}(?:${PEOPLE_WHERE}|${PEOPLE_WHO})\\s+(?:are|were|is|was|'re)\\s+${INTENSIFIERS}(?:(?:all|like|nothing\\s+but|a\\s+bunch\\s+of|a\\s+pack\\s+of)\\s+)?(?:${any(data.dehumanising.people)}|${any(data.dehumanising.any)})|(?:they|they're|you|you're|u)\\s+(?:are\\s+|r\\s+)?${INTENSIFIERS}(?:(?:all|like|nothing\\s+but)\\s+)?(?:${any(data.dehumanising.any)}))$`,
  'iu',
);
const DEHUMANISED_WORDS = new Set([...data.dehumanising.people, ...data.dehumanising.any].map((w) => w.split(/\s+/).pop()!));
// "You're going to jail", "you'll be sacked": a consequence held over someone.
const CONSEQUENCE = prefiltered(/(?<![\p{L}])(?:you|u|ya)(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|re\s+going\s+to|'re\s+gonna|\s+are\s+gonna|r\s+gonna)\s+(?:be|get)\s+(?:fired|sacked|arrested|jailed|locked\s+up|shot|hurt|destroyed|buried|beaten|punched|slapped|sued)(?![\p{L}])|(?<![\p{L}])(?:you're|youre|your|ur|you\s+are)\s+going\s+(?:to\s+(?:jail|prison|hell)|down)(?![\p{L}])/giu);
// A sweeping remark about a group: "Muslim parents never come", "single mums always let the kids
// run riot", "parents from that part of town will never value education". A group word and a
// people word (or a group named bare), a generaliser in the same clause, and no praise in it.
const SW = data.sweeping;
const SWEEP_GROUP = `(?:(?:${any(SW.groups)})(?:\\s+[\\p{L}'-]+)?\\s+(?:${any(SW.people)})|${any(SW.bare)}|(?:${any(SW.people)})\\s+(?:from|in|on|off|round|around)\\s+(?:this|that|the|those|these|our)\\s+(?:[\\p{L}'-]+\\s+){0,2}?(?:town|estate|estates|flats|area|site|part\\s+of\\s+town|end\\s+of\\s+town|side\\s+of\\s+town|council\\s+estate)|(?:${any(SW.people)})\\s+on\\s+benefits)`;
const SWEEPING = prefiltered(
  `(?<![\\p{L}])(?:(?:the|all|most|these|those|some|half\\s+the)\\s+)?${SWEEP_GROUP}(?![\\p{L}])[^.!?;:,\\n]{0,50}?(?<![\\p{L}])(?:${any(SW.generalisers)}|always\\s+(?:[\\p{L}']+\\s+){0,3}?(?:${any(SW.alwaysNegative)}))(?![\\p{L}])`,
  'giu',
);
const SWEEP_PRAISE = prefiltered(`(?<![\\p{L}])(?:${any(SW.praise)})(?![\\p{L}])|\\bnever\\s+(?:miss|fail|give\\s+up|stop|complain|disappoint|forget|let\\s+(?:us|me)\\s+down|cease)|\\bcan(?:['’]t|not)\\s+(?:believe|wait|always|make\\s+it|get\\s+enough|stop\\s+(?:smiling|laughing)|thank|help\\s+but|praise)`, 'iu');
const SWEEP_FIRST = firstWords([...SW.groups, ...SW.bare, ...SW.people]);
// The words a generaliser starts with (contractions cut at the apostrophe, as tokens' keys are).
const SWEEP_GENERAL_FIRST = new Set([...firstWords([...SW.generalisers, 'always']), ...SW.generalisers.map((w) => w.split(/['’\s]/)[0]!)]);
const THREAT_AFTER_IF = new Set(['regret', 'learn', 'sorry', 'get', 'hurt', 'like', 'enjoy', 'know', 'find']);
const ILLNESS_WORDS = new Set(['stress', 'stressed', 'anxiety', 'back', 'migraine', 'migraines', 'headache', 'illness', 'flu', 'covid', 'depression', 'sickness', 'virus', 'bug', 'fatigue', 'burnout', 'burn-out', 'wellbeing', 'mental', 'family', 'emergency', 'appointment', 'appointments', 'sick', 'ill', 'unwell', 'poorly', 'bad']);
// A consequence held over someone after a condition: "if another parent emails me at 10pm they'll
// get the reply they deserve", "if that parent threatens my staff again, he'll find out how far I'm
// willing to go" (not "if you finish early you'll find out what's next").
const CONDITIONAL_THREAT = prefiltered(
  /(?<![\p{L}])(?:if|next\s+time|one\s+more\s+time)\s+[^\n]{3,100}?(?<![\p{L}])(?:he|she|they|you|u|someone|somebody|that\s+[\p{L}]+)(?:(?:\s+won't|\s+won’t|\s+will\s+not)\s+(?:like|enjoy)\s+(?:it|that)|(?:'ll|’ll|\s+will|'s\s+going\s+to|’s\s+going\s+to|\s+is\s+going\s+to|'re\s+going\s+to|\s+are\s+going\s+to|'s\s+gonna|’s\s+gonna)\s+(?:(?:soon|really|definitely|certainly|quickly)\s+)?(?:regret\s+it|regret\s+(?:that|this|the\s+day)|learn\s+(?:the\s+hard\s+way|a\s+lesson|their\s+lesson|his\s+lesson|her\s+lesson)|be\s+sorry|get\s+what(?:'s|’s|\s+they|\s+he|\s+she)|get\s+the\s+(?:reply|response|answer)\s+(?:they|he|she|you)\s+deserves?|get\s+hurt|know\s+about\s+it|find\s+out\s+(?:the\s+hard\s+way|how\s+far|what\s+happens)))(?![\p{L}])/giu,
);
// A colleague's illness put in quotes to doubt it: "off with 'stress' again", "his 'back' always goes".
const QUOTED_ILLNESS = /(?<![\p{L}])(?:off|sick|absent|away|his|her|their|with|got|has|had|having|another|more|\p{L}+['’]s)\s+(?:(?:with|a|an|her|his|their|more|some|bit\s+of)\s+)?['"‘“](?:stress|stressed|anxiety|back|bad\s+back|migraine|migraines|headache|illness|flu|covid|depression|sickness|virus|bug|fatigue|burnout|burn-out|wellbeing|mental\s+health|family\s+emergency|emergency|appointment|appointments|sick|ill|unwell|poorly)['"’”]/giu;

// A post addressed to someone: an @mention or "you" anywhere in it.
const ADDRESSED = /(?:^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]{1,30}|(?<![\p{L}])(?:you|your|yours|yourself|yourselves|u|ur|ya)(?![\p{L}])/iu;
const ALLOW = prefiltered(`(?<![\\p{L}])${any(data.allow)}(?![\\p{L}])`, 'giu');
// A quotation of four words or more: quoted policy text or reported speech, not the author's words.
// A doubled mark ("") is an escaped quote character (a spreadsheet or CSV export), not a quotation's end.
const QUOTATION = /(?<!")"(?!")[^"\n]{0,400}?"(?!")|'(?=\S)[^'\n]{12,400}?(?<=\S)'(?![\p{L}])/gu;

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

/** What doubt takes off a finding's score: enough to put a plain one under the balanced threshold, even when context words raised it. */
const DOUBT = 0.4;
// The clause before a finding: back to the last , ; : . ! ? or line break.
const clauseBefore = (ctx: RuleContext, start: number) => {
  const from = ctx.sentenceAt(start).start;
  const before = ctx.lower.slice(from, start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('));
  // "I'm not being funny but ...": what comes after "but" is said, not denied.
  return before.slice(cut + 1).replace(/[‘’]/g, "'").split(/\bbut\b/).pop()!;
};
// "not saying he is", "I don't think she is a", "who isn't a": the accusation is denied.
const DENIED = /(?:\bnot|n't|\bnever|\bno\s+longer|\bhardly)\b(?:\s+[\p{L}'-]+){0,6}\s*$/u;
// "would be called racist", "they'll call you a fascist", "accused of being": someone else's word.
const REPORTED = /\b(?:call|calls|called|calling|label|labels|labelled|labeled|branded|brand|accused\s+of\s+being|accuse\s+\S+\s+of\s+being|considers?|considered|dubbed|smeared\s+as|painted\s+as)\s+(?:(?:him|her|them|you|me|us|it|people|anyone|everyone|someone|everybody|anybody|each\s+other|[\p{L}]+)\s+)?(?:(?:a|an|the)\s+)?$/u;
// "why do you defend fascists", "supporting racists": the name is what someone does something to.
const OBJECT_OF = /\b(?:you|u|ya|they|we|i|he|she)\s+(?:(?:just|still|even|really|always|all|keep|keeps|kept)\s+)?(?:defend|defending|support|supporting|fight|fighting|hate|hates|love|like|vote\s+for|voted\s+for|protect|protecting|enable|enabling|follow|following|fear|trust|meet|met|call\s+out|are\s+fighting|are\s+defending|were\s+fighting|identify\s+with|identifying\s+with|side\s+with|siding\s+with)\s+(?:(?:the|all|those|these|some|any|other|more)\s+)?$/u;
function accusationDoubt(ctx: RuleContext, start: number): string | undefined {
  const clause = clauseBefore(ctx, start);
  if (DENIED.test(clause)) return 'denied';
  if (REPORTED.test(clause)) return "someone else's word";
  if (OBJECT_OF.test(clause)) return 'what someone does something to, not who they are';
  return undefined;
}
// Swearing that praises or marvels ("fucking brilliant", "holy shit", "the shit", "badass"), or
// that the author says of their own day or self ("my shitty week", "I'm a hard-ass").
const CHEERING_AFTER = /^\s*(?:brilliant|amazing|awesome|lovely|beautiful|gorgeous|proud|perfect|delicious|incredible|fantastic|fabulous|talented|well\s+done)\b/u;
const CHEERING_BEFORE = /\b(?:kick|bad|smart)[\s-]?$/u;
const OWN_BEFORE = /(?<!\b(?:kiss|lick|kissed|kissing|up|off|out\s+of)\s+)\b(?:my|our|i'm\s+(?:a|such\s+a)(?:\s+[\p{L}-]+)?|i\s+am\s+(?:a|such\s+a)(?:\s+[\p{L}-]+)?)\s*$/u;
function swearingDoubt(ctx: RuleContext, start: number, end: number): string | undefined {
  const before = ctx.lower.slice(Math.max(0, start - 30), start).replace(/[‘’]/g, "'");
  const after = ctx.lower.slice(end, end + 20);
  if (CHEERING_AFTER.test(after) || CHEERING_BEFORE.test(before)) return 'swearing that cheers, not aimed';
  if (OWN_BEFORE.test(before)) return "the author's own";
  return undefined;
}

const THE_WAY = /\bthe\s+way\s[^.!?,]{0,40}$/u;

const memo = new WeakMap<RuleContext, Hit[]>();

export const derogatory = defineRule({
  id: 'derogatory',
  label: 'Offensive or insulting language',
  description: 'Derogatory, insulting, discriminatory, threatening or abusive language about anyone, disguised or not.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['derogatory', 'offensive', 'offend', 'offence', 'harmful', 'hurtful', 'abus', 'insult', 'discriminat', 'bully', 'bullied', 'harass', 'threat', 'profanity', 'obscene', 'defam', 'libel', 'slander', 'malicious', 'inflammatory', 'racist', 'homophobic', 'sexist', 'hateful', 'negative comment', 'cause harm', 'embarrass', 'humiliat', 'intimidat', 'demean', 'disparag', 'disrespect', 'rude'],
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
    // Context that makes a finding less sure lowers its score (Presidio's negative context): an
    // accusation denied or reported ("I'm not saying he is racist", "they'll call you a fascist"),
    // a name that is a verb's object ("why do you defend fascists?"); swearing that cheers or
    // that the author says of themselves ("fucking brilliant", "holy shit", "my shitty day").
    const add = (start: number, end: number, kind: string, why: string, score: number, read?: 'accusation' | 'swearing') => {
      if (marks.overlaps(start, end) || inside(allowedSpans(), start, end)) return;
      marks.add(start, end);
      const lowered = read === 'accusation' ? accusationDoubt(ctx, start) : read === 'swearing' ? swearingDoubt(ctx, start, end) : undefined;
      hits.push({
        start,
        end,
        message: `"${text.slice(start, end)}" is ${kind}. Posts must not insult, mock, threaten or demean anyone; say what you mean without it, or don't post.`,
        why: lowered ? `${why}; less sure: ${lowered}` : why,
        score: lowered ? Math.max(0, score - DOUBT) : score,
      });
    };

    const mayHave = (first: ReadonlySet<string>) => [...first].some((w) => keys.has(w));
    for (const m of THREATS(ctx, lower)) add(m.start, m.end, 'a threat', 'threat phrase', 0.85);
    for (const m of DISMISSALS(ctx, lower)) add(m.start, m.end, 'abuse aimed at someone', 'telling someone off with abuse', 0.8);
    let addressed: boolean | undefined;
    const toSomeone = (span: Span) => aimedAtPerson(ctx, span) || (addressed ??= ADDRESSED.test(text));
    // ...or said of the people in the sentence before ("Year 7s who can't use a knife and fork. Raised by wolves").
    const afterPeople = (span: Span) => {
      const i = ctx.sentenceIndexAt(span.start);
      return i > 0 && aimedAtPerson(ctx, ctx.sentences[i - 1]!);
    };
    for (const span of COMPARISONS(ctx, lower))
      if (toSomeone(span) || afterPeople(span)) add(span.start, span.end, 'an insult by comparison', 'someone compared to something stupid or worthless', 0.75);
    for (const m of SARCASM(ctx, lower)) add(m.start, m.end, 'mockery', 'a sarcastic title for someone', 0.65);
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
        // "#GroomingGangs": a match across a lower-to-upper case change joins two words of a hashtag.
        if (/\p{Ll}\p{Lu}/u.test(text.slice(span.start, end))) continue;
        // "(Until": a bracket or quote read as a letter in front of an ordinary word is punctuation, not a disguise.
        if (/^[^\p{L}\p{N}]/u.test(written)) {
          const after = wordAround(text, whole.start + 1, whole.start + 1);
          if (isOrdinaryWord(text.slice(after.start, after.end))) continue;
        }
        if (OBSCENITY_SLURS.has(word)) add(whole.start, whole.end, 'a slur', `slur (${word})`, 0.95);
        else if (OBSCENITY_INSULTS.has(word)) {
          // "Dick Whittington", "Moby Dick": a capitalised name, not an insult.
          if (/^\p{Lu}/u.test(written) && /^\s+\p{Lu}|^$/u.test(text.slice(whole.end, whole.end + 2)) && word === 'dick') continue;
          add(whole.start, whole.end, 'an insult', `insult (${word})`, 0.85);
        } else if (OBSCENITY_EXPLETIVES.has(word)) {
          if (/(?:head|face|wit|wad|bag|hole|stain|er|ers)$/i.test(written))
            add(whole.start, whole.end, 'an insult', `profanity made a name for someone (${written.toLowerCase()})`, 0.8);
          else if (aimedAtPerson(ctx, whole)) add(whole.start, whole.end, 'profanity aimed at someone', `profanity (${word}) with a person in the sentence`, 0.6, 'swearing');
          // A reply to someone, or a post that talks to "you", swearing: said to that person.
          else if (toSomeone(whole)) add(whole.start, whole.end, 'profanity aimed at someone', `profanity (${word}) in a post addressed to someone`, 0.55, 'swearing');
          // Swearing aimed at nobody: shown only at the strict sensitivity.
          else add(whole.start, whole.end, 'profanity', `profanity (${word}) aimed at no one in particular`, 0.35, 'swearing');
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
    // Whether the word, read as `key`, is an insult here (and marked).
    const keyHit = (t: Token, key: string): boolean => {
      if (INSULTS.has(key)) {
        if (!NEGATED.test(contextBefore(t))) add(t.start, t.end, 'an insult', `insult word (${key})`, 0.85);
      } else if (key.endsWith('tard') || key.endsWith('tards')) {
        if (!TARD.test(key) || TARD_STOP.has(key)) return false;
        add(t.start, t.end, 'a slur', `a blended slur (${key})`, 0.85);
      } else if (AMBIGUOUS.has(key)) {
        const before = contextBefore(t);
        const ofThem = OF_THEM_AFTER.test(text.slice(t.end, t.end + 40));
        if ((!ofThem && !(ANIMAL.has(key) ? AIMED_STRONG : AIMED_BEFORE).test(before)) || NOT_A_NOUN.test(before)) return false;
        add(t.start, t.end, 'an insult aimed at someone', `"${key}" aimed at a person`, 0.65, 'accusation');
      } else if (EXPLETIVES.has(key) && (t.leet || t.spaced) && aimedAtPerson(ctx, t)) {
        add(t.start, t.end, 'profanity aimed at someone', `disguised profanity (${key})`, 0.7);
      } else return false;
      return true;
    };
    const tokenHit = (t: Token) => {
      if (properNoun(ctx, t) || keyHit(t, t.key)) return;
      for (const key of squeezed(t.key)) if (keyHit(t, key)) return;
      // Letters spelt out across two words read as one run ("l a z y c o w"): an insulting
      // adjective and the name it aims.
      if (t.spaced)
        for (let i = 3; i <= t.key.length - 3; i++) {
          const [adj, noun] = [t.key.slice(0, i), t.key.slice(i)];
          if ((STRONG_ADJ_WORDS.has(adj) || ADJECTIVE_WORDS.has(adj)) && (INSULTS.has(noun) || AMBIGUOUS.has(noun))) {
            add(t.start, t.end, 'an insult', `insult spelt out (${adj} ${noun})`, 0.85);
            return;
          }
        }
    };
    for (const t of ctx.tokens) tokenHit(t);
    for (const m of text.matchAll(MASKED)) {
      const word = unmask(m[0]);
      if (!word) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (INSULTS.has(word) || ['cunt', 'twat', 'twats', 'wanker', 'bitch', 'bastard', 'prick', 'dickhead', 'arsehole', 'asshole', 'slut', 'whore', 'bellend', 'knobhead'].includes(word))
        add(span.start, span.end, 'an insult', `masked insult (${word})`, 0.85);
      else if (aimedAtPerson(ctx, span)) add(span.start, span.end, 'profanity aimed at someone', `masked profanity (${word})`, 0.6, 'swearing');
    }
    for (const t of ctx.spaced) tokenHit(t);
    // Short pieces joined ("pr 1 ck", "tw at", "b it ch"): an insult when at least one piece is
    // no word of its own.
    for (let i = 0; i < ctx.tokens.length - 1; i++) {
      let joined = '';
      let ordinary = true;
      for (let j = i; j < Math.min(ctx.tokens.length, i + 4); j++) {
        const t = ctx.tokens[j]!;
        if (t.text.length > 4 || (j > i && !/^[ .\-_]$/.test(text.slice(ctx.tokens[j - 1]!.end, t.start)))) break;
        joined += t.key.replace(/[013457]/g, (c) => 'oieast'['013457'.indexOf(c)]!);
        if (!BROKEN_PREFIXES.has(joined)) break;
        ordinary &&= isOrdinaryWord(t.text) || /^[ai]$/i.test(t.text);
        if (j > i && !ordinary && BROKEN.has(joined)) {
          add(ctx.tokens[i]!.start, t.end, 'an insult', `insult broken by spaces (${joined})`, 0.85);
          break;
        }
      }
    }
    if (INSULT_PHRASES && mayHave(INSULT_PHRASE_FIRST)) for (const m of lower.matchAll(INSULT_PHRASES)) add(m.index, m.index + m[0].length, 'an insult', 'insult phrase', 0.85);
    if (AMBIGUOUS_PHRASES && mayHave(AMBIGUOUS_PHRASE_FIRST))
      for (const m of lower.matchAll(AMBIGUOUS_PHRASES))
        if (AIMED_BEFORE.test(lower.slice(Math.max(0, m.index - 40), m.index))) add(m.index, m.index + m[0].length, 'an insult aimed at someone', 'insult phrase aimed at a person', 0.65, 'accusation');
    // The adjective patterns are long alternations: run them only over the sentences with one of
    // their words.
    const adjectiveSentences: Span[] = [];
    if (hasAdjective) {
      const seen = new Set<number>();
      for (const t of ctx.tokens) {
        if (!STRONG_ADJ_KEYS.has(t.key)) continue;
        const i = ctx.sentenceIndexAt(t.start);
        if (i < 0 || seen.has(i)) continue;
        seen.add(i);
        adjectiveSentences.push(ctx.sentences[i]!);
      }
      adjectiveSentences.sort((a, b) => a.start - b.start);
    }
    const inAdjectiveSentences = function* (re: RegExp, source: string) {
      for (const s of adjectiveSentences) for (const m of source.slice(s.start, s.end).matchAll(re)) yield { start: s.start + m.index, end: s.start + m.index + m[0].length };
    };
    // "the way our school treats support staff is a disgrace": the way they are treated, not the people.
    const theWay = (start: number) => THE_WAY.test(lower.slice(Math.max(0, start - 50), start));
    for (const m of inAdjectiveSentences(ADJ_PEOPLE, lower)) if (!theWay(m.start)) add(m.start, m.end, 'an insult aimed at people', 'insulting description of people', 0.7, 'accusation');
    for (const m of inAdjectiveSentences(SUBJECT_PREDICATE, folded)) add(m.start, m.end, 'an insult aimed at someone', 'someone told they are something insulting', 0.7, 'accusation');
    // Looked for back from each such word, not over the whole draft.
    for (const t of ctx.tokens) {
      if (!DEHUMANISED_WORDS.has(t.key)) continue;
      const from = Math.max(0, t.start - 80);
      const m = DEHUMANISED.exec(lower.slice(from, t.end));
      if (m) add(from + m.index, t.end, 'dehumanising', 'people called animals or vermin', 0.8);
    }
    // These patterns run only when a word they need is in the draft.
    if (ctx.tokens.some((t) => VIOLENT_STEMS.some((v) => t.key.startsWith(v)))) for (const m of lower.matchAll(VIOLENCE_WANTED)) add(m.index, m.index + m[0].length, 'a threat', 'violence someone wanted to do to a person', 0.8);
    if (keys.has('window')) for (const m of lower.matchAll(OUT_OF_WINDOW)) if (aimedAtPerson(ctx, { start: m.index, end: m.index })) add(m.index, m.index + m[0].length, 'a threat', 'a person to be thrown out of a window', 0.8);
    if (keys.has('if')) for (const m of lower.matchAll(WOULD_NOT_KNOW)) add(m.index, m.index + m[0].length, 'an insult by comparison', 'someone said not to know the obvious', 0.75);
    if (PREDICATE_KEYS.some((k) => keys.has(k))) for (const m of lower.matchAll(PERSON_PREDICATE)) if (!theWay(m.index)) add(m.index, m.index + m[0].length, 'an insult aimed at someone', 'a person called a joke or a disgrace', 0.7, 'accusation');
    if (keys.has('going') || keys.has('be') || keys.has('get')) for (const m of lower.matchAll(CONSEQUENCE)) add(m.index, m.index + m[0].length, 'a threat', 'a consequence held over someone', 0.75);
    if (mayHave(SWEEP_FIRST) && mayHave(SWEEP_GENERAL_FIRST))
      for (const m of lower.matchAll(SWEEPING)) {
        const clause = lower.slice(m.index, Math.min(lower.length, m.index + m[0].length + 60)).split(/[.!?;\n]/)[0]!;
        if (!SWEEP_PRAISE.test(clause)) add(m.index, m.index + m[0].length, 'a discriminatory remark', 'a sweeping remark about a group', 0.7, 'accusation');
      }
    if ((keys.has('if') || keys.has('next') || keys.has('one')) && mayHave(THREAT_AFTER_IF)) for (const m of lower.matchAll(CONDITIONAL_THREAT)) add(m.index, m.index + m[0].length, 'a threat', 'a consequence held over someone if they do something', 0.75);
    if (mayHave(ILLNESS_WORDS)) for (const m of text.matchAll(QUOTED_ILLNESS)) add(m.index, m.index + m[0].length, 'mockery', "a colleague's illness put in quotes to doubt it", 0.7);
    const loneNounSentences = new Set<number>();
    for (const t of ctx.tokens) if (AMBIGUOUS.has(t.key)) loneNounSentences.add(ctx.sentenceIndexAt(t.start));
    for (const i of loneNounSentences) {
      const s = ctx.sentences[i];
      if (!s) continue;
      const words = folded.slice(s.start, s.end).replace(/(?:^|\s)@[\p{L}\p{N}_]+/gu, ' ').match(/[\p{L}'-]+/gu) ?? [];
      const last = words[words.length - 1];
      if (!last || words.length > 5 || !AMBIGUOUS.has(last)) continue;
      // An animal's name for one person just named ("Snake."), not a farm's animals ("Pigs!").
      const afterPerson = i > 0 && words.length <= 3 && aimedAtPerson(ctx, ctx.sentences[i - 1]!) && (!ANIMAL.has(last) || !last.endsWith('s'));
      if (ANIMAL.has(last) && !afterPerson) continue;
      if (!words.slice(0, -1).every((w) => LONE_NOUN_LEAD.has(w) || STRONG_ADJ_WORDS.has(w))) continue;
      if (!ANIMAL.has(last) && (addressed ?? (addressed = ADDRESSED.test(text)))) add(s.start, s.end, 'an insult aimed at someone', `"${last}" said to someone`, 0.65);
      // "The CEO is on 190k while we teach in portakabins. Parasite.": said of the person just named.
      else if (afterPerson) add(s.start, s.end, 'an insult aimed at someone', `"${last}" said of the person before it`, 0.65);
    }
    for (const m of inAdjectiveSentences(YOU_ADJ, folded)) add(m.start, m.end, 'an insult aimed at someone', 'an insulting word said to someone', 0.7);
    // "The mums who stand gossiping at the gates are pathetic.": a sentence about people that
    // ends by calling them something insulting.
    for (const s of adjectiveSentences) {
      const sentence = folded.slice(s.start, s.end);
      const m = PREDICATE_END.exec(sentence);
      if (m && aimedAtPerson(ctx, { start: s.start, end: s.end }) && PERSON_NOT_BODY.test(sentence.slice(0, m.index))) add(s.start + m.index, s.start + m.index + m[0].length, 'an insult aimed at people', 'a sentence about people ending in an insult', 0.65, 'accusation');
    }
    for (const span of inAdjectiveSentences(INTENSIFIED, folded)) {
      if (aimedAtPerson(ctx, span)) add(span.start, span.end, 'an insult aimed at someone', 'an insulting word, intensified, about a person', 0.65, 'accusation');
    }
    for (const m of lower.matchAll(SIMILE)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (aimedAtPerson(ctx, span)) add(span.start, span.end, 'mockery', 'people likened to a herd of animals', 0.6);
    }
    // "how stupid you are", "your crap excuses", "people are so ignorant": a mocking word with a
    // person in its sentence mocks that person ("a stupid printer" has nobody to mock).
    // Said of a thing ("a disgusting decision", "stupid answers") it is a complaint about the thing,
    // unless said to someone's face ("you ignorant dupes").
    const PEOPLE_WORD = new RegExp(`^${PEOPLE}$`, 'iu');
    const ofThing = (t: Token) => {
      const next = ctx.tokens[t.index + 1];
      if (!next || !/^[\s,]*$/.test(text.slice(t.end, next.start)) || !ctx.tagsAt(next.start).has('Noun') || PEOPLE_WORD.test(next.key)) return false;
      return !/\b(?:you|ya|u)\s+$/.test(lower.slice(Math.max(0, t.start - 6), t.start));
    };
    for (const t of ctx.tokens) {
      if (!MOCKING.has(t.key) || !aimedAtPerson(ctx, t) || NEGATED.test(contextBefore(t)) || ofThing(t)) continue;
      // "it's getting ugly": a situation turning, not a person.
      if (/\b(?:getting|got|gets|get|turned|turning|turns|went)\s+(?:a\s+bit\s+|quite\s+|really\s+|very\s+)?$/.test(lower.slice(Math.max(0, t.start - 20), t.start))) continue;
      add(t.start, t.end, 'mockery', `a mocking word (${t.key}) with a person in the sentence`, 0.55, 'swearing');
    }
    if (hasMockery) for (const m of lower.matchAll(MOCKERY)) add(m.index, m.index + m[0].length, 'mockery', 'people compared to animals or fools', 0.65);
    return hits.sort((a, b) => a.start - b.start);
  }
}
