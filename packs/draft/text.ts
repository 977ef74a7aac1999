/**
 * Words as the drafter compares them: lower-cased, stemmed (Porter), stop words dropped,
 * negations kept as "not", and each word's concept (a synonym class of policy language, e.g.
 * photo/picture/image/video are all `#image`) added beside it, so a policy that says
 * "pictures" resembles one that says "photographs".
 */
import { stemmer } from 'stemmer';

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself of off on once only or other ought our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up very was we were what when where which while who whom why will with would
  you your yours yourself yourselves also may might must shall e.g i.e eg ie etc us one within without upon per via
  however including include includes whether either every many much well`.split(/\s+/),
);

const NEGATION = /^(?:not|no|never|nor|don't|dont|do not|cannot|can't|won't|shouldn't|mustn't|isn't|aren't|nothing|none)$/;

/**
 * Synonym classes: each word (stemmed) maps to the concept it expresses in a social media
 * policy. Kept to the vocabulary of the rules' subjects (../shared/spec/rules.md).
 */
const CONCEPTS: Record<string, string> = {};
const concept = (name: string, words: string) => {
  for (const w of words.split(/\s+/)) if (w) CONCEPTS[stemmer(w)] = name;
};
concept('image', 'photo photos photograph photographs photography picture pictures image images video videos footage selfie camera film filming filmed recording recordings');
concept('name', 'name names named naming surname surnames forename forenames');
concept('pupil', 'pupil pupils student students child children childrens learner learners youngster youngsters minors minor');
concept('parent', 'parent parents carer carers guardian guardians family families');
concept('staff', 'staff employee employees colleague colleagues teacher teachers worker workers volunteer volunteers governor governors trustees');
concept('school', 'school schools academy academies trust setting organisation employer college');
concept('offensive', 'derogatory offensive offend insult insulting insults abusive abuse discriminatory discrimination discriminate harass harassing harassment bully bullying bullied racist racism homophobic transphobic sexist threaten threatening threats defamatory defame defamation rude aggressive malicious hateful hate obscene mock mocking humiliate intimidate intimidating demeaning disparaging disrespectful slur slurs profanity swearing inflammatory');
concept('grievance', 'complaint complaints complain complaining grievance grievances criticise criticism critical criticize dispute disputes dissatisfaction grumble negative');
concept('secrecy', 'confidential confidentiality sensitive secret secrets privacy classified gdpr');
concept('connect', 'friend friends befriend befriending friendship friendships follow following follower followers connect connection connections contact message messaging messages chat correspond correspondence engage engagement');
concept('tag', 'tag tags tagged tagging mention mentions mentioning');
concept('brand', 'logo logos brand branding branded crest emblem strapline motto insignia');
concept('disclaimer', 'disclaimer disclaimers');
concept('views', 'view views opinion opinions');
concept('politics', 'political politics politically party parties election elections campaign campaigning partisan impartial impartiality neutral neutrality');
concept('whereabouts', 'address addresses location locations whereabouts geotag geotagged geotagging geolocation gps');
concept('consent', 'consent consents permission permissions authorised authorisation authorization approval approve approved');
concept('post', 'post posts posted posting postings share shares shared sharing upload uploaded uploading publish published publishing tweet retweet comment comments commenting content');
concept('social', 'facebook twitter instagram tiktok snapchat whatsapp linkedin youtube social online internet network networking platform platforms site sites');
concept('personal', 'personal private');
concept('official', 'official corporate');
concept('reputation', 'reputation disrepute reputational image-damaging');

/** Weights of a pair of adjacent words, and of a pair where a word stands for its concept. */
export const PHRASE_WEIGHTS = { bigram: 0.7, conceptBigram: 0.5 };

export interface Token {
  /** The stemmed word, "not" for a negation. */
  stem: string;
  /** The concept the word expresses, if any (e.g. "#image"). */
  concept?: string;
  /** The word as written (lower-cased), for explanations. */
  word: string;
}

/** Stems by word, as the same words recur in every clause (stemming was a tenth of drafting). */
const STEMS = new Map<string, string>();
function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) STEMS.set(word, (stem = stemmer(word.replace(/'/g, ''))));
  return stem;
}

/**
 * Tokens by text: a clause's section heading and lead-in recur with every clause under them, and
 * each clause is read again to say why it cannot be checked. Cleared when it grows past a few
 * documents' worth. The tokens are shared: callers do not change them.
 */
const TOKENS = new Map<string, readonly Token[]>();

/** The words of a text, stemmed, with their concepts. */
export function tokens(text: string): readonly Token[] {
  let out = TOKENS.get(text);
  if (out === undefined) {
    if (TOKENS.size > 20_000) TOKENS.clear();
    TOKENS.set(text, (out = tokenise(text)));
  }
  return out;
}

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  const words = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .match(/[a-z][a-z0-9']*/g);
  for (const raw of words ?? []) {
    const word = raw.replace(/'s$/, '').replace(/'$/, '');
    if (NEGATION.test(word) || /n't$/.test(word)) {
      out.push({ stem: 'not', word });
      continue;
    }
    if (STOP.has(word) || word.length < 2) continue;
    const stem = stemOf(word);
    const c = CONCEPTS[stem];
    out.push(c ? { stem, concept: `#${c}`, word } : { stem, word });
  }
  return out;
}

/** A sparse bag of features with weights. */
export type Bag = Map<string, number>;

/**
 * The features of a text: stems, concepts, and adjacent-stem bigrams (phrases such as
 * "personal account", "air grievance"), each with a weight.
 */
export function features(text: string, weight = 1, into: Bag = new Map()): Bag {
  const toks = tokens(text);
  const add = (f: string, w: number) => into.set(f, (into.get(f) ?? 0) + w);
  toks.forEach((t, i) => {
    add(t.stem, weight);
    if (t.concept) add(t.concept, weight);
    const next = toks[i + 1];
    if (next) add(`${t.stem}_${next.stem}`, weight * PHRASE_WEIGHTS.bigram);
    if (next && (t.concept || next.concept)) add(`${t.concept ?? t.stem}_${next.concept ?? next.stem}`, weight * PHRASE_WEIGHTS.conceptBigram);
  });
  return into;
}

/**
 * Whether a sentence tells someone what to do or not to do (a modal of obligation, a
 * prohibition, an imperative), as a clause that states a rule does; an introduction ("Social
 * media can present risks"), a definition or a description does not. A list item is a directive
 * when its lead-in is ("Staff should not:" ... "Not posting photos").
 */
const OBLIGATION =
  /\b(?:must|should|shall|ought|need(?:s)? to|(?:is|are|am) (?:not )?to|will|won't|expect(?:s|ed)?|required?|requirements?|ha(?:ve|s) to|may not|cannot|can't|(?:not )?(?:permitted|allowed|acceptable|appropriate)|unacceptable|inappropriate|prohibit\w*|forbid\w*|never|avoid\w*|refrain\w*|ensur\w*|make sure|do not|don't|does not|request(?:ed)? that|ask(?:ed)? (?:that|to)|encouraged|advised|please|responsib\w*|expectations?)\b/;
const IMPERATIVE = /^(?:under no circumstances|at no time|in no circumstances|do|don't|never|always|be|avoid|ensure|remember|think|respect|keep|use|make|report|check|consider|only|no|not|refrain|seek|take|treat|protect|maintain|adhere|comply|follow|inform|tell|exercise)\b/;

/** A sentence about the policy itself: what it sets out, covers or is designed to do. */
const ABOUT_THE_POLICY =
  /\b(?:this|the|our) (?:policy|document|guidance|guidelines|principles|procedures?)\b[^.;]*?\b(?:sets? out|set out in|designed|aims?|intend\w*|purpose|appl(?:y|ies)|covers?|describes?|outlines?|explains?)\b/;

/** Headings over directives: "Parental requirements", "Staff expectations", "Do's and don'ts". */
export const DIRECTIVE_HEADING = /\b(?:requirements?|expectations?|rules|guidelines?|do'?s|don'?ts|code of conduct|must|should|protocols?|responsibilities)\b/i;

/** A sentence that lists examples of what a word covers: a definition, whatever its modals. */
const EXAMPLES = /^(?:examples?\b|for (?:example|instance)\b|th(?:is|ese) (?:includes?|covers?)\b|such as\b)/;

/**
 * A statement of what the policy is for that names what it protects: "The principles set out in
 * this policy are designed to ensure ... that confidentiality of pupils and staff is maintained".
 * It tells no one what to do in so many words, but a reader knows the rule applies to their posts.
 */
const PURPOSE = /\b(?:designed|aims?|intend\w*|purpose)\b[^.;]*?\b(?:ensur\w*|protect\w*|safeguard\w*|maintain\w*|preserv\w*|respect\w*)\b/;

/** Whether a sentence about the policy itself sets out what it protects (see PURPOSE). */
export function isPurpose(quote: string): boolean {
  const q = quote.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^[^a-z]+/, '');
  return (ABOUT_THE_POLICY.test(q) && PURPOSE.test(q)) || AIM.test(q);
}

/** An aim in a list of them ("To ensure that the school is not exposed to legal action"): what the policy is for, not what anyone must do. */
const AIM = /^to (?:ensure|protect|safeguard|maintain|preserve|promote|keep|set out|provide|give|help|support|enable|make sure|minimi[sz]e|reduce)\b/;

/**
 * What happens after a breach (it is reported, referred, punished): a procedure, not what a post
 * may say, whatever its modals ("Where there has been a breach of confidential information, the
 * breach must be reported to the Data Protection Officer").
 */
const PROCEDURE =
  /^(?:where|if|when|any|a|all)\b[^.;]*\bbreach(?:es)?\b[^.;]*\b(?:must|should|will|may)\b[^.;]*\b(?:reported|referred|result|lead|investigated)\b|\b(?:must|should|will|to) be (?:reported|referred)\b|\bmay (?:result|lead) in (?:disciplinary|dismissal)/;

/**
 * Respecting copyright, trademarks or others' intellectual property: who owns a text or an image,
 * which no rule can tell from a draft ("Respect brand, trademark, copyright information and/or
 * images of the school" is no rule about branding a personal post; a ban on using the logo, "these
 * are registered trademarks", is).
 */
const OWNERSHIP = /\b(?:respect\w*|observ\w*|compl(?:y|ying) with|abid\w* by|breach\w*|infring\w*|adher\w* to)\b[^.;]{0,60}\b(?:copyright|trade ?marks?|intellectual property)\b/;

export function isDirective(quote: string, leadIn?: string): boolean {
  const q = quote.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^[^a-z]+/, '');
  if (ABOUT_THE_POLICY.test(q) || EXAMPLES.test(q) || PROCEDURE.test(q) || AIM.test(q) || OWNERSHIP.test(q)) return false;
  if (IMPERATIVE.test(q) || OBLIGATION.test(q)) return true;
  return leadIn !== undefined && isDirective(leadIn);
}

/** Who a clause is addressed to, when it names them: staff, or parents and pupils (the school's other readers). */
export type Audience = 'staff' | 'others' | undefined;

const STAFF_WORDS = /\b(?:staff|employees?|teachers?|colleagues|governors|volunteers|members of staff|school[- ]based staff|adults who work)\b/;
const OTHER_WORDS = /\b(?:parents?|parental|carers?|families|pupils?|students?|children|learners|young people)\b/;
/** The readers a sentence asks something of, at its start: "Parents should not", "We ask that parents", "Pupils will be advised". */
const SUBJECT = /^(?:(?:we (?:would )?(?:ask|expect|request|remind)(?: that| all)?|it is expected that|all|any|our|the)\s+)?(?:([a-z]+(?:\s*\/\s*[a-z]+)?)\s+)?/;

/**
 * The audience of a clause from what addresses it: a list item's lead-in ("Parental requirements
 * often include:"), else the sentence's own subject; a lead-in or subject naming staff wins.
 */
export function audienceOf(quote: string, leadIn?: string): Audience {
  const of = (text: string): Audience => {
    const t = text.toLowerCase();
    if (STAFF_WORDS.test(t)) return 'staff';
    return OTHER_WORDS.test(t) ? 'others' : undefined;
  };
  if (leadIn !== undefined) {
    const a = of(leadIn);
    if (a) return a;
  }
  const q = quote.toLowerCase().replace(/^[^a-z]+/, '');
  const subject = SUBJECT.exec(q)?.[0] ?? '';
  // The first words up to the verb: "Parents/carers should", "Pupils will be advised".
  const head = q.slice(0, subject.length + 24).split(/\b(?:should|must|will|are|is|may|can|need|have|has|ought)\b/)[0]!;
  return of(head);
}
