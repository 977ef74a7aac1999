/**
 * Where a draft points at the author's school through the life of school staff rather than its
 * name: its roles, places, events, processes and groups of pupils (rules/data/staff-life.json),
 * owned ("our deputy", "my SEN kids", "my lovely new tutees") or of a kind no other workplace
 * has ("report writing", "two INSET days", "the prep room"). Words are looked up as the draft's
 * words, so plurals (from compromise's inflector, once at load) and possessives ("the deputy
 * head's") need no pattern of their own. Computed once per check.
 */
import nlp from 'compromise';
import type { RuleContext } from './context';
import type { Token } from './tokens';
import data from '../data/staff-life.json';

/** What the words are, as a reason reads it. */
export type StaffLifeKind = 'a school event' | 'a school process' | 'a place in a school' | 'a school role' | 'school life in the first person' | "the author's pupils or colleagues";

export interface StaffLink {
  start: number;
  end: number;
  text: string;
  kind: StaffLifeKind;
}

type Entry = { kind: StaffLifeKind; need: 'none' | 'first-person' | 'owner' | 'owner+qualifier' };

const world = nlp.world() as unknown as {
  methods: { two: { transform: { noun: { toPlural: (w: string, model: unknown) => string } } } };
  model: unknown;
};
const toPlural = (word: string) => world.methods.two.transform.noun.toPlural(word, world.model);

/** A phrase as the draft's token keys read it: lower case, apostrophes dropped, split at anything not a letter or digit. */
const keysOf = (phrase: string) => phrase.toLowerCase().replace(/['’]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const LEXICON = new Map<string, Entry>();
let longest = 1;
function add(phrases: readonly string[], entry: Entry): void {
  for (const phrase of phrases) {
    const words = keysOf(phrase);
    const last = words[words.length - 1]!;
    const plural = toPlural(last);
    for (const form of new Set([last, ...(plural ? [plural.toLowerCase()] : [])])) {
      const key = [...words.slice(0, -1), form].join(' ');
      // The first listing wins: a word listed as needing an owner is not made free by a longer list.
      if (!LEXICON.has(key)) LEXICON.set(key, entry);
      longest = Math.max(longest, words.length);
    }
  }
}
const KIND: Record<keyof typeof data.schoolOnly, StaffLifeKind> = { events: 'a school event', processes: 'a school process', places: 'a place in a school', roles: 'a school role' };
for (const [group, kind] of Object.entries(KIND)) add(data.schoolOnly[group as keyof typeof data.schoolOnly], { kind, need: 'none' });
add(data.firstPerson, { kind: 'school life in the first person', need: 'first-person' });
add(data.owned, { kind: "the author's pupils or colleagues", need: 'owner' });
add(data.ownedWithQualifier, { kind: "the author's pupils or colleagues", need: 'owner+qualifier' });

const QUALIFIERS = new Set(data.qualifiers.flatMap(keysOf));
const DESCRIBING = new Set(data.describing.flatMap(keysOf));
const COMPOUND = new Set(data.ownerlessCompound);
const OWNERS = new Set(['my', 'our']);
const THE_ROLES = new Set(data.theRoles.flatMap((r) => [r, toPlural(r.split(' ').pop()!) && [...r.split(' ').slice(0, -1), toPlural(r.split(' ').pop()!)].join(' ')]));
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'we', 'were', 'weve', 'us', 'our']);
// A year group or key stage written as one word or a number after "Year" ("Y4", "9s", "Yr10").
const YEAR_LIKE = /^(?:y|yr|year|ks)?\d{1,2}s?$/;
const AT_WORK = new RegExp(`^\\s+(?:${data.atWorkAfter.map((p) => keysOf(p).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
// The author's own child in the sentence: a school event is then the child's school's.
const OWN_CHILD = /\b(?:my|our)\s+(?:[\p{L}-]+\s+)?(?:son|daughter|kids?|child|children|boys?|girls?|little ones?|eldest|youngest|nephew|niece|grand(?:son|daughter|kids?|children))\b/iu;

const isQualifier = (t: Token) => QUALIFIERS.has(t.key) || YEAR_LIKE.test(t.text.toLowerCase());

/** Only spaces or a hyphen between two tokens: the same phrase. */
const joined = (ctx: RuleContext, a: Token, b: Token) => /^[\s-]{1,3}$/.test(ctx.text.slice(a.end, b.start));

const cache = new WeakMap<RuleContext, StaffLink[]>();

/**
 * The owner before tokens[from]: "my"/"our" with at most three describing words, qualifiers or
 * adjectives (by compromise's tags) between. Returns whether any qualifier stood between, or
 * undefined when there is no owner.
 */
function owner(ctx: RuleContext, tokens: readonly Token[], from: number, head: string): { qualified: boolean } | undefined {
  let qualified = false;
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    const t = tokens[k]!;
    if (!joined(ctx, t, tokens[k + 1]!)) return undefined;
    if (OWNERS.has(t.key) || (t.key === 'the' && THE_ROLES.has(head))) return { qualified };
    if (isQualifier(t)) qualified = true;
    else if (!DESCRIBING.has(t.key)) {
      const tags = ctx.tagsAt(t.start);
      if (!(tags.has('Adjective') || tags.has('Adverb'))) return undefined;
    }
  }
  return undefined;
}

/** A noun straight after the head makes it another thing ("our department store"). */
function compound(ctx: RuleContext, head: Token, next: Token | undefined): boolean {
  if (!next || !joined(ctx, head, next) || head.possessive) return false;
  if (COMPOUND.has(next.key)) return true;
  const tags = ctx.tagsAt(next.start);
  return tags.has('Noun') && !tags.has('Verb') && !tags.has('Pronoun') && !tags.has('Date') && !LEXICON.has(next.key) && !isQualifier(next);
}

export function staffLife(ctx: RuleContext): StaffLink[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: StaffLink[] = [];
  const tokens = ctx.tokens;
  // The sentences in the first person, found in one pass over the words when first needed.
  let firstPerson: Set<number> | undefined;
  const ownChild = new Map<number, boolean>();
  const inFirstPerson = (at: number) => {
    if (!firstPerson) {
      firstPerson = new Set();
      for (const t of tokens) if (FIRST_PERSON.has(t.key)) firstPerson.add(ctx.sentenceIndexAt(t.start));
    }
    const i = ctx.sentenceIndexAt(at);
    if (!firstPerson.has(i)) return false;
    let child = ownChild.get(i);
    if (child === undefined) {
      const s = ctx.sentences[i] ?? { start: 0, end: ctx.text.length };
      child = OWN_CHILD.test(ctx.text.slice(s.start, s.end));
      ownChild.set(i, child);
    }
    return !child;
  };
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(longest, tokens.length - i); n >= 1 && !matched; n--) {
      let key = tokens[i]!.key;
      let ok = true;
      for (let k = i + 1; k < i + n; k++) {
        if (!joined(ctx, tokens[k - 1]!, tokens[k]!)) {
          ok = false;
          break;
        }
        key += ` ${tokens[k]!.key}`;
      }
      if (!ok) continue;
      const entry = LEXICON.get(key);
      if (!entry) continue;
      const head = tokens[i + n - 1]!;
      const after = ctx.text.slice(head.end, head.end + 20);
      let counts: boolean;
      if (entry.need === 'none') counts = true;
      else if (entry.need === 'first-person') counts = inFirstPerson(tokens[i]!.start);
      else {
        const own = owner(ctx, tokens, i, key);
        const atWork = AT_WORK.test(after);
        counts =
          ((!!own && (entry.need === 'owner' || own.qualified)) || atWork) &&
          !(compound(ctx, head, tokens[i + n]) && !atWork);
      }
      if (!counts) continue;
      out.push({ start: tokens[i]!.start, end: head.end, text: ctx.text.slice(tokens[i]!.start, head.end), kind: entry.kind });
      matched = n;
    }
    i += matched || 1;
  }
  cache.set(ctx, out);
  return out;
}
