/**
 * complaint: airing a grievance about the school, its leaders, staff, decisions or colleagues.
 * Needs both grievance wording and such a target within a sentence or its neighbour, so
 * disappointment about the weather or a village fete passes. Insults aimed at colleagues,
 * leaders or the school count too (they are also derogatory).
 */
import { defineRule, type Hit } from './engine/types';
import { anyOf } from './engine/patterns';
import { escapeRegExp, Marks } from './engine/match';
import { derogatory } from './derogatory';
import { hitsOf } from './engine/hits';
import data from './data/complaint.json';
import school from './data/school.json';

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
      return hits;
    },
  },
});
