/**
 * disclaimer: a personal-account post that names or points at the school ("my school", "SLT",
 * the configured names and handles) must say it is not on the school's behalf. Satisfied by
 * the configured disclaimer or a common form ("views are my own", "not on behalf of my
 * employer").
 */
import { defineRule } from './engine/types';
import { DISCLAIMERS } from './engine/patterns';
import { orgMentions } from './engine/org';

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
      const mention = orgMentions(ctx)[0];
      if (!mention) return [];
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
          message: `"${mention.text}" links this personal post to your school, so it needs a disclaimer saying you are not posting on the school's behalf. Add: "${add}"`,
          suggestion: add,
          why: `${mention.kind === 'pointer' ? 'points at the school' : `names the organisation (${mention.kind})`} and no disclaimer was found`,
        },
      ];
    },
  },
});
