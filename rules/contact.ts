/**
 * contact: staff and pupils or parents connecting, following or messaging through social
 * media ("add me on Insta", "DM me about your child's report", "follow me, Year 11!"). On an
 * official account only invitations to pupils, or to message the page about a child, count;
 * "please don't message this page" is the opposite.
 */
import { defineRule, type Hit } from './engine/types';
import { anyOf } from './engine/patterns';
import data from './data/contact.json';

const INVITATION = anyOf(data.invitations);
const NEGATION = anyOf(data.negations, 'iu');
const AUDIENCE = anyOf(data.audience, 'iu');
const OFFICIAL_AUDIENCE = anyOf(data.officialAudience, 'iu');
const TAUGHT = /\b(?:(?:best|favourite|former|old|ex-?)\s+)?(?:pupil|student)s?\s+(?:i(?:'ve)?\s+ever\s+taught|of\s+mine)\b|\bi\s+(?:used\s+to\s+)?taught\s+(?:you|her|him|them)\b/i;
const OFFICIAL_FOLLOW = anyOf(data.officialFollow, 'iu');
const OFFICIAL_MESSAGE_AUDIENCE = anyOf(data.officialMessageAudience, 'iu');
// An official account steering families to a member of staff's own account or number.
const PERSONAL_CHANNEL = anyOf(data.personalChannel, 'iu');

/**
 * Does this invitation count for this account? A personal account inviting pupils or parents
 * always does. An official account may invite followers; it crosses the line inviting pupils to
 * follow or message it, or parents to message it about their child.
 */
function counts(invitation: string, draft: string, official: boolean, pupilNamed: boolean): boolean {
  if (!official) return pupilNamed || AUDIENCE.test(draft);
  if (PERSONAL_CHANNEL.test(draft) && AUDIENCE.test(draft)) return true;
  if (OFFICIAL_FOLLOW.test(invitation)) return addressed(OFFICIAL_AUDIENCE, draft);
  return OFFICIAL_MESSAGE_AUDIENCE.test(draft) || addressed(OFFICIAL_AUDIENCE, draft);
}

// Pupils named as what a post shows ("photos from Year 4", "work by our pupils") are not its audience.
const SUBJECT_OF = /(?:from|of|by|with|about|featuring|starring)\s+(?:(?:our|the|all|all our|all the)\s+)?$/i;

/** Does the draft speak to this audience, not only about it? */
function addressed(audience: RegExp, draft: string): boolean {
  const re = new RegExp(audience.source, 'giu');
  for (const m of draft.matchAll(re)) if (!SUBJECT_OF.test(draft.slice(Math.max(0, m.index - 30), m.index))) return true;
  return false;
}

export const contact = defineRule({
  id: 'contact',
  label: 'Contact with pupils or parents',
  description: 'Staff inviting pupils or parents (or pupils and parents inviting staff) to connect, follow or message through social media.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['friend', 'follow', 'contact', 'exchange', 'communicat', 'correspond', 'message', 'connect ', 'connecting', 'connection', 'connects', 'direct message', 'social networking with', 'interact', 'professional distance', 'boundar', 'reply', 'replies', 'respond to', 'private discussion'],
    // ... with pupils or their families: "keep in touch with friends and colleagues" is not the rule.
    all: [['pupil', 'student', 'child', 'learner', 'young people', 'young person', 'minor', 'parent', 'carer', 'leaver', 'former']],
    headings: ['contact', 'communicat', 'relationship', 'friend'],
    ownAccount: true,
  },
  text: {
    score: 0.75,
    check(ctx) {
      const official = ctx.draft.account === 'official';
      const pupilNamed = ctx.tokens.some((t) => t.capitalised && ctx.settings.pupils.isFirstName(t.key));
      const hits: Hit[] = [];
      for (const m of ctx.text.matchAll(INVITATION)) {
        if (!counts(m[0], ctx.text, official, pupilNamed)) continue;
        if (hits.some((h) => m.index < h.end)) continue;
        const s = ctx.sentenceAt(m.index);
        const lead = ctx.text.slice(s.start, m.index + m[0].length);
        if (NEGATION.test(lead)) continue;
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: `"${m[0]}" invites pupils or parents to connect with you through social media. Staff must not befriend, follow or message pupils or families online; point them to the school's official channels (office e-mail or phone).`,
          suggestion: ctx.draft.account === 'official' ? 'contact the school office' : undefined,
          why: 'an invitation to connect or message, with pupils or parents as the audience',
        });
      }
      // A personal account talking to a (former) pupil by their handle: "@inkypaws.art ... best
      // pupil I ever taught" is engaging with a pupil online.
      if (!official && hits.length === 0 && TAUGHT.test(ctx.text)) {
        const mention = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_.]{2,50}/u.exec(ctx.text);
        if (mention && !ctx.settings.org.handles.has(mention[0].slice(1).toLowerCase()))
          hits.push({
            start: mention.index,
            end: mention.index + mention[0].length,
            message: `${mention[0]} is a pupil you taught, addressed on social media. Staff must not follow or engage with current or former pupils online.`,
            why: 'a pupil addressed by their handle',
          });
      }
      return hits;
    },
  },
});
