/**
 * branding: a personal account using the school's branding: its official hashtags, its
 * strapline or motto, or speaking as the school ("Official update from ...", "on behalf of the
 * school", "Welcome to the <school> news page"). A plain mention of where someone works is the
 * disclaimer rule's business. The logo is the image rule logo-in-image.
 */
import { defineRule, type Hit } from './engine/types';
import { SPEAKING_AS, speakingAsOrg, spans } from './engine/patterns';
import { orgMentions } from './engine/org';
import { Marks } from './engine/match';

const orgPatterns = new WeakMap<RegExp, RegExp | null>();
// Keep in step with school.json's speakingAs and speakingAsOrg: each pattern contains one of these.
const SPEAKING_HINT = /official|behalf|speaking|notice|announcement|reminder|statement|update|alert|run by|welcome|decided|announced|confirmed|message|from all|from everyone|the team at|all the staff at|this (?:is the|page|account|group)|(?:this|my) (?:page|account)|news|updates|happy|merry|greetings|best wishes/i;

export const branding = defineRule({
  id: 'branding',
  label: 'School branding on a personal account',
  description: "A personal account using the school's branding: official hashtags, strapline or motto, or speaking as the school.",
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['logo', 'brand', 'crest', 'emblem', 'badge', 'insignia', 'hashtag', 'strapline', 'motto', 'corporate identity', 'school name', 'identifying themselves', 'identify themselves', 'occupation', 'job title', 'on behalf of', 'official account', 'represent'],
    headings: ['brand', 'logo', 'identity'],
  },
  accounts: ['personal'],
  text: {
    score: 0.8,
    check(ctx) {
      const hits: Hit[] = [];
      const { org } = ctx.settings;
      for (const m of orgMentions(ctx)) {
        if (m.kind !== 'hashtag') continue;
        hits.push({
          start: m.start,
          end: m.end,
          message: `${m.text} is an official school hashtag. Official hashtags are the school's branding and belong on its own accounts; leave it off a personal post.`,
          suggestion: '',
          why: 'official hashtag on a personal account',
        });
      }
      if (org.straplines)
        for (const s of spans(org.straplines, ctx.text))
          hits.push({
            start: s.start,
            end: s.end,
            message: `"${s.text}" is the school's strapline. Using it makes a personal post look official; put it in your own words.`,
            why: 'the strapline or motto on a personal account',
          });
      let asOrg: RegExp | null | undefined = null;
      if (org.names) {
        asOrg = orgPatterns.get(org.names);
        if (asOrg === undefined) {
          asOrg = speakingAsOrg(org.names);
          orgPatterns.set(org.names, asOrg);
        }
      }
      // The organisation-specific patterns first: they mark the longer phrase.
      const marks = new Marks(ctx.text.length);
      for (const h of hits) marks.add(h.start, h.end);
      // The speaking-as patterns are long; they can only match near one of these words.
      if (!SPEAKING_HINT.test(ctx.text)) return hits.sort((a, b) => a.start - b.start);
      const namesOrg = orgMentions(ctx).some((m) => m.kind === 'name');
      for (const re of [namesOrg ? asOrg : null, SPEAKING_AS]) {
        if (!re) continue;
        for (const s of spans(re, ctx.text)) {
          if (marks.overlaps(s.start, s.end)) continue;
          marks.add(s.start, s.end);
          hits.push({
            start: s.start,
            end: s.end,
            message: `"${s.text}" speaks as the school from a personal account. Only the school's official accounts may speak for it; post school news there.`,
            why: 'speaks as the school',
          });
        }
      }
      return hits.sort((a, b) => a.start - b.start);
    },
  },
});
