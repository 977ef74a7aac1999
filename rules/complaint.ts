/**
 * complaint: airing a grievance about the school, its leaders, staff, decisions or colleagues.
 * Needs both grievance wording and such a target within a sentence or its neighbour, so
 * disappointment about the weather or a village fete passes. Insults aimed at colleagues,
 * leaders or the school count too (they are also derogatory).
 */
import { defineRule, type Hit } from './engine/types';
import type { RuleContext } from './engine/context';
import { anyOf } from './engine/patterns';
import { escapeRegExp, Marks } from './engine/match';
import { derogatory } from './derogatory';
import { hitsOf } from './engine/hits';
import data from './data/complaint.json';
import school from './data/school.json';
import { affectOf, type SentenceAffect } from './engine/affect';
import { namesWorkplace, workplaceOf } from './engine/workplace';

// Leaders and the school spelt out letter by letter ("S L T", "h e a d") are targets too.
const SPACED_TARGETS = new Set(school.spacedPointers);

const GRIEVANCE = anyOf(data.grievance);
// Eye-rolls and "typical": a grievance only when aimed at leaders, the trust or colleagues, not
// at parents or pupils ("Parents at my school are the worst 🙄" is derogatory, not a complaint).
const WEAK_GRIEVANCE = new RegExp(data.weak.join('|'), 'iu');
// Shouted persistence ("asked AGAIN", "STILL waiting"): weak too, and only in capitals.
const SHOUTED = anyOf(data.weakCased, 'u');
// "Tory ministers ... our staff deserve better": a grievance at national politics, not the school.
const GOVERNMENT = anyOf(data.government, 'iu');
const targetPatterns = new WeakMap<object, { grievance: RegExp; insult: RegExp }>();

/** Targets with the organisation's names put in, compiled once per settings. */
function targetsFor(org: RegExp | null, handles: ReadonlySet<string>, key: object) {
  let re = targetPatterns.get(key);
  if (!re) {
    const orgSource = org ? org.source : '(?!)';
    const handleSource = handles.size ? `@(?:${[...handles].map(escapeRegExp).join('|')})` : '(?!)';
    const compile = (list: string[]) =>
      anyOf(list.map((t) => t.replaceAll('ORG', `(?:${orgSource})`).replaceAll('HANDLES', handleSource)), 'iu');
    re = { grievance: compile(data.targets), insult: compile(data.insultTargets) };
    targetPatterns.set(key, re);
  }
  return re;
}

export const complaint = defineRule({
  id: 'complaint',
  label: 'A complaint aired in public',
  description: 'Airing a complaint or grievance about the school, its staff, its decisions or colleagues in public.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    // Not "concerns" alone: in a school's policy that is safeguarding's word ("report any concerns").
    terms: ['complain', 'complaint', 'grievance', 'criticis', 'critical of', 'dissatisf', 'negative comment', 'disparag', 'dispute', 'air ', 'vent'],
    headings: ['complaint', 'grievance', 'concern'],
    blanket: true,
  },
  text: {
    score: 0.7,
    check(ctx) {
      const targets = targetsFor(ctx.settings.org.names, ctx.settings.org.handles, ctx.settings);
      const hits: Hit[] = [];
      const sents = ctx.sentences;
      const spacedTargets = ctx.spaced.filter((t) => SPACED_TARGETS.has(t.key));
      const spacedTarget = (from: number, to: number) => spacedTargets.some((t) => t.start >= from && t.end <= to);
      sents.forEach((s, i) => {
        const sentence = ctx.folded.slice(s.start, s.end);
        GRIEVANCE.lastIndex = 0;
        const strong = GRIEVANCE.exec(sentence);
        const g = strong ?? WEAK_GRIEVANCE.exec(sentence) ?? SHOUTED.exec(ctx.text.slice(s.start, s.end));
        if (!g) return;
        // The target may sit in this sentence, the two before ("So SLT have decided ... No
        // discussion, obviously.") or the one after ("Sick of cover every free period. My PPA
        // time doesn't exist.").
        const prev = sents[Math.max(0, i - 2)];
        const next = sents[i + 1];
        const from = prev ? prev.start : s.start;
        const to = next ? next.end : s.end;
        const window = ctx.folded.slice(from, to);
        if (!(strong ? targets.grievance : targets.insult).test(window) && !spacedTarget(from, to)) return;
        if (GOVERNMENT.test(window)) return;
        hits.push({
          start: s.start,
          end: s.end,
          message: 'This airs a grievance about your school or colleagues in public. Raise it through the school\'s own channels (your line manager, the grievance procedure) instead of posting it.',
          why: `grievance wording ("${g[0]}") about the school, its leaders or colleagues`,
        });
      });
      // An insult aimed at colleagues, leaders, the school or the trust is a grievance too.
      const marks = new Marks(ctx.text.length);
      for (const h of hits) marks.add(h.start, h.end);
      for (const h of hitsOf(derogatory, ctx)) {
        const i = ctx.sentenceIndexAt(h.start);
        const s = ctx.sentences[i];
        if (!s || marks.overlaps(s.start, s.end)) continue;
        const prev = ctx.sentences[i - 1];
        // Insults aimed at pupils, parents, Ofsted or strangers are derogatory only: the target must be
        // colleagues, leaders, the school or the trust.
        const from = prev ? prev.start : s.start;
        if (targets.insult.test(ctx.folded.slice(from, s.end)) || spacedTarget(from, s.end)) {
          marks.add(s.start, s.end);
          hits.push({
            start: s.start,
            end: s.end,
            message: 'This insults colleagues, leaders or the school in public. Raise concerns through the school\'s own channels instead of posting them.',
            why: 'an insult aimed at colleagues, leaders or the school',
            // As sure as the insult is, and no surer than a grievance.
            score: Math.min(h.score ?? derogatory.text!.score, 0.8),
          });
        }
      }
      // (An official account speaks for the school: its notices of closures and apologies are not grievances.)
      const stance = ctx.draft.account === 'personal' ? grievanceAboutWork(ctx) : undefined;
      if (stance && !marks.overlaps(stance.start, stance.end)) hits.push(stance);
      return hits;
    },
  },
});

/** How much a sentence's own words say "this is wrong": 0 and up (about 4 is sure). */
function evidence(a: SentenceAffect): number {
  // A workplace word in scare quotes ("the 'open door' policy", "'wellbeing' day") is sarcasm too.
  const sarcastic = a.sarcasm.length > 0 || a.quoted.some(namesWorkplace);
  const e = (
    a.negative +
    2 * a.grievance.length +
    Math.min(2, a.grievanceWeak.length) +
    (a.rhetorical ? 1.5 : 0) +
    (sarcastic ? 1.5 : 0) -
    a.positive -
    2 * a.praise.length
  );
  return a.secrecy ? Math.min(e, SECRET * e) : e;
}
/** What is left of a sentence's evidence when it is framed as a secret ("nobody's been told yet"). */
const SECRET = 0.3;
/** A post of praise with one sour word ("terrible music" among thanks) is not a grievance: its balance is taken off. */
const BALANCE = 0.3;

/** A share of the evidence of the sentences beside one carries over ("Week five." after "Asked for one PPA slot back."). */
const NEIGHBOUR = 0.5;
/** And a smaller share of the rest of the post's (a grievance told in short sentences). */
const REST = 0.25;
/** How far a workplace named beside a sentence, or anywhere in the post, counts for it. */
const NEAR = 0.85;
const POST = 0.5;
/** Score = FLOOR + SPAN x (about the workplace) x (negative), so both must be there. */
const FLOOR = 0.25;
const SPAN = 0.65;

/**
 * The kind, whatever the words: a sentence about the poster's own workplace (rules/engine/
 * workplace.ts) said negatively (rules/engine/affect.ts: the affect lexicon with negation and
 * sarcasm, and the general markers of grievance). One finding per draft, on its surest sentence,
 * scored by how sure both halves are.
 */
function grievanceAboutWork(ctx: RuleContext): Hit | undefined {
  const affect = affectOf(ctx);
  const work = workplaceOf(ctx);
  const post = Math.max(0, ...work.map((w) => w.about));
  if (post === 0) return undefined;
  const balance = affect.reduce((sum, a) => sum + a.positive + 2 * a.praise.length - a.negative, 0);
  const own = affect.map((a) => evidence(a) - BALANCE * Math.max(0, balance));
  const total = own.reduce((sum, e) => sum + Math.max(0, e), 0);
  let best: { i: number; score: number } | undefined;
  for (let i = 0; i < ctx.sentences.length; i++) {
    const about = Math.max(work[i]!.about, NEAR * Math.max(work[i - 1]?.about ?? 0, work[i + 1]?.about ?? 0), POST * post);
    const rest = total - Math.max(0, own[i]!) - Math.max(0, own[i - 1] ?? 0) - Math.max(0, own[i + 1] ?? 0);
    const e = own[i]! + NEIGHBOUR * (Math.max(0, own[i - 1] ?? 0) + Math.max(0, own[i + 1] ?? 0)) + REST * rest;
    const negative = Math.min(1, Math.max(0, e / 4));
    const score = FLOOR + SPAN * about * negative;
    if (own[i]! > 0 && (!best || score > best.score)) best = { i, score };
  }
  if (!best || best.score <= FLOOR) return undefined;
  const s = ctx.sentences[best.i]!;
  const a = affect[best.i]!;
  const near = [work[best.i - 1], work[best.i], work[best.i + 1]].flatMap((w) => w?.words ?? []);
  const about = [...new Set(near.length ? near : work.flatMap((w) => w.words))].slice(0, 3);
  const said = [...a.negativeWords, ...a.grievance, ...a.grievanceWeak, ...a.sarcasm.map((x) => `sarcasm: ${x}`), ...(a.rhetorical ? ['a rhetorical question'] : [])].slice(0, 4);
  return {
    start: s.start,
    end: s.end,
    message: 'This airs a grievance about your own workplace in public. Raise it through the school\'s own channels (your line manager, the grievance procedure) instead of posting it.',
    why: `about your own workplace (${about.map((w) => `"${w}"`).join(', ')}) and said negatively (${said.map((w) => `"${w}"`).join(', ')})`,
    score: Math.round(best.score * 100) / 100,
  };
}
