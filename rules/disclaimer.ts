/**
 * disclaimer: a personal-account post that names or points at the school ("my school", "SLT",
 * the configured names and handles), or gives a view on school matters, must say it is not on
 * the school's behalf. School matters are what complaint (a grievance about the school or
 * colleagues), confidential (pupils', families' or staff's private details) and contact (staff
 * and pupils or parents connecting) find: each is about the school whatever words it uses.
 * Satisfied by the configured disclaimer or a common form ("views are my own", "not on behalf
 * of my employer").
 */
import { defineRule } from './engine/types';
import { DISCLAIMERS } from './engine/patterns';
import { orgMentions, type Mention } from './engine/org';
import { reportedHitsOf } from './engine/hits';
import type { RuleContext } from './engine/context';
import { complaint } from './complaint';
import { confidential } from './confidential';
import { contact } from './contact';

const SCHOOL_MATTERS = [
  { rule: complaint, why: 'airs a grievance about the school' },
  { rule: confidential, why: 'shares private school matters' },
  { rule: contact, why: 'is about contact with pupils or parents' },
] as const;

/** The first place the draft names or points at the school, or else gives a view on school matters. */
function schoolLink(ctx: RuleContext): { mention: Mention; why: string; says: string } | undefined {
  const mention = orgMentions(ctx)[0];
  if (mention)
    return {
      mention,
      why: mention.kind === 'pointer' ? 'points at the school' : `names the organisation (${mention.kind})`,
      says: `"${mention.text}" links this personal post to your school`,
    };
  for (const { rule, why } of SCHOOL_MATTERS) {
    const hit = reportedHitsOf(rule, ctx)[0];
    if (hit)
      return { mention: { start: hit.start, end: hit.end, text: ctx.text.slice(hit.start, hit.end), kind: 'pointer' }, why, says: `This personal post ${why}` };
  }
  return undefined;
}

export const disclaimer = defineRule({
  id: 'disclaimer',
  label: 'No "views are my own" disclaimer',
  description: 'A personal-account post that names or points at the school or trust without a "views are my own" disclaimer.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['disclaimer', 'own views', 'personal views', 'own opinion', 'personal opinion', 'views expressed', 'not those of', 'on behalf of', 'behalf of the school', 'represent', 'affiliat', 'associated with the school', 'identify themselves', 'identifying themselves', 'as an employee', 'your employer', 'their employer', 'place of work'],
    headings: ['disclaimer', 'personal use', 'personal account'],
  },
  accounts: ['personal'],
  text: {
    score: 0.8,
    wholeDraft: true,
    apply: 'append',
    check(ctx) {
      const link = schoolLink(ctx);
      if (!link) return [];
      const { mention } = link;
      const { disclaimer: configured, disclaimerText } = ctx.settings.org;
      if (DISCLAIMERS.test(ctx.text)) return [];
      if (configured) {
        configured.lastIndex = 0;
        if (configured.test(ctx.text)) return [];
      }
      const add = disclaimerText ?? 'Views are my own.';
      return [
        {
          start: mention.start,
          end: mention.end,
          message: `${link.says}, so it needs a disclaimer saying you are not posting on the school's behalf. Add: "${add}"`,
          suggestion: add,
          why: `${link.why} and no disclaimer was found`,
        },
      ];
    },
  },
});
