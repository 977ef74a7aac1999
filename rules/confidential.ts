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

const SENSITIVE_ACRONYMS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${data.caseSensitive.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const SENSITIVE_CI = anyOf(data.sensitive);
const PERSON = anyOf(data.person, 'u');
const PERSON_DESCRIBED = anyOf(data.person.filter((p) => !/^(?:he|she|him|her|his|hers|they've)$/.test(p)), 'iu');
const SCHOOL_CONTEXT = /\b(?:pupils?|students?|class|classroom|year\s?\d{1,2}s?|school|staff|colleagues?|teacher|ta|head|headteacher|senco|parents'? evening|lesson|playground|trust|academy)\b/i;
const SCHOOL_INITIAL = /^ (?![IA]\b)\p{Lu}(?:\.(?!\p{L})|(?= (?:in|from|has|is|was|got|and)\b)|(?=[,)]))/u;
const NOT_PERSON = anyOf(data.notPerson, 'iu');
const SECRET = anyOf(data.secret);
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
        if (NOT_PERSON.test(sentence)) return false;
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
      return hits;
    },
  },
});

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
