/**
 * child-name: a pupil's or child's name. Two detectors, Presidio-style: the configured pupil
 * list (robust to case, possessives, one wrong letter, digits, spacing, invisible and
 * look-alike characters, all folded before matching), and context patterns that place a name
 * nobody listed as a pupil ("Ollie from Year 1", "Star of the week: Noah!", "Amelia S.").
 * Titles (Mrs, Mr, Dr ...) and adult roles mark adults; "my son Rory" is the author's own child.
 */
import { defineRule, type Hit } from './engine/types';
import type { RuleContext } from './engine/context';
import type { Token } from './engine/tokens';
import { Marks, perSentence } from './engine/match';
import { WORD_NAMES, type NameMatch } from './engine/pupils';
import { isOrdinaryWord, lexiconTag } from './engine/lexicon';
import { alt, anyOf } from './engine/patterns';
import { orgMentions } from './engine/org';
import { staffLife } from './engine/staff-life';
import names from './data/names.json';

const TITLES = new Set(names.titles);
const NOT_NAMES = new Set(names.notNames);
const NOUN_SUFFIX = new RegExp(`\\p{L}{3}(?:${alt(names.nounSuffixes)})$`, 'u');
const ROLES = names.adultRoles.join('|');
// "Sandra, our new school cook", "Dave (caretaker)", "Joanna the author".
const ADULT_ROLE = new RegExp(`^(?:\\s*,\\s*(?:our|the|my|a|your)\\s+(?:[\\p{L}'-]+\\s+){0,2}|\\s+(?:the|our)\\s+(?:[\\p{L}'-]+\\s+){0,1}|\\s*\\(\\s*|\\s+from\\s+(?:the\\s+)?)(?:${ROLES})\\b`, 'iu');
// "our visiting author, Joanna Reid", "Chef Sandra".
const ADULT_ROLE_BEFORE = new RegExp(`\\b(?:${ROLES})\\s*,?\\s*$`, 'i');
const OWN_CHILD = new RegExp(`\\bmy\\s+(?:(?:${alt(names.ownChildAdjectives)}|\\w+-year-old)\\s+){0,2}(?:${alt(names.ownChild)})s?[\\s,:]*$`, 'i');
// "Ava, Year 2", "Ava (from Reception)", "Ava in 4B", "Ava from my class".
const GROUP_LEAD = '^[\\s,(-]*(?:(?:from|in|of)\\s+)?';
const YEAR_GROUP = new RegExp(
  [
    `${GROUP_LEAD}(?:year|yr|y)\\s?(\\d{1,2})\\b`,
    `${GROUP_LEAD}(?:reception|nursery|[1-6][A-Z]\\b|ks[12]\\b|eyfs)`,
    '^\\s+(?:from|in)\\s+(?:my|our)\\s+(?:[\\p{L}\\d]+\\s+)?(?:class|form|tutor group|set|group|year group|team)\\b',
  ].join('|'),
  'iu',
);
// "Ava, Class 3", "Ava in class Oak"; not "Rowan Class", a class named after the word (case
// matters, so no /i).
const CLASS_AFTER = /^(?:\s*[,(-]\s*(?:(?:[Ff]rom|[Ii]n|[Oo]f)\s+)?|\s+(?:from|in|of)\s+)[Cc]lass\s+(?:\d|[A-Z][a-z])/u;
// "One of my Year 3s, Lily-Mae, ..." and "our Year 2 star Ava".
const YEAR_GROUP_BEFORE = /\b(?:year|yr|y)\s?\d{1,2}s?\s*[,:(-]\s*$/i;
const PLACE_NEXT = new RegExp(`^\\s+(?:${alt(names.placeWords)})\\b`, 'i');
// "... in my class", "... in Year 4", "... for our team" after an award's period: whose award it is.
const AWARD_GROUP = '(?:\\s+(?:in|from|for)\\s+(?:(?:my|our|the)\\s+)?(?:[\\p{L}\\d]+\\s+){0,2}?(?:class|form|group|team|year\\s?\\d{1,2}|reception|nursery))?';
// "Star of the day in my class:", "Our kindness award this week goes to", "Winner is".
const AWARD = new RegExp(
  `(?:\\b(?:${names.awardHeads.join('|')})\\s+of\\s+the\\s+(?:${names.awardPeriods.join('|')})${AWARD_GROUP}|\\b(?:${names.prizes.join('|')})s?\\s+(?:[\\p{L}\\d'-]+\\s+){0,3}?(?:goes|go|went|going)\\s+to|\\bwinners?\\s+(?:is|are|was|were))\\s*[:!,\\-]*\\s*(?:(?:is|was|goes to|went to)\\s+)?$`,
  'iu',
);
const ANY_OF_THE_WEEK = new RegExp(`\\b[\\p{L}-]+\\s+of\\s+the\\s+(?:${names.awardPeriods.join('|')})(?:\\s+(?:award|certificate|trophy|prize))?${AWARD_GROUP}\\s*(?:is|was|goes to|went to)?\\s*[:!,\\-]*\\s*$`, 'iu');
// "A kid in my form, Alfie, ...", "one of the girls in my class, Esme:": a child of the author's group.
const CHILD_OF_GROUP_BEFORE = new RegExp(`\\b(?:${alt(names.childGroupNouns)})\\s+(?:in|from|of)\\s+(?:my|our)\\s+(?:[\\p{L}\\d]+\\s+){0,2}?(?:class|form|tutor group|group|set|team)\\s*[,:-]\\s*$`, 'iu');
const PUPIL_NOUN = new RegExp(`\\b(?:our|my|a|the|this)\\s+(?:(?:year\\s?\\d{1,2}|[\\p{L}-]+)\\s+){0,2}(?:${names.pupilNouns.join('|')})\\s*[:,-]?\\s*$`, 'iu');
const PRAISE = new RegExp(`(?:^|[^\\p{L}])(?:${names.praise.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\s*[,:!-]?\\s*$`, 'iu');
const CHILD_CONTEXT = anyOf(names.childContext, 'iu');
/** A capitalised name just before or after, joined by a comma, "and" or "&": the word is one of a list of names. */
const NAME_BEFORE_IN_LIST = /\p{Lu}\p{Ll}+\s*(?:,|&|\band\b)\s*$/u;
const NAME_AFTER_IN_LIST = /^\s*(?:,|&|and\b)\s*\p{Lu}\p{Ll}+/u;
const SCHOOL_CONTEXT = /\b(?:year\s?\d{1,2}|reception|nursery|class|pupils?|students?|school|classroom|assembly|playground|teacher|headteacher|sports day|certificate|merit|house points?|team)\b/i;
// "Chelsea's mum": a possessive name followed by family is a child's name.
// "Chelsea's mum", "Skye's painting": a possessive name followed by family, or by something a
// child made, is a child's name.
const FAMILY_AFTER = new RegExp(`^\\s+(?:${alt(names.familyAfter)})\\b`, 'i');
// "the story of Yusuf (Joseph)", "the life of Florence Nightingale": a character or a figure.
const STORY_BEFORE = new RegExp(`\\b(?:${alt(names.storyWords)})\\s+of\\s+$`, 'i');
const PLACE_BEFORE = /\b(?:in|at|to|from|visiting|visited|visit|near|around|across|through|of)\s+$/i;
// "Amelia S.", "Bethany C in Year 7", "Sonny W told me", "Mo S and Neve D": a surname's initial,
// capital, on its own (I and A without a full stop are words: "Jordan I think").
const INITIAL_AFTER = /^\s+(\p{Lu})(?:\.(?!\p{L})|(?<![IA])(?=[,;:!?)]|\s+[\p{Ll}&(]|\s*$))/u;
// "my husband Kit", "my mum, Joy": an adult of the author's family, even when the name is listed.
const ADULT_FAMILY_BEFORE = new RegExp(`\\bmy\\s+(?:[\\p{L}-]+\\s+)?(?:${alt(names.adultFamily)})\\s*[,:]?\\s*$`, 'iu');

// What a listed name is when the words around it make it something other than a person.
// "Layla by Eric Clapton", "Matilda by Roald Dahl": a title by its artist or author.
const BY_ARTIST_AFTER = /^\s+by\s+\p{Lu}/u;
// "Marley & Me", "Jordan and the Dead Sea": a title, or a place listed with another.
const THING_PARTNER_AFTER = /^\s*(?:&\s*\p{Lu}|(?:and|&)\s+the\s+\p{Lu})/u;
const THE_PARTNER_BEFORE = /\bthe\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*\s+(?:and|&)\s+$/u;
// "Oscar-winning", "Paris-based": the name as the first half of a modifier.
const MODIFIER_AFTER = /^-\p{Ll}/u;
// "Paris for the weekend", "Georgia for two weeks": a trip.
const TRIP_AFTER = /^\s+for\s+(?:(?:the|a|an|\d+|one|two|three|four|five|six|seven|ten|a\s+few|a\s+couple\s+of)\s+)?(?:[\p{L}-]+\s+)?(?:weekend|week|weeks|fortnight|days?|nights?|months?|holidays?|summer|half[- ]term|break|trip)\b/iu;
// A place named right before a misspelt name ("on the beach at Filey"): a place, not a pupil.
const AT_PLACE_BEFORE = /\b(?:at|in|to|near|visiting|visited|visit|around|across|through)\s+$/i;
// "Jordan was brilliant", "Summer scored", "Faith and Ivy": what follows a person's name.
/** A listed name that reads as something else (otherUse): under the balanced threshold even with two school words in its sentence (+0.1 each); a strict sensitivity shows it with one. */
const OTHER_USE_SCORE = 0.25;
const PERSON_AFTER = /^[\s,]*(?:[!?.,]|$|and\b|is\b|was\b|has\b|had\b|'s\b)/i;

function isNameLike(ctx: RuleContext, t: Token): boolean {
  if (!t.capitalised || t.text.length < 2 || NOT_NAMES.has(t.key) || TITLES.has(t.key) || /\d/.test(t.text)) return false;
  if (/[#@]$/.test(ctx.text.slice(Math.max(0, t.start - 1), t.start))) return false; // a hashtag or handle
  // An ordinary word opening a sentence ("Pottery class ...") is not a name.
  if (isOrdinaryWord(t.key) && ctx.sentenceAt(t.start).start === t.start) return false;
  if (t.text.length > 2 && t.text === t.text.toUpperCase()) return false; // acronyms: SATs, PTA, NHS
  if (NOUN_SUFFIX.test(t.key)) return false; // "Behaviour in Year 9", "Punctuality in Year 10".
  const tags = ctx.tagsAt(t.start);
  // A plural noun ("Our Star Awards", "Film Studies") is not a name.
  if (tags.has('Plural') && !tags.has('Person') && !tags.has('FirstName')) return false;
  return !['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Date', 'Month', 'WeekDay', 'Value', 'Organization'].some((tag) => tags.has(tag));
}

function titled(ctx: RuleContext, t: Token): boolean {
  const prev = ctx.tokens[t.index - 1];
  if (prev && TITLES.has(prev.key)) return true;
  // "Mrs Jane Foster": a title two words back, with a capitalised first name between.
  const prev2 = ctx.tokens[t.index - 2];
  // Only spaces between the three ("teacher'. Cheers Alfie" is no title).
  const spaced = (x: Token, y: Token) => /^\s+$/.test(ctx.text.slice(x.end, y.start));
  return Boolean(prev && prev2 && prev.capitalised && TITLES.has(prev2.key) && spaced(prev2, prev) && spaced(prev, t));
}

function before(ctx: RuleContext, t: Token, chars = 60): string {
  return ctx.text.slice(Math.max(0, t.start - chars), t.start);
}
function after(ctx: RuleContext, t: Token, chars = 40): string {
  return ctx.text.slice(t.end, t.end + chars);
}

/**
 * Whether the pupil list is searched for a word at all: a word written as a name (capital,
 * digits, spaced out), a word that is also a name ("grace"), or one the English lexicon does
 * not know. A lower-case ordinary word ("the", "price") is not. Decided from the draft and
 * public word lists alone, so it tells nothing about the list; with a hashed list it spares a
 * memory-hard derivation per word (see name-hash.ts).
 */
function nameCandidate(t: Token): boolean {
  return t.capitalised || t.leet || t.spaced || WORD_NAMES.has(t.key) || !isOrdinaryWord(t.key);
}

/** The pupil-list match for a word, if any, honouring the limits on fuzzy matching. */
function listed(ctx: RuleContext, t: Token): NameMatch | null {
  const index = ctx.settings.pupils;
  if (index.size === 0 || t.key.length < 2 || !nameCandidate(t)) return null;
  const exact = index.exact(t.key);
  if (exact) return exact;
  // One wrong letter only where the word is written as a name (or disguised), and is not an
  // ordinary word: "Dylon" and "J0seph" are pupils, "price" is not "Grace".
  if (!(t.capitalised || t.leet || t.spaced) || WORD_NAMES.has(t.key)) return null;
  if (isOrdinaryWord(t.key)) return null;
  return index.fuzzy(t.key);
}

/** "Chelsea bun", "Rose garden": a word-name used as a modifier of the noun after it. */
function nounFollows(ctx: RuleContext, t: Token): boolean {
  if (t.possessive && FAMILY_AFTER.test(after(ctx, t))) return false; // "Chelsea's mum" is a child's mum
  const next = ctx.tokens[t.index + 1];
  if (!next || next.capitalised || !/^ $/.test(ctx.text.slice(t.end, next.start))) return false;
  const tags = ctx.tagsAt(next.start);
  return (tags.has('Noun') || tags.has('Gerund')) && !tags.has('Pronoun');
}

/** A word known as a first name: listed, in the lexicon, or read as one by the parser. */
function firstName(ctx: RuleContext, t: Token): boolean {
  return /Name$/.test(lexiconTag(t.key) ?? '') || ctx.tagsAt(t.start).has('FirstName') || ctx.settings.pupils.isFirstName(t.key);
}

/** A capitalised word that is somebody: a first name (listed, or known to the lexicon), a title, a family word. */
function personWord(ctx: RuleContext, word: string, offset: number): boolean {
  const key = word.toLowerCase();
  const tag = lexiconTag(key) ?? '';
  if (/Name$/.test(tag) || tag === 'Actor' || TITLES.has(key)) return true;
  const tags = ctx.tagsAt(offset);
  return tags.has('Person') || tags.has('FirstName') || ctx.settings.pupils.isFirstName(key);
}

/**
 * Why a listed name, with nothing placing it as a pupil, is something else here: a title by its
 * artist ("Layla by Eric Clapton"), half of a modifier ("Oscar-winning"), named with a place or a
 * title ("Jordan and the Dead Sea", "Marley & Me", "Batman and Robin"), and for a name that is
 * also a word or a place: a trip ("Paris for the weekend") or the first word of a proper name
 * ("Summer Reading Challenge", "Rowan Class"). A misspelt name after "at" or "in" is a place
 * ("the beach at Filey"). Null when none of these holds.
 */
function otherUse(ctx: RuleContext, t: Token, word: boolean, misspelt: boolean, end = t.end): string | null {
  const a = after(ctx, t);
  const b = before(ctx, t);
  // "Chelsea were shocking", "Arsenal have": one child takes "was"; a team or a band takes "were".
  if (PLURAL_VERB_AFTER.test(a) && !/(?:\band|&)\s+$/i.test(b)) return 'a team or a band (a plural verb follows)';
  // "the Dylan Thomas Boathouse", "Grace Darling Museum": a full name naming a place.
  if (end > t.end && PLACE_NEXT.test(ctx.text.slice(end, end + 40))) return 'a full name naming a place';
  if (thingNamed(ctx, t)) return 'a name for the thing after it';
  if (BY_ARTIST_AFTER.test(a)) return 'a title followed by its artist or author';
  if (MODIFIER_AFTER.test(a)) return 'the first half of a modifier';
  if (THING_PARTNER_AFTER.test(a) || THE_PARTNER_BEFORE.test(b)) return 'named together with a place or a title';
  const partnerBefore = /(\p{Lu}[\p{L}'-]*)\s+(?:and|&)\s+$/u.exec(b);
  if (partnerBefore && !personWord(ctx, partnerBefore[1]!, t.start - b.length + partnerBefore.index)) return 'paired with a name that is not a person\'s';
  const partnerAfter = /^\s+(?:and|&)\s+(\p{Lu}[\p{L}'-]*)/u.exec(a);
  if (partnerAfter && !/^the$/i.test(partnerAfter[1]!) && !personWord(ctx, partnerAfter[1]!, t.end + a.indexOf(partnerAfter[1]!, partnerAfter[0].length - partnerAfter[1]!.length))) return 'paired with a name that is not a person\'s';
  if (word) {
    if (TRIP_AFTER.test(a)) return 'a place, with the length of a trip';
    const next = ctx.tokens[t.index + 1];
    if (!t.possessive && next && next.capitalised && next.text.length > 1 && /^ $/.test(ctx.text.slice(t.end, next.start)) && !ctx.settings.pupils.isSurname(next.key)) return 'the first word of the name of something';
  }
  if (misspelt && AT_PLACE_BEFORE.test(before(ctx, t, 20))) return 'a place';
  return null;
}

const PLURAL_VERB_AFTER = /^\s+(?:were|are|have|weren'?t|aren'?t|haven'?t)\b/i;

/** "a Reuben sandwich", "Victoria sponge": a name right before a singular noun names that thing. */
function thingNamed(ctx: RuleContext, t: Token): boolean {
  const next = ctx.tokens[t.index + 1];
  if (t.possessive || !next || next.capitalised || !/^ $/.test(ctx.text.slice(t.end, next.start))) return false;
  const tags = ctx.tagsAt(next.start);
  return lexiconTag(next.key) === 'Singular' && tags.has('Noun') && !tags.has('Verb') && !tags.has('Pronoun');
}

function properName(ctx: RuleContext, t: Token): boolean {
  const tags = ctx.tagsAt(t.start);
  return tags.has('Person') || tags.has('FirstName') || tags.has('ProperNoun') || /Name$/.test(lexiconTag(t.key) ?? '');
}

/** Where a name written with its surname's initial ("Bethany C", "Amelia S.") ends. */
function initialEnd(ctx: RuleContext, t: Token): number {
  const m = /^\s+\p{Lu}/u.exec(after(ctx, t));
  if (!m) return t.end;
  const end = t.end + m[0].length;
  // "Amelia S. got her certificate": the full stop goes with the initial inside a sentence.
  return /^\.(?=\s*[\p{Ll},])/u.test(ctx.text.slice(end, end + 4)) ? end + 1 : end;
}

function pupilContext(ctx: RuleContext, t: Token, listedName: boolean): string | null {
  const b = before(ctx, t);
  const a = after(ctx, t);
  if (YEAR_GROUP.test(a) || CLASS_AFTER.test(a) || /^[\s,(-]*(?:from|in|of)\s+(?:year|yr)\s?\d/i.test(a)) return 'a year group or class follows the name';
  if (YEAR_GROUP_BEFORE.test(b)) return 'a year group introduces the name';
  const award = / of the |\bto\b|winner/i.test(b);
  if (award && AWARD.test(b)) return 'an award or "star of the week" introduces the name';
  // Any "<noun> of the week: <name>" that names a person, not a word or a fact of the week.
  if (award && ANY_OF_THE_WEEK.test(b) && !isOrdinaryWord(t.key)) return 'an "of the week" award introduces the name';
  // ("Our Star Awards": a capitalised noun right before makes them one proper name, not a pupil.)
  const prev = ctx.tokens[t.index - 1];
  const nounJoined = Boolean(prev?.capitalised && /^ $/.test(ctx.text.slice(prev.end, t.start)) && ctx.sentenceAt(prev.start).start !== prev.start && !firstName(ctx, t));
  if (PUPIL_NOUN.test(b) && !nounJoined) return 'the name follows "pupil" or "student"';
  if (CHILD_OF_GROUP_BEFORE.test(b)) return 'a child of the author\'s class or group introduces the name';
  // Without a full stop the letter could be a grade or a label ("Vitamin C", "Plan B"): the word
  // must be a listed name or read as a proper name.
  if (INITIAL_AFTER.test(a) && (listedName || /^\s+\p{Lu}\./u.test(a) || properName(ctx, t))) return 'a first name with a surname initial, the usual way pupils are named';
  return null;
}

const yearGroups = new WeakMap<RuleContext, (s: { start: number; end: number }) => string | null>();

/** "a Year 3 pupil" when the name's sentence gives the year group. */
function yearGroup(ctx: RuleContext, t: Token): string | null {
  let bySentence = yearGroups.get(ctx);
  if (!bySentence) {
    bySentence = perSentence((start, end) => {
      const m = /\b(?:year|yr)\s?(\d{1,2})\b/i.exec(ctx.text.slice(start, end));
      return m ? `a Year ${m[1]} pupil` : null;
    });
    yearGroups.set(ctx, bySentence);
  }
  return bySentence(ctx.sentenceAt(t.start));
}

function suggestionFor(ctx: RuleContext, t: Token): string {
  // "Olivia in Year 3" becomes "a pupil in Year 3", not "a Year 3 pupil in Year 3".
  const base = (YEAR_GROUP.test(after(ctx, t)) ? null : yearGroup(ctx, t)) ?? 'a pupil';
  return t.possessive ? `${base}'s` : base;
}

function hitFor(ctx: RuleContext, t: Token, end: number, why: string, listedName: boolean): Hit {
  const said = ctx.text.slice(t.start, end);
  return {
    start: t.start,
    end,
    message: listedName
      ? `"${said}" matches a name on your pupil list. Children's names must not appear in posts: describe the child instead, or leave the name out.`
      : `"${said}" reads as a child's name (${why}). Children's names must not appear in posts: describe the child instead.`,
    suggestion: suggestionFor(ctx, t),
    why: listedName ? `pupil list: ${why}` : `context: ${why}`,
  };
}

/** "Michael Jordan", "Amazing Grace": the word follows another capitalised word of the same name. */
function surnamePosition(ctx: RuleContext, t: Token): boolean {
  const prev = ctx.tokens[t.index - 1];
  if (!prev || !prev.capitalised || NOT_NAMES.has(prev.key) || TITLES.has(prev.key)) return false;
  // A capital that only opens the sentence ("Teaching Ayesha ...") is no first name.
  const prevTags = ctx.tagsAt(prev.start);
  if (ctx.sentenceAt(prev.start).start === prev.start && !prevTags.has('FirstName') && !prevTags.has('Person')) return false;
  if (PRAISE.test(ctx.text.slice(Math.max(0, prev.start - 30), prev.end))) return false;
  return /^ $/.test(ctx.text.slice(prev.end, t.start)) && !ctx.settings.pupils.isFirstName(prev.key);
}

/**
 * First names the draft gives to adults ("our visiting author, Joanna Reid", "Mrs Jane Foster")
 * or the author's own children, so a later bare "Thank you Joanna!" is not read as a pupil.
 * Only capitalised words are looked at, once each.
 */
function adultNames(ctx: RuleContext): Set<string> {
  const adults = new Set<string>();
  for (const o of ctx.tokens) {
    if (!o.capitalised || adults.has(o.key)) continue;
    if (titled(ctx, o) || ADULT_ROLE.test(after(ctx, o)) || ADULT_ROLE_BEFORE.test(before(ctx, o, 40)) || OWN_CHILD.test(before(ctx, o))) adults.add(o.key);
  }
  return adults;
}

export const childName = defineRule({
  id: 'child-name',
  label: "A pupil's name",
  description: "A pupil's or child's name: any name on the pupil list, or a name the sentence places as a pupil.",
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    // A name is personal information: many policies forbid it in those words.
    terms: ['name', 'surname', 'forename', 'identifiable', 'identified', 'identification', 'identifying information', 'identify a', 'identify any', 'identify the', 'identify them', 'identify individual', 'identify pupil', 'identify student', 'identify child', 'personal information', 'personal details', 'information about pupils', 'information about students', 'information about children', 'pupil information', 'student information', 'child information'],
    // ... and about pupils: "use only your name for the profile" is about staff's own names.
    all: [['pupil', 'student', 'child', 'learner', 'young people', 'young person', 'minor', 'youngster']],
    headings: ['name', 'identif'],
    blanket: true,
  },
  text: {
    score: 0.75,
    check(ctx) {
      const hits: Hit[] = [];
      // Spaced-out names first, so "I s l a" is one name rather than four letters.
      const candidates = [...ctx.spaced, ...ctx.tokens];
      // A word inside a name already marked ("Adeyemi" of "Grace Adeyemi") is not marked again.
      const marks = new Marks(ctx.text.length);
      let schoolText: boolean | undefined;
      let schoolPost: boolean | undefined;
      // The post is about school: school words, the organisation, or the life of its staff.
      const schoolish = () => (schoolPost ??= SCHOOL_CONTEXT.test(ctx.text) || CHILD_CONTEXT.test(ctx.text) || orgMentions(ctx).length > 0 || staffLife(ctx).length > 0);
      const adults = adultNames(ctx);
      const push = (hit: Hit) => {
        hits.push(hit);
        marks.add(hit.start, hit.end);
      };
      for (const t of candidates) {
        if (marks.overlaps(t.start, t.end)) continue;
        if (!t.spaced && t.text.length === 1) continue;
        const match = listed(ctx, t);
        const context = isNameLike(ctx, t) || match ? pupilContext(ctx, t, Boolean(match)) : null;
        if (titled(ctx, t)) continue;
        const next = ctx.tokens[t.index + 1];
        const nextIsName = Boolean(next && next.capitalised && /^\s+$/.test(ctx.text.slice(t.end, next.start)) && !NOT_NAMES.has(next.key));
        const surnameListed = Boolean(next && nextIsName && ctx.settings.pupils.isSurname(next.key));
        const end = surnameListed && next ? next.end : context && INITIAL_AFTER.test(after(ctx, t)) ? initialEnd(ctx, t) : t.end;

        if (match) {
          // "my husband Kit": an adult of the author's family.
          if (!context && ADULT_FAMILY_BEFORE.test(before(ctx, t, 40))) continue;
          // "Tory" for Rory, "Jake" for Jade: a plainly written word or name the lexicon knows is that
          // word or that person, not a pupil's name misspelt (disguised or placed as a pupil, it still is).
          if (match.distance > 0 && !context && !t.leet && !t.spaced && (lexiconTag(t.key) !== undefined || NOT_NAMES.has(t.key))) continue;
          // A name the English lexicon knows as a word or a place ("Faith", "Robin", "Paris") is a word-name too.
          const word = WORD_NAMES.has(match.first) || isOrdinaryWord(match.first);
          const praised = PRAISE.test(before(ctx, t, 30));
          if (!context && !praised && (surnamePosition(ctx, t) || STORY_BEFORE.test(before(ctx, t, 40)))) continue;
          if (word && !context && !praised) {
            // "saying grace", "Hope Street", "Chelsea FC", "half term in Florence": a word-name needs
            // a capital and to be read as a person.
            if (!t.capitalised || PLACE_NEXT.test(after(ctx, t)) || nounFollows(ctx, t) || (!surnameListed && PLACE_BEFORE.test(before(ctx, t, 20)))) continue;
            const tags = ctx.tagsAt(t.start);
            const sentenceStart = ctx.sentenceAt(t.start).start === t.start;
            const family = t.possessive && FAMILY_AFTER.test(after(ctx, t));
            // What follows says a person: "Jordan was brilliant", "Summer scored", "Joy's mum". (The
            // word's own tags cannot say it: the parser is told listed names are first names.)
            const nextTags = next && !next.capitalised ? ctx.tagsAt(next.start) : null;
            const personAfter = PERSON_AFTER.test(after(ctx, t)) || family || Boolean(nextTags?.has('Verb') && !nextTags.has('Gerund'));
            if (tags.has('Place')) continue;
            // "Precious few hours", "Joy all round", "Paris for the weekend": a word opening a sentence.
            // It must also be read as a person ("Hope, courage and kindness" is not), or be disguised
            // ("S A N T I A G O is our new champion": a place's name is not spelt out).
            if (sentenceStart && !surnameListed && !(personAfter && (tags.has('Person') || family || t.spaced || t.leet))) continue;
            if (!tags.has('Person') && !tags.has('FirstName') && !personAfter) continue;
            // "Hope's speech" opening a sentence of a school post is a pupil's; elsewhere it is the word.
            if (sentenceStart && t.possessive && !family && !schoolish()) continue;
            // A word-name in a personal post with nothing about school around it ("Summer can't come
            // quick enough", "Florence was everything I hoped"): the season, the city, the word.
            // (Not a name someone is called by: "proud of you Grace", "my Faith got her results".)
            const calledBy = /\b(?:you|my|our)\s*,?\s*$/i.test(before(ctx, t, 12));
            // One of a list of capitalised names ("Amelia, Olivia, Noah, Jack and Isla") is a name.
            const inList = NAME_BEFORE_IN_LIST.test(before(ctx, t, 30)) || NAME_AFTER_IN_LIST.test(after(ctx, t, 30));
            if (ctx.draft.account === 'personal' && !praised && !family && !calledBy && !inList && !schoolish()) {
              push({ ...hitFor(ctx, t, end, 'a word-name, with nothing about school or pupils in the post', true), score: OTHER_USE_SCORE });
              continue;
            }
          }
          // Something else than a person: the score is lowered below the balanced threshold (a
          // strict sensitivity still shows it).
          const use = context || praised ? null : otherUse(ctx, t, word, match.distance > 0, end);
          if (use) {
            push({ ...hitFor(ctx, t, end, `${match.distance === 0 ? 'exact first name' : `one letter different from "${match.first}"`}, but ${use}`, true), score: OTHER_USE_SCORE });
            continue;
          }
          // "Jessica Ennis-Hill", "Florence Nightingale", "Robin Hood", "Florence Park Community
          // Centre": followed by a capitalised word that is not a pupil's surname, it is somebody
          // (or something) else, unless the sentence places it as a pupil.
          // A disguised name (digits, spacing) or a possessive ("Raff3rty's Viking longboat") is not
          // the first half of somebody else's name.
          if (!context && !praised && nextIsName && next && !surnameListed && !t.leet && !t.spaced && !t.possessive) {
            const nextTags = ctx.tagsAt(next.start);
            if (ctx.settings.pupils.hasSurnames || word || nextTags.has('LastName') || nextTags.has('Place')) continue;
          }
          const how = match.distance === 0 ? 'exact first name' : `one letter different from "${match.first}"`;
          const disguise = t.spaced ? ', spelt out letter by letter' : t.leet ? ', digits for letters' : '';
          push(hitFor(ctx, t, end, how + disguise, true));
          continue;
        }
        if (!isNameLike(ctx, t)) continue;
        if (OWN_CHILD.test(before(ctx, t)) || ADULT_ROLE.test(after(ctx, t)) || ADULT_ROLE_BEFORE.test(before(ctx, t, 40))) continue;
        // Named as an adult elsewhere, with another occurrence than this one.
        if (adults.has(t.key) && ctx.tokens.some((o) => o.key === t.key && o.start !== t.start)) continue;
        if (context) {
          push(hitFor(ctx, t, end, context, false));
          continue;
        }
        // Praise addressed to a single first name ("Well done Priya!") on a school account or in
        // a school setting. A full name in a bare "congratulations to" is more often a public
        // figure, so it needs the school setting too.
        if (PRAISE.test(before(ctx, t, 30))) {
          const tags = ctx.tagsAt(t.start);
          const looksLikeName = tags.has('FirstName') || tags.has('Person');
          schoolText ??= SCHOOL_CONTEXT.test(ctx.text);
          const schooly = ctx.draft.account === 'official' || schoolText;
          if (looksLikeName && schooly && (!nextIsName || schoolText)) {
            push(hitFor(ctx, t, end, 'praise addressed to a first name in a school post', false));
          }
        }
      }
      return hits;
    },
  },
});
