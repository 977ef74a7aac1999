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
import { isOrdinaryWord } from './engine/lexicon';
import { alt } from './engine/patterns';
import names from './data/names.json';

const TITLES = new Set(names.titles);
const NOT_NAMES = new Set(names.notNames);
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
    `${GROUP_LEAD}(?:reception|nursery|class\\s+(?:\\d|[A-Z][a-z]+)|[1-6][A-Z]\\b|ks[12]\\b|eyfs)`,
    '^\\s+(?:from|in)\\s+(?:my|our)\\s+(?:[\\p{L}\\d]+\\s+)?(?:class|form|tutor group)\\b',
  ].join('|'),
  'iu',
);
// "One of my Year 3s, Lily-Mae, ..." and "our Year 2 star Ava".
const YEAR_GROUP_BEFORE = /\b(?:year|yr|y)\s?\d{1,2}s?\s*[,:(-]\s*$/i;
const PLACE_NEXT = new RegExp(`^\\s+(?:${alt(names.placeWords)})\\b`, 'i');
const AWARD = new RegExp(
  `(?:\\b(?:${names.awardHeads.join('|')})\\s+of\\s+the\\s+(?:${names.awardPeriods.join('|')})|\\b(?:${names.prizes.join('|')})s?\\s+(?:goes|go|went|going)\\s+to|\\bwinners?\\s+(?:is|are|was|were))\\s*[:!,\\-]*\\s*(?:(?:is|was|goes to|went to)\\s+)?$`,
  'i',
);
const ANY_OF_THE_WEEK = new RegExp(`\\b[\\p{L}-]+\\s+of\\s+the\\s+(?:${names.awardPeriods.join('|')})(?:\\s+(?:award|certificate|trophy|prize))?\\s*(?:is|was|goes to|went to)?\\s*[:!,\\-]*\\s*$`, 'iu');
const PUPIL_NOUN = new RegExp(`\\b(?:our|my|a|the|this)\\s+(?:(?:year\\s?\\d{1,2}|[\\p{L}-]+)\\s+){0,2}(?:${names.pupilNouns.join('|')})\\s*[:,-]?\\s*$`, 'iu');
const PRAISE = new RegExp(`(?:^|[^\\p{L}])(?:${names.praise.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\s*[,:!-]?\\s*$`, 'iu');
const SCHOOL_CONTEXT = /\b(?:year\s?\d{1,2}|reception|nursery|class|pupils?|students?|school|classroom|assembly|playground|teacher|headteacher|sports day|certificate|merit|house points?|team)\b/i;
// "Chelsea's mum": a possessive name followed by family is a child's name.
// "Chelsea's mum", "Skye's painting": a possessive name followed by family, or by something a
// child made, is a child's name.
const FAMILY_AFTER = new RegExp(`^\\s+(?:${alt(names.familyAfter)})\\b`, 'i');
// "the story of Yusuf (Joseph)", "the life of Florence Nightingale": a character or a figure.
const STORY_BEFORE = new RegExp(`\\b(?:${alt(names.storyWords)})\\s+of\\s+$`, 'i');
const PLACE_BEFORE = /\b(?:in|at|to|from|visiting|visited|visit|near|around|across|through|of)\s+$/i;
const INITIAL_AFTER = /^\s+(\p{Lu})\.(?!\p{L})/u;

function isNameLike(ctx: RuleContext, t: Token): boolean {
  if (!t.capitalised || t.text.length < 2 || NOT_NAMES.has(t.key) || TITLES.has(t.key) || /\d/.test(t.text)) return false;
  if (/[#@]$/.test(ctx.text.slice(Math.max(0, t.start - 1), t.start))) return false; // a hashtag or handle
  // An ordinary word opening a sentence ("Pottery class ...") is not a name.
  if (isOrdinaryWord(t.key) && ctx.sentenceAt(t.start).start === t.start) return false;
  if (t.text.length > 2 && t.text === t.text.toUpperCase()) return false; // acronyms: SATs, PTA, NHS
  const tags = ctx.tagsAt(t.start);
  return !['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Date', 'Month', 'WeekDay', 'Value', 'Organization'].some((tag) => tags.has(tag));
}

function titled(ctx: RuleContext, t: Token): boolean {
  const prev = ctx.tokens[t.index - 1];
  if (prev && TITLES.has(prev.key)) return true;
  // "Mrs Jane Foster": a title two words back, with a capitalised first name between.
  const prev2 = ctx.tokens[t.index - 2];
  return Boolean(prev && prev2 && prev.capitalised && TITLES.has(prev2.key));
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

function pupilContext(ctx: RuleContext, t: Token): string | null {
  const b = before(ctx, t);
  const a = after(ctx, t);
  if (YEAR_GROUP.test(a) || /^[\s,(-]*(?:from|in|of)\s+(?:year|yr)\s?\d/i.test(a)) return 'a year group or class follows the name';
  if (YEAR_GROUP_BEFORE.test(b)) return 'a year group introduces the name';
  const award = / of the |\bto\b|winner/i.test(b);
  if (award && AWARD.test(b)) return 'an award or "star of the week" introduces the name';
  // Any "<noun> of the week: <name>" that names a person, not a word or a fact of the week.
  if (award && ANY_OF_THE_WEEK.test(b) && !isOrdinaryWord(t.key)) return 'an "of the week" award introduces the name';
  if (PUPIL_NOUN.test(b)) return 'the name follows "pupil" or "student"';
  if (INITIAL_AFTER.test(a)) return 'a first name with a surname initial, the usual way pupils are named';
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
    terms: ['name', 'surname', 'forename', 'identif', 'personal information', 'personal details', 'information about pupils', 'information about students', 'information about children', 'pupil information', 'student information', 'child information'],
    // ... and about pupils: "use only your name for the profile" is about staff's own names.
    all: [['pupil', 'student', 'child', 'learner', 'young people', 'young person', 'minor', 'youngster']],
    headings: ['name', 'identif'],
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
      const adults = adultNames(ctx);
      const push = (hit: Hit) => {
        hits.push(hit);
        marks.add(hit.start, hit.end);
      };
      for (const t of candidates) {
        if (marks.overlaps(t.start, t.end)) continue;
        if (!t.spaced && t.text.length === 1) continue;
        const match = listed(ctx, t);
        const context = isNameLike(ctx, t) || match ? pupilContext(ctx, t) : null;
        if (titled(ctx, t)) continue;
        const next = ctx.tokens[t.index + 1];
        const nextIsName = Boolean(next && next.capitalised && /^\s+$/.test(ctx.text.slice(t.end, next.start)) && !NOT_NAMES.has(next.key));
        const surnameListed = Boolean(next && nextIsName && ctx.settings.pupils.isSurname(next.key));
        const end = surnameListed && next ? next.end : t.end;

        if (match) {
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
            if (tags.has('Place') || (sentenceStart && !tags.has('Person') && !surnameListed && !(t.possessive && FAMILY_AFTER.test(after(ctx, t))))) continue;
            const personAfter = /^[\s,]*(?:[!?.,]|$|and\b|is\b|was\b|has\b|had\b|'s\b)/i.test(after(ctx, t)) || (t.possessive && FAMILY_AFTER.test(after(ctx, t)));
            if (!tags.has('Person') && !tags.has('FirstName') && !personAfter) continue;
            if (sentenceStart && t.possessive && !FAMILY_AFTER.test(after(ctx, t))) continue;
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
