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
      const found = new Map<number, { start: number; end: number; what: string }>();
      const marks = new Marks(ctx.text.length);
      for (const m of ctx.text.matchAll(VOTE_FOR)) {
        found.set(m.index, { start: m.index, end: m.index + m[0].length, what: m[0] });
        marks.add(m.index, m.index + m[0].length);
      }
      const endorsed = perSentence((start, end) => ENDORSEMENT.test(ctx.text.slice(start, end)));
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
          why: 'a party or politician named with endorsement, campaign or attack wording',
        }));
    },
  },
});
