/**
 * political: party politics on an official account: a party or party politician with
 * endorsement, campaigning or attack wording ("Vote Labour", "the Tories have failed our
 * schools"). A mock election or a school council vote names no party and passes.
 */
import { defineRule } from './engine/types';
import { anyOf } from './engine/patterns';
import { Marks, perSentence } from './engine/match';
import data from './data/political.json';

// Party names keep their capitals ("Labour", not "labour"; "Reform UK", not "reform").
const PARTY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${data.parties.join('|')}|${data.politicians.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const ENDORSEMENT = anyOf(data.endorsement, 'iu');
const SCHOOL_POLITICS = anyOf(data.schoolPolitics, 'iu');
// Steering a vote or campaigning without a party's name: a candidate backed, "remember ... when
// you vote", a petition against the government (capitals matter for the candidate's name).
const STEERING = anyOf(data.steering, 'giu');
// A candidate backed for a seat ("proud to back Priya Shah for Halden West"): the name is checked for capitals.
const CANDIDATE = anyOf([data.candidate], 'giu');
const capitalised = (name: string) => name.trim().split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
// A handle that names a party ("@SarahLeeLabour", "@HaldenTories").
const PARTY_HANDLE = /@[A-Za-z0-9_]{0,30}(?:Labour|Tory|Tories|Conservatives?|LibDems?|Reform|GreenParty|Greens|SNP|Plaid|UKIP)[A-Za-z0-9_]{0,30}/gu;
const VOTE_FOR = /(?<![\p{L}])#?vote\s?(?:for\s+)?(?:the\s+)?(?=\p{Lu})(?:Labour|Conservative|Tory|Reform|Green|Lib\s?Dem|Liberal|SNP|Plaid|UKIP|DUP)/giu;

export const political = defineRule({
  id: 'political',
  label: 'Party politics',
  description: 'Party-political content, endorsements and campaigning on an official account.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['politic', 'party political', 'party-political', 'election', 'campaign', 'lobby', 'impartial', 'partisan', 'neutral'],
    headings: ['politic', 'impartial'],
  },
  accounts: ['official'],
  text: {
    score: 0.75,
    check(ctx) {
      const found = new Map<number, { start: number; end: number; what: string; why?: string }>();
      const marks = new Marks(ctx.text.length);
      for (const m of ctx.text.matchAll(VOTE_FOR)) {
        found.set(m.index, { start: m.index, end: m.index + m[0].length, what: m[0] });
        marks.add(m.index, m.index + m[0].length);
      }
      for (const m of [...ctx.text.matchAll(STEERING), ...ctx.text.matchAll(CANDIDATE)]) {
        const sentence = ctx.sentenceAt(m.index);
        if (SCHOOL_POLITICS.test(ctx.text.slice(sentence.start, sentence.end))) continue;
        if (m.groups?.name !== undefined && !capitalised(m.groups.name)) continue;
        if (marks.overlaps(m.index, m.index + m[0].length)) continue;
        found.set(m.index, { start: m.index, end: m.index + m[0].length, what: m[0], why: m.groups?.name ? 'a candidate backed for a seat' : 'steering a vote or campaigning against the government' });
        marks.add(m.index, m.index + m[0].length);
      }
      // A mock election's result is a lesson, so its sentence endorses nothing.
      const endorsed = perSentence((start, end) => ENDORSEMENT.test(ctx.text.slice(start, end)) && !SCHOOL_POLITICS.test(ctx.text.slice(start, end)));
      const mentions = [...ctx.text.matchAll(PARTY), ...ctx.text.matchAll(PARTY_HANDLE)];
      for (const m of mentions) {
        // Endorsement or attack wording within two sentences ("Farage would wreck our schools. Keep
        // Reform out!", "Labour councillors voted to close our library. Remember that in May.").
        const i = ctx.sentenceIndexAt(m.index);
        const near = [ctx.sentences[i - 2], ctx.sentences[i - 1], ctx.sentences[i], ctx.sentences[i + 1], ctx.sentences[i + 2]].filter((s) => s !== undefined);
        if (!near.some(endorsed)) continue;
        if (marks.overlaps(m.index, m.index + 1)) continue;
        found.set(m.index, { start: m.index, end: m.index + m[0].length, what: m[0] });
      }
      return [...found.values()]
        .sort((a, b) => a.start - b.start)
        .map((f) => ({
          start: f.start,
          end: f.end,
          message: `"${f.what}" brings party politics into an official school post. School accounts must stay politically neutral: leave parties and politicians' campaigns out.`,
          why: f.why ?? 'a party or politician named with endorsement, campaign or attack wording',
        }));
    },
  },
});
