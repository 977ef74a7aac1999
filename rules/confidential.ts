/**
 * confidential: personal details about particular pupils, families or staff (health, SEN,
 * safeguarding, behaviour, exclusions, staff discipline or absence), and school plans not yet
 * public. A sensitive word needs a particular person in its sentence, so "Autism Awareness
 * Week" and "how we support pupils with SEN" pass.
 */
import { defineRule, type Hit } from './engine/types';
import type { RuleContext } from './engine/context';
import { anyOf } from './engine/patterns';
import { Marks, perSentence } from './engine/match';
import data from './data/confidential.json';
import { forms } from './engine/morph';
import { Phrases, sentenceWords } from './engine/phrases';
import { aboutSchool } from './engine/workplace';

const SENSITIVE_ACRONYMS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${data.caseSensitive.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const SENSITIVE_CI = anyOf(data.sensitive);
const PERSON = anyOf(data.person, 'u');
const PERSON_DESCRIBED = anyOf(data.person.filter((p) => !/^(?:he|she|him|her|his|hers|they've)$/.test(p)), 'iu');
const SCHOOL_CONTEXT = /\b(?:pupils?|students?|class|classroom|year\s?\d{1,2}s?|school|staff|colleagues?|teacher|ta|head|headteacher|senco|parents'? evening|lesson|playground|trust|academy)\b/i;
const SCHOOL_INITIAL = /^ (?![IA]\b)\p{Lu}(?:\.(?!\p{L})|(?= (?:in|from|has|is|was|got|and)\b)|(?=[,)]))/u;
const NOT_PERSON = anyOf(data.notPerson, 'iu');
const SECRET = anyOf(data.secret);
const SECRET_ANY = anyOf(data.secret, 'iu');
const LEAK_ON_PERSONAL = anyOf(data.leakOnPersonal);

export const confidential = defineRule({
  id: 'confidential',
  label: 'Private or sensitive information',
  description: 'Private or sensitive information about pupils, families or staff, and school plans not yet public.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['confidential', 'sensitive', 'private information', 'personal information', 'personal data', 'personally identif', 'data protection', 'gdpr', 'disclos', 'privacy of', 'information about'],
    headings: ['confidential', 'data', 'privacy', 'information'],
    // Not "discuss" alone ("will not enter into private discussions"): discussing the school at all.
    blanket: true,
  },
  text: {
    score: 0.7,
    check(ctx) {
      const hits: Hit[] = [];
      const leaks = [...ctx.text.matchAll(SECRET), ...(ctx.draft.account === 'personal' && SCHOOL_CONTEXT.test(ctx.text) ? ctx.text.matchAll(LEAK_ON_PERSONAL) : [])];
      for (const m of leaks) {
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: 'This shares school business that is not public yet. Leave it until the school announces it.',
          why: `"${m[0]}" marks it as not yet public`,
        });
      }
      // Sensitive words in any case, and the acronyms (ADD, ASD) only in capitals so "add me" passes.
      const matches = [...ctx.text.matchAll(SENSITIVE_CI), ...ctx.text.matchAll(SENSITIVE_ACRONYMS)];
      const marks = new Marks(ctx.text.length);
      for (const h of hits) marks.add(h.start, h.end);
      let pupilNamed: boolean | undefined;
      const namesPupil = () => (pupilNamed ??= ctx.tokens.some((t) => t.capitalised && ctx.settings.pupils.isFirstName(t.key)));
      const aboutAPerson = perSentence((start, end) => {
        const sentence = ctx.text.slice(start, end);
        if (NOT_PERSON.test(sentence) || firstOf(FICTION, sentenceWords(ctx)[ctx.sentenceIndexAt(start)]?.keys ?? [])) return false;
        // Case-insensitive person words, but "Mrs Smith" needs its capital.
        // A particular person: named, described ("one of my Year 2s"), or a pronoun in a post that is
        // about school (a pronoun in "Mum is recovering after her operation" is family news).
        const described = PERSON_DESCRIBED.test(sentence);
        // ("Got the Ed Psych in for Gwion. His dyslexia ...": a pupil named earlier is who "his" is.)
        const pronoun = PERSON.test(sentence.toLowerCase()) && (SCHOOL_CONTEXT.test(ctx.text) || namesPupil());
        return described || pronoun || hasName(ctx, start, end);
      });
      for (const m of matches) {
        if (!aboutAPerson(ctx.sentenceAt(m.index))) continue;
        if (marks.overlaps(m.index, m.index + m[0].length)) continue;
        marks.add(m.index, m.index + m[0].length);
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: `"${m[0]}" is a private detail about a particular person. Health, SEN, family, behaviour and staffing matters stay confidential: leave it out.`,
          why: 'a sensitive detail about an identifiable person',
        });
      }
      for (const h of particularMatters(ctx, namesPupil, leaks.length > 0)) if (!marks.overlaps(h.start, h.end)) {
        marks.add(h.start, h.end);
        hits.push(h);
      }
      return hits;
    },
  },
});

// The kind, in any words: a sensitive category (lemmas in every form) with a particular person
// (a role in the singular, a counted small group, a name) in its sentence or the one before; and
// an organisational matter (redundancy, closure, a new head, a suspension) in a post that says
// it is not public yet.
const CATEGORY = new Phrases<true>();
for (const w of data.categoryVerbs) for (const f of forms(w, { verbs: true })) CATEGORY.add(f, true);
for (const w of data.categoryNouns) for (const f of forms(w)) CATEGORY.add(f, true);
for (const w of data.categoryWords) CATEGORY.add(w, true);
const ROLE_ONE = new Phrases<true>();
const ROLE_MANY = new Phrases<true>();
for (const w of data.roles) {
  const [one, ...many] = forms(w);
  ROLE_ONE.add(one!, true);
  for (const m of many) ROLE_MANY.add(m, true);
}
const FICTION = new Phrases<true>();
for (const w of data.fiction) for (const f of forms(w)) FICTION.add(f, true);
const UNANNOUNCED = new Phrases<true>();
for (const w of data.unannounced) UNANNOUNCED.add(w, true);
const ORG_MATTER = new Phrases<true>();
for (const w of data.orgMatters) ORG_MATTER.add(w, true);
// What makes a role a particular person ("my TA", "the boy", "one of the", "Jade's mum") or a counted group ("two TAs").
const PARTICULAR = new Set(['a', 'an', 'the', 'my', 'our', 'this', 'that', 'his', 'her', 'their', 'your', 'one', 'new', 'little', 'tiny', 'poor', 'same', 'whose', 'another']);
const COUNTED = /^(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|both|twin|twins|few|couple|some|several|my|our|the|these|those)$/;
// The poster's own family ("my dad") is not a pupil's, a family's of the school, or a colleague.
const OWN_FAMILY = new Set(['mum', 'dad', 'mother', 'father', 'parent', 'carer', 'family', 'sibling', 'brother', 'sister', 'son', 'daughter', 'baby', 'toddler']);
const YEAR_WORD = /^(?:y|yr|year|reception|nursery|class|form)$/;

function firstOf(p: Phrases<true>, keys: readonly string[], skip?: (i: number) => boolean): { at: number; text: string } | undefined {
  for (let i = 0; i < keys.length; i++) {
    if (skip?.(i)) continue;
    const m = p.at(keys, i);
    if (m) return { at: i, text: m.text };
  }
  return undefined;
}

/** A particular person or small group in a sentence's words. */
function particular(ctx: RuleContext, n: number, namesPupil: () => boolean): string | undefined {
  const { keys, tokens } = sentenceWords(ctx)[n]!;
  for (let i = 0; i < keys.length; i++) {
    const one = ROLE_ONE.at(keys, i);
    const before = keys[i - 1] ?? '';
    // "Year 1 boy", "Nursery child", "one of my Year 10s".
    const yearBefore = i >= 2 && YEAR_WORD.test(keys[i - 2]!) && /^\d{1,2}$/.test(before);
    if (one && before === 'my' && OWN_FAMILY.has(one.text)) continue;
    if (one && (PARTICULAR.has(before) || tokens[i - 1]?.possessive || yearBefore || YEAR_WORD.test(before) || i === 0 || tokens[i + one.length - 1]!.possessive)) return one.text;
    const many = ROLE_MANY.at(keys, i);
    if (many && (COUNTED.test(before) || yearBefore)) return many.text;
    // "Jade in Year 9", "Seb in Year 2".
    if (tokens[i]!.capitalised && i > 0 && keys[i + 1] === 'in' && YEAR_WORD.test(keys[i + 2] ?? '') && !ctx.tagsAt(tokens[i]!.start).has('Pronoun')) return tokens[i]!.text;
  }
  const s = ctx.sentences[n]!;
  return hasName(ctx, s.start, s.end) || (namesPupil() && /\b(?:he|she|his|her|him)\b/i.test(ctx.text.slice(s.start, s.end))) ? 'a name' : undefined;
}

function particularMatters(ctx: RuleContext, namesPupil: () => boolean, leaked: boolean): Hit[] {
  const words = sentenceWords(ctx);
  const out: Hit[] = [];
  // A staff member's post about school life, or one naming a pupil: a tweet about a politician's
  // investigation or one's own dad's illness is not about pupils, families or staff.
  if (!aboutSchool(ctx) && !namesPupil()) return out;
  const unannounced = words.some((w) => firstOf(UNANNOUNCED, w.keys)) || SECRET_ANY.test(ctx.text);
  words.forEach((w, n) => {
    const s = ctx.sentences[n]!;
    const sentence = ctx.text.slice(s.start, s.end);
    if (NOT_PERSON.test(sentence) || firstOf(FICTION, w.keys)) return;
    // (A name is not its namesake: "Mrs Foster", "Blessing".)
    const category = firstOf(CATEGORY, w.keys, (i) => i > 0 && w.tokens[i]!.capitalised && ctx.tagsAt(w.tokens[i]!.start).has('ProperNoun'));
    const matter = firstOf(ORG_MATTER, w.keys);
    if (!category && !(matter && unannounced && !leaked)) return;
    const who = particular(ctx, n, namesPupil) ?? (n > 0 ? particular(ctx, n - 1, namesPupil) : undefined);
    if (category && who) {
      const tok = w.tokens[category.at]!;
      out.push({
        start: tok.start,
        end: w.tokens[Math.min(w.tokens.length - 1, category.at + category.text.split(' ').length - 1)]!.end,
        message: `"${category.text}" is a private matter about a particular person. Health, SEN, family, behaviour and staffing matters stay confidential: leave it out.`,
        why: `a sensitive matter ("${category.text}") about a particular person ("${who}")`,
        score: 0.75,
      });
    } else if (matter && unannounced && !leaked) {
      out.push({
        start: s.start,
        end: s.end,
        message: 'This shares school business that is not public yet. Leave it until the school announces it.',
        why: `an organisational matter ("${matter.text}") in a post that says it is not public yet`,
        score: 0.75,
      });
    }
  });
  return out;
}

/** A capitalised word compromise reads as a person's name, or a pupil-list name, in the span. */
function hasName(ctx: RuleContext, start: number, end: number): boolean {
  for (const t of ctx.spaced) if (t.start >= start && t.end <= end && ctx.settings.pupils.isFirstName(t.key)) return true;
  for (const t of ctx.tokens) {
    if (t.start < start) continue;
    if (t.start >= end) break;
    if (ctx.settings.pupils.isFirstName(t.key)) return true;
    // "Mei C." or "Mei C in Y4": a first name and an initial, the way schools write pupils' names.
    if (t.capitalised && SCHOOL_INITIAL.test(ctx.text.slice(t.end, t.end + 12))) return true;
    if (t.capitalised && ctx.tagsAt(t.start).has('Person') && !ctx.tagsAt(t.start).has('Pronoun')) return true;
  }
  return false;
}
