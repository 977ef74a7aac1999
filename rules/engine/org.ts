/** Where a draft names or points at the author's organisation; shared by several rules. */
import { lexiconTag } from './lexicon';
import type { RuleContext } from './context';
import { CLASS_NAMED, SCHOOL_POINTERS, YEAR_GROUP, spans } from './patterns';
import school from '../data/school.json';

const ROLE_IN_HANDLE = new Set(school.roleInHandle);
const SPACED_POINTERS = new Set(school.spacedPointers);

/** A handle's words ("mrs_fenwick_head", "DrEllisonHead"), lower case. */
const handleWords = (handle: string) => handle.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir']);
const leaderHandle = (words: string[]) => TITLES.has(words[0]!) && words.slice(1).some((w) => ROLE_IN_HANDLE.has(w));

// The author's own child, in the year group's sentence before it ("My son has just made the Year 7
// team", "she's starting Year 7").
const OWN_CHILD_IN = /\bmy\s+(?:[\p{L}-]+\s+)?(?:son|daughter|kid|child|boy|girl|little one|eldest|youngest|middle one|nephew|niece|grandson|granddaughter|stepson|stepdaughter)s?\b|\b(?:he|she)(?:'s|\s+is|\s+was)\s+(?:now\s+|still\s+|just\s+)?(?:in|into|starting|going into|moving (?:up )?(?:to|into))\s+$/iu;
const PLACE_AFTER_NAME = new RegExp(`^\\s+(?:${school.placeAfterName.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const ELSEWHERE = /^\s+(?:from|at)\s+(?:the\s+)?(?:school\s+|academy\s+)?(?:down the road|next door|\p{Lu})|^\s+olds?\b/u;

export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: 'name' | 'handle' | 'hashtag' | 'pointer' | 'strapline';
}

const cache = new WeakMap<RuleContext, Mention[]>();

/** A one-word name that is also an ordinary word ("Aspire") counts only with its capital. */
function plausibleName(written: string): boolean {
  if (/\s/.test(written) || /\p{Lu}/u.test(written)) return true;
  return lexiconTag(written) === undefined;
}

export function orgMentions(ctx: RuleContext): Mention[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const { org } = ctx.settings;
  const out: Mention[] = [];
  // "Kingsmere roundabout", "Halden station": the organisation's name as a place's name.
  if (org.names) for (const s of spans(org.names, ctx.text)) if (plausibleName(s.text) && !PLACE_AFTER_NAME.test(ctx.text.slice(s.end, s.end + 30))) out.push({ ...s, kind: 'name' });
  for (const m of ctx.text.matchAll(/(?<![\p{L}\p{N}_])([@#])([\p{L}\p{N}_.]{1,100})/gu)) {
    const key = m[2]!.replace(/\.+$/, '').toLowerCase();
    const kind = m[1] === '@' ? 'handle' : 'hashtag';
    if ((kind === 'handle' ? org.handles : org.hashtags).has(key))
      out.push({ start: m.index, end: m.index + 1 + key.length, text: m[0], kind });
    // A school leader's handle ("@mrs_fenwick_head", "@DrEllisonHead": a title and a role) points
    // at the school as "the head" does.
    else if (kind === 'handle' && leaderHandle(handleWords(m[2]!)))
      out.push({ start: m.index, end: m.index + 1 + key.length, text: m[0], kind: 'pointer' });
  }
  for (const s of spans(SCHOOL_POINTERS, ctx.text)) out.push({ ...s, kind: 'pointer' });
  // A year group or a named class is the school's, unless it is the author's own child's ("my son
  // is in Year 4", "she's starting Year 7") or another school's ("the Year 9s from Oakmere High").
  for (const s of spans(YEAR_GROUP, ctx.text)) {
    if (OWN_CHILD_IN.test(ctx.text.slice(Math.max(ctx.sentenceAt(s.start).start, s.start - 60), s.start)) || ELSEWHERE.test(ctx.text.slice(s.end, s.end + 40))) continue;
    out.push({ ...s, kind: 'pointer' });
  }
  for (const s of spans(CLASS_NAMED, ctx.text)) out.push({ ...s, kind: 'pointer' });
  // Spelt out letter by letter to slip past a filter ("S L T", "h.e.a.d").
  for (const t of ctx.spaced) if (SPACED_POINTERS.has(t.key)) out.push({ start: t.start, end: t.end, text: t.text, kind: 'pointer' });
  if (org.straplines) for (const s of spans(org.straplines, ctx.text)) out.push({ ...s, kind: 'strapline' });
  out.sort((a, b) => a.start - b.start);
  cache.set(ctx, out);
  return out;
}
