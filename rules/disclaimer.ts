/**
 * disclaimer: a personal-account post that names or points at the school ("my school", "SLT",
 * the configured names and handles), or gives a view on school matters, must say it is not on
 * the school's behalf. School matters are what complaint (a grievance about the school or
 * colleagues), confidential (pupils', families' or staff's private details) and contact (staff
 * and pupils or parents connecting) find: each is about the school whatever words it uses.
 * Pointing at the school also happens through staff life (rules/engine/staff-life.ts: "our
 * deputy", "report writing", "my SEN kids"). Satisfied by the configured disclaimer or any of
 * the ways people write one (rules/engine/disclaims.ts: "views my own", "Opinions mine",
 * "personal account", "not speaking for my employer", "#ViewsMyOwn").
 */
import { defineRule } from './engine/types';
import { orgMentions, type Mention } from './engine/org';
import { staffLife } from './engine/staff-life';
import { hasDisclaimer } from './engine/disclaims';
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
  // The life of school staff: its roles, places, events, processes and pupils ("our deputy",
  // "report writing", "my SEN kids").
  const life = staffLife(ctx)[0];
  if (life)
    return {
      mention: { start: life.start, end: life.end, text: life.text, kind: 'pointer' },
      why: `points at the school (${life.kind})`,
      says: `"${life.text}" links this personal post to your school`,
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
      if (hasDisclaimer(ctx)) return [];
      const { disclaimerText } = ctx.settings.org;
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
