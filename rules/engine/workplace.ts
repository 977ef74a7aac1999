/**
 * How far each sentence of a draft is about the poster's own workplace, measured once per check:
 * its leaders and bodies (the head, SLT, the trust, governors, HR, "upstairs", the organisation's
 * configured names and handles), the place named from inside ("this place", "at work", "at
 * ours"), and the stuff of a member of staff's working life (pay, contract, cover, PPA, duties,
 * marking, data drops, observations, timetable, rota, emails) made the poster's own by we/our/
 * my. A national debate with no local target (the government, the profession) is not. Word lists
 * are lemmas in data/workplace.json, matched in all their forms (rules/engine/morph.ts).
 */
import data from '../data/workplace.json';
import type { RuleContext } from './context';
import { forms } from './morph';
import { Phrases, sentenceWords } from './phrases';
import { orgMentions } from './org';

type Kind = 'leader' | 'place' | 'staffLife' | 'staff' | 'national' | 'outsider' | 'elsewhere';
const LEXICON = new Phrases<Kind>();
// Later lists win a shared phrase: leaders over the rest.
for (const w of data.pupilsParents) for (const f of forms(w)) LEXICON.add(f, 'outsider');
for (const w of data.national) for (const f of forms(w)) LEXICON.add(f, 'national');
for (const w of data.elsewhere) LEXICON.add(w, 'elsewhere');
const OTHER_SCHOOL = new Set(data.otherSchool);
for (const w of data.staff) for (const f of forms(w)) LEXICON.add(f, 'staff');
for (const w of data.staffLife) for (const f of forms(w, { verbs: true })) LEXICON.add(f, 'staffLife');
for (const w of data.place) LEXICON.add(w, 'place');
for (const w of data.leaders) for (const f of forms(w)) LEXICON.add(f, 'leader');
const NEEDS_DETERMINER = new Set(data.needsDeterminer.flatMap((w) => forms(w)));
const DETERMINERS = new Set(data.determiners);
const CASED = new Set(data.leadersCased);
const FIRST_PERSON = new Set(data.firstPerson);
const SCHOOL = new Phrases<true>();
for (const w of data.schoolWords) for (const f of forms(w)) SCHOOL.add(f, true);
const WE = new Set(data.weFirst);

/** How much each kind says the sentence is about one's own workplace. */
const WEIGHT: Record<Exclude<Kind, 'national' | 'outsider' | 'elsewhere'>, number> = { leader: 1, place: 0.9, staff: 0.6, staffLife: 0.7 };
/** Staff life or staff without a first person anywhere in the post: someone's job, maybe not the poster's. */
const NOT_OWN = 0.55;
/** A sentence about pupils, parents or outsiders that names no leader or place of the poster's. */
const OUTSIDERS = 0.4;
/** A sentence that names a national target, or a post that names one and no leader or place of its own. */
const NATIONAL = 0.3;

/** Whether a draft speaks of school life at all (a school word or the organisation's names). */
export function aboutSchool(ctx: RuleContext): boolean {
  return workplaceOf(ctx).some((w) => w.about > 0) || schoolWords(ctx);
}

function schoolWords(ctx: RuleContext): boolean {
  return sentenceWords(ctx).some(({ keys }) => keys.some((_, i) => SCHOOL.at(keys, i)));
}

export interface SentenceWorkplace {
  /** 0 to 1: how surely this sentence is about the poster's own workplace. */
  readonly about: number;
  /** The words that said so, for `why`. */
  readonly words: readonly string[];
}

const cache = new WeakMap<RuleContext, readonly SentenceWorkplace[]>();
/** Leaders as only insiders name them: enough on their own to say the post is about a workplace. */
const INSIDER = new Set(data.insiders);
/** "our cleaners", "my lovely line manager": the poster's own people at work. */
const OWNERS = new Set(['my', 'our']);

export function workplaceOf(ctx: RuleContext): readonly SentenceWorkplace[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const words = sentenceWords(ctx);
  // The organisation's own names and handles (not the pointers at school life the disclaimer rule reads).
  const mentions = orgMentions(ctx).filter((m) => m.kind === 'name' || m.kind === 'handle');
  let firstPerson = false;
  let school = mentions.length > 0;
  let national = false;
  let local = false;
  let ownedPeople = false;
  const found = ctx.sentences.map((s, n) => {
    const { tokens, keys } = words[n]!;
    const hits: { kind: Exclude<Kind, 'national' | 'outsider' | 'elsewhere'>; text: string }[] = [];
    let elsewhere = false;
    let outsiders = false;
    let nationalHere = false;
    for (let i = 0; i < keys.length; ) {
      if (FIRST_PERSON.has(keys[i]!)) firstPerson = true;
      if (!school && SCHOOL.at(keys, i)) school = true;
      // "Kingsmead Academy": another school, by its name (the organisation's own names are mentions).
      if (tokens[i]!.capitalised && i + 1 < keys.length && OTHER_SCHOOL.has(keys[i + 1]!) && tokens[i + 1]!.capitalised && !mentions.some((m) => m.start <= tokens[i]!.start && m.end >= tokens[i]!.end)) {
        elsewhere = true;
        i += 2;
        continue;
      }
      if (CASED.has(tokens[i]!.text)) {
        hits.push({ kind: 'leader', text: tokens[i]!.text });
        i++;
        continue;
      }
      const m = LEXICON.at(keys, i);
      if (!m) {
        i++;
        continue;
      }
      if (m.value === 'national') national = nationalHere = true;
      else if (m.value === 'outsider') outsiders = true;
      else if (m.value === 'elsewhere') elsewhere = true;
      else if (m.value !== 'leader' || m.length > 1 || !NEEDS_DETERMINER.has(keys[i]!) || DETERMINERS.has(keys[i - 1] ?? '') || tokens[i]!.possessive || (keys[i] === 'head' && /^(?:of|teacher)$/.test(keys[i + 1] ?? '')))
      {
        hits.push({ kind: m.value, text: m.text });
        if ((m.value === 'leader' || m.value === 'staff') && (OWNERS.has(keys[i - 1] ?? '') || OWNERS.has(keys[i - 2] ?? ''))) ownedPeople = true;
      }
      i += m.length;
    }
    for (const m of mentions) if (m.start >= s.start && m.start < s.end) hits.push({ kind: 'leader', text: m.text });
    if (hits.some((h) => h.kind === 'leader' || h.kind === 'place')) local = true;
    // The place named from inside ("this place", "at work") is school life too, and so are leaders
    // named as insiders name them ("upstairs", "SLT"). Other leaders and colleagues count only when
    // the poster owns them ("our cleaners", "my new line manager"): every firm and government has a
    // CEO, staff and leadership. Pay or a job alone never do.
    if (hits.some((h) => h.kind === 'place' || (h.kind === 'leader' && INSIDER.has(h.text.toLowerCase())))) school = true;
    // Pupils, parents and outsiders are the subject unless a leader is named with them ("Parents at
    // my school are the worst" is about the parents; "the head let that parent shout at me" is not).
    // ... nor when "we" do the staff's work in it ("we ran the trip with half the staff it needs").
    const ours = keys.some((k) => WE.has(k)) && hits.some((h) => h.kind === 'staff' || h.kind === 'staffLife');
    return { hits, outsiders: outsiders && !ours && !hits.some((h) => h.kind === 'leader'), nationalHere, elsewhere };
  });
  if (ownedPeople) school = true;
  const out = found.map(({ hits, outsiders, nationalHere, elsewhere }) => {
    let about = 0;
    // A post with no word of school life at all is about some other office, policy or job.
    if (!school) return { about, words: [] };
    for (const h of hits) {
      let w = WEIGHT[h.kind];
      if ((h.kind === 'staffLife' || h.kind === 'staff') && !firstPerson) w *= NOT_OWN;
      about = Math.max(about, w);
    }
    if (outsiders) about *= OUTSIDERS;
    if (elsewhere) about *= NATIONAL;
    if (nationalHere || (national && !local)) about *= NATIONAL;
    return { about, words: [...new Set(hits.map((h) => h.text))] };
  });
  cache.set(ctx, out);
  return out;
}

/** Whether a phrase names the workplace, its leaders or a staff matter ("open door" is not; "wellbeing", "SLT" are). */
const QUOTABLE = new Set(data.quotable);
export function namesWorkplace(phrase: string): boolean {
  if (QUOTABLE.has(phrase.toLowerCase())) return true;
  const keys = phrase.toLowerCase().replace(/'/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < keys.length; i++) {
    const m = LEXICON.at(keys, i);
    if (m && (m.value === 'leader' || m.value === 'place' || m.value === 'staff' || m.value === 'staffLife')) return true;
  }
  return false;
}
