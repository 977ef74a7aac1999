/**
 * tagging: @mentions of people, and asking others to tag people. The organisation's own
 * handles and well-known organisations' handles are allowed; e-mail addresses and hashtags
 * are not mentions.
 */
import { defineRule, type Hit } from './engine/types';
import { alt } from './engine/patterns';
import data from './data/handles.json';

const KNOWN = new Set(data.handles);
const ORG_WORDS = new Set(data.orgWords);
const PERSON_WORDS = new Set(data.personWords);

// An @ that does not follow a word character (so not an e-mail address), then the handle.
const MENTION = /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?)/gu;
// "tag them below", "tag yourself", "tag the parents", "tag a friend who ..."; not "name tag",
// "price tag", "tag rugby" or "playing tag".
const TAGGABLE = alt(data.taggable);
const NOT_TAGGING = `(?<!\\b(?:${alt(data.notTagging)})[\\s-])`;
const WHOM = [
  'them|yourself|yourselves|us|him|her|who|whoever|each\\s+other|one\\s+another|me\\s+in',
  // "tag your friends", "tag all the Year 6 parents"
  `(?:(?:your|a|the|any|all|some|every|all\\s+the)\\s+)(?:[\\p{L}\\p{N}'-]+\\s+){0,2}?(?:${TAGGABLE})`,
  `(?:${TAGGABLE})`,
  // "tag Ava's mum"
  "\\p{Lu}\\p{Ll}+'s\\s+(?:mum|dad|mam|mummy|daddy|parents|nan|grandma|grandad|family|carer)",
  // Whoever a relative clause describes is a person: "tag a grown-up who'd love this".
  "(?:a|an|your|any|every|one)\\s+(?:[\\p{L}\\p{N}'-]+\\s+){0,2}?(?:who|who'd|who'll|whose)",
].join('|');
// ... or tagging asked for with nobody named: "get tagging!", "tag away", "tags welcome".
const ASK_TO_TAG = new RegExp(`${NOT_TAGGING}\\b(?:(?:tag|tagging)\\s+(?:${WHOM})\\b|(?:get|start|keep|happy)\\s+tagging\\b|tag\\s+away\\b|tags?\\s+(?:are\\s+)?welcome\\b)`, 'giu');

/** Split a handle into its words: "OakdenePrimary" -> oakdene, primary; "mrs_ward_teaches". */
function handleWords(handle: string): string[] {
  return handle
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isOrganisation(handle: string): boolean {
  const words = handleWords(handle);
  if (words.some((w) => PERSON_WORDS.has(w))) return false;
  // Trailing org words in run-together handles: "wyndhamprimary", "leedslibraries".
  const lower = handle.toLowerCase();
  return words.some((w) => ORG_WORDS.has(w)) || [...ORG_WORDS].some((w) => w.length >= 5 && lower.endsWith(w));
}

export const tagging = defineRule({
  id: 'tagging',
  label: 'Tagging people',
  description: "Tagging or @mentioning people, and asking others to tag people; the organisation's own and well-known organisations' handles are allowed.",
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['tag', 'mention', '@'],
    headings: ['tag'],
  },
  text: {
    score: 0.85,
    check(ctx) {
      const hits: Hit[] = [];
      const { handles, allowedHandles } = ctx.settings.org;
      for (const m of ctx.text.matchAll(MENTION)) {
        const handle = m[1]!;
        const key = handle.toLowerCase();
        if (handles.has(key) || allowedHandles.has(key) || KNOWN.has(key) || isOrganisation(handle)) continue;
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: `@${handle} tags a person. Tagging people links the post to their profile; name them without the @, or ask first and leave the tag out.`,
          suggestion: handle,
          why: 'an @mention that is not one of your organisation\'s handles or a known organisation',
        });
      }
      for (const m of ctx.text.matchAll(ASK_TO_TAG)) {
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: 'This asks people to tag others. Tagged photos and names spread beyond the page; ask people not to tag.',
          why: 'asks followers to tag people',
        });
      }
      return hits;
    },
  },
});
