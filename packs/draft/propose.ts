/**
 * Proposes, for each rule, the clauses of a document that state it, best first. A clause is
 * scored against each rule by a small logistic regression over words, phrases and concepts
 * (packs/draft/text.ts), trained on the built-in packs' labelled clauses and the rules'
 * descriptions, blended with how closely it resembles the nearest clause a built-in pack cites
 * for that rule (TF-IDF cosine). Both are explained: the words that weighed most, and the
 * known clause it resembles.
 */
import type { RuleId } from '../../rules/engine/facts';
import type { RuleEvidence } from '../../rules/engine/types';
import { LEAD_IN_END, type DocClause } from './clauses';
import type { Knowledge, LabelledClause } from './knowledge';
import { audienceOf, DIRECTIVE_HEADING, features, isDirective, isPurpose, type Bag } from './text';

export interface Proposal {
  clause: DocClause;
  score: number;
  /** The features that weighed most for this rule, as words. */
  words: string[];
  /** The labelled clause it resembles most, and how much (cosine). */
  resembles?: { pack: string; id: string; quote: string; similarity: number };
}

export interface RuleProposal {
  rule: RuleId;
  /** The best score of any clause. */
  best: number;
  stated: boolean;
  proposals: Proposal[];
}

export interface ProposeOptions {
  /** A rule is taken as stated when its best clause scores at least this. */
  threshold?: number;
  /** How many clauses to list per rule at most. */
  maxClauses?: number;
  /** A clause is listed after the first when it scores at least this share of the best. */
  relative?: number;
}

type Vec = Map<string, number>;

/** The drafter's settings, chosen on the leave-one-out evaluation (scripts/draft-loo.ts). */
export const TUNING = {
  /** Weight of a list item's lead-in sentence ("Staff should not:") beside its own words. */
  leadIn: 0.15,
  /** Weight of the section heading's words. */
  section: 0.15,
  /** Share of the score from the regression; the rest from resemblance to known clauses. */
  mix: 1,
  epochs: 15,
  /** Weight of each of the document's own clauses as a negative example. */
  background: 0.3,
  /** At most this many of the document's clauses are background negatives (evenly spaced). */
  backgroundSample: 120,
  /** A clause is listed after the first when it scores at least this share of the best. */
  relative: 0.4,
  /**
   * ... but the first this many are listed whatever their share (when they score near the
   * threshold): when the first is wrong, the reviewer's choice is often a clause in other words.
   */
  listed: 3,
  /**
   * A rule is taken as stated when its best clause scores at least this: of 0.004, 0.006 and
   * 0.01, the one chosen on each three of the four keyed sets of real policies for the fourth,
   * in all four turns (README: Drafting a pack); the seeds' leave-one-out keeps its floors.
   */
  threshold: 0.004,
  /** Positive examples weigh this share of the negatives in all, so rare rules score like common ones. */
  balance: 0.5,
  /**
   * A clause's score is multiplied by this when it does not use the rule's words itself (the
   * rule's evidence) but its section heading does, and by `noEvidence` when neither does: a
   * clause that never says "photo", "picture" or "video" does not state the photo rule, however
   * much it resembles clauses that do.
   */
  headingOnly: 0.35,
  noEvidence: 0.1,
  /** ... and by this when both the clause and its heading use them. */
  headingToo: 1.2,
  /**
   * A clause's score is multiplied by this when it tells no one what to do (text.ts,
   * isDirective): an introduction or a definition that uses a rule's words does not state it.
   */
  notDirective: 0.4,
  /**
   * ... and by this when it says what the policy is for and what that protects (text.ts,
   * isPurpose): it states the rule, but a clause that tells staff what to do comes first.
   */
  purpose: 0.6,
  /**
   * ... and by this when it asks something of parents or pupils in a document that asks things of
   * staff too: below `purpose`, so it cannot state a rule by itself.
   */
  otherAudience: 0.2,
  /** ... and by this when it is a lead-in ("We ask parents to:"): its items state the rules. */
  leadInOnly: 0.3,
  /** A blanket ban ("Do not discuss your work") scores at least this for the rules it covers, before its form counts. */
  blanketFloor: 0.02,
  /** 1: a rule is stated only by a clause that is a directive (and not a lead-in or a fragment). */
  statedByDirective: 1,
};

/** A sentence cut off mid-phrase (the document's text ends, or a page broke it): it states nothing whole. */
const FRAGMENT = /\b(?:a|an|the|of|in|on|at|to|for|with|by|from|and|or|but|as|that|which|who|whom|whose|their|its|our|your|is|are|be|will|must|should|not|may|can)$/i;
/** A list item's closing conjunction ("...official names, or materials; or"): the item is whole, the next one follows. */
const LIST_CONJUNCTION = /[;,]\s*(?:and|or|and\/or)$/i;
const isFragment = (quote: string) => !LIST_CONJUNCTION.test(quote) && FRAGMENT.test(quote);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower case, typographic apostrophes and dashes plain, so a policy's typography does not matter. */
const plainWords = (s: string) => s.toLowerCase().replace(/[\u2018\u2019\u201B]/g, "'").replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ');

/**
 * A rule's word in another sense: "the following", "follow the guidance" (obey, not follow an
 * account), "point of contact", an "@" standing for "at" ("History @ Secondary School"), not before
 * a handle. Blanked out (to spaces, keeping offsets) before a clause's words
 * are tested for a rule's evidence.
 */
const OTHER_SENSE =
  /\b(?:the|as|in the) following\b|\bfollow(?:s|ed|ing)?\s+(?:(?:the|these|this|those|our|its|their|your|all|any|school|trust|academy|such|same|up|through|on|correct|agreed|appropriate|relevant|normal|usual|recommended)\s+)*(?:policy|policies|guidance|guidelines?|recommendations?|rules?|procedures?|advice|steps|principles|protocols?|instructions?|codes?|practices?|processes?|expectations?|requirements?|below|above|these|this)\b|\bpoints? of contact\b|(?<=\s)@(?=\s)/g;

/** A clause's words as the evidence tests read them: plain, and rule words in another sense blanked. */
const evidenceWords = (s: string) => plainWords(s).replace(OTHER_SENSE, (m) => ' '.repeat(m.length));

/** A test for a list of word starts ("photo" for photo, photos, photograph). */
function wordStarts(words: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^a-z])(?:${words.map((w) => escapeRegExp(w.toLowerCase())).join('|')})`);
}

/**
 * A blanket ban: discussing (talking about, debating, commenting on, referring to, posting
 * about, giving information about) the school, one's work, pupils or colleagues at all, or
 * anything to do with them (not discussing them *with* someone), in a clause that forbids it ("An
 * individual is free to talk about the school" is no ban; "no negative comments about staff" is
 * a narrower ban that other rules' words state). Rules whose evidence is `blanket` count it.
 */
const BAN = /(?:^|[^a-z])(?:not|never|no|nothing|don't|avoid\w*|refrain\w*)(?![a-z])/;
const TALK =
  '(?:discuss|debat|talk(?:s|ing)? about|comment|remark|refer|writ(?:e|es|ing) about|post(?:s|ing)? (?:anything |things )?about|(?:any )?information (?:regarding|about|relating to|concerning|on))';
const TALK_ABOUT_SCHOOL = `${TALK}[a-z]*\\b(?:(?!\\b(?:with|outside|behalf)\\b)[^.;]){0,40}?\\b(?:anything|(?:the |your |their |our |my )?(?:school|academy|trust|work|workplace|place of work|employer|pupils?|students?|children|colleagues?|staff)\\b)`;
/** Words that narrow a ban to one kind of talk ("no negative comments"): that is not a blanket ban. */
const NARROW = '(?:negative|derogatory|offensive|inappropriate|critical|disparaging|abusive|defamatory|rude|unprofessional|political|personal|private|positive|confidential|sensitive)';
/** Words that end the ban's reach: "not those of your employer if commenting on ...". */
const BREAK = '(?:if|when|unless|whether|but|that|which|who)';
/** ... the ban within a few words before it ("Do not discuss", "never discuss", "not the platform to discuss", "Do not use blogs to make comments on"). */
const BLANKET = new RegExp(`(?:^|[^a-z])(?:not|never|no|nothing|don't|avoid\\w*|refrain\\w*)(?:\\s+(?!(?:${NARROW}|${BREAK})\\b)[^\\s.;,]+){0,10}?\\s+${TALK_ABOUT_SCHOOL}`);
/**
 * A sentence in which the school limits what its own account does: "The school will not follow
 * ...", "The school's Twitter account is not to be used ...", "@whitehouseps will not ...".
 */
const OWN_ACCOUNT_LIMIT =
  /^(?:the |our )?(?:(?:school|academy|trust|nursery|college)(?:'s)?|@\w+)(?: (?:official|twitter|x|facebook|instagram|social media|account|page|feed|channel)){0,3} (?:will|shall|does|do|is|are|must|should|won't|cannot|can't)\b/;
/** A condition is no ban: "If an employee's presence does not make any reference to the school, ...". */
const CONDITION = /^(?:if|where|when|whenever|unless|whether|provided)\b/;
/** ... or in the lead-in of a list item that names it ("Staff should not:" ... "discuss the school"). */
const TALK_ITEM = new RegExp(`^${TALK_ABOUT_SCHOOL}`);

/** How a text states a rule in its words: with the rule's terms, or as a blanket ban (or not at all). */
export type WordEvidence = 'terms' | 'blanket' | undefined;

/** Whether a text uses a rule's words: one of its terms, or one of each group of `all`, or a blanket ban for a `blanket` rule. */
export function evidenceTest(evidence: RuleEvidence): { words(text: string, own?: string): WordEvidence; heading(text: string): boolean } {
  const test = plainEvidenceTest(evidence);
  return {
    words: (text, own) => test.words(evidenceWords(text), own === undefined ? undefined : evidenceWords(own)),
    heading: (text) => test.heading(plainWords(text)),
  };
}

/** The same, on text already made plain (plainWords): each clause is made plain once, not once per rule. */
function plainEvidenceTest(evidence: RuleEvidence): { words(plain: string, own?: string): WordEvidence; heading(plain: string): boolean } {
  const groups = [...(evidence.terms?.length ? [evidence.terms] : []), ...(evidence.all ?? [])].map(wordStarts);
  const termGroups = evidence.terms?.length ? [wordStarts(evidence.terms)] : groups;
  const heading = wordStarts(evidence.headings);
  return {
    // `own`, when given, is a list item's own words (`plain` adds its lead-in's): the lead-in may
    // carry some of the rule's words, but not all of them for every item under it.
    words: (t, own) =>
      groups.length > 0 && groups.every((g) => g.test(t)) && (own === undefined || groups.some((g) => g.test(own)))
        ? 'terms'
        : evidence.ownAccount === true && OWN_ACCOUNT_LIMIT.test(own ?? t) && BAN.test(own ?? t) && termGroups.every((g) => g.test(own ?? t))
          ? 'terms'
        : evidence.blanket === true && !CONDITION.test(own ?? t) && (BLANKET.test(own ?? t) || (own !== undefined && TALK_ITEM.test(own) && BAN.test(t.slice(own.length))))
          ? 'blanket'
          : undefined,
    heading: (t) => evidence.headings.length > 0 && heading.test(t),
  };
}

function textOf(quote: string, section: string, leadIn?: string): Bag {
  const bag = features(quote, 1);
  if (leadIn) features(leadIn, TUNING.leadIn, bag);
  features(section.replace(/^[\d.\s]+/, ''), TUNING.section, bag);
  return bag;
}

/** TF-IDF weighting with sublinear term frequency, L2-normalised. */
function weigh(bag: Bag, idf: Map<string, number>): Vec {
  const v: Vec = new Map();
  let norm = 0;
  for (const [f, tf] of bag) {
    const w = (1 + Math.log(Math.max(tf, 1e-9) + (tf < 1 ? 1 : 0))) * (idf.get(f) ?? 0);
    if (w <= 0) continue;
    v.set(f, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [f, w] of v) v.set(f, w / norm);
  return v;
}

function cosine(a: Vec, b: Vec): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [f, w] of small) s += w * (large.get(f) ?? 0);
  return s;
}

/** A vector over feature indices, for fast training. */
interface Dense {
  idx: Int32Array;
  val: Float64Array;
}

interface Model {
  weights: Float64Array;
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic regression by SGD with L2 regularisation, over indexed sparse vectors. */
function train(samples: { v: Dense; y: number; w: number }[], size: number, epochs = TUNING.epochs, rate = 0.5, l2 = 1e-3): Model {
  const weights = new Float64Array(size);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = rate / (1 + epoch * 0.1);
    for (const { v, y, w } of samples) {
      let z = bias;
      for (let k = 0; k < v.idx.length; k++) z += weights[v.idx[k]!]! * v.val[k]!;
      const g = (sigmoid(z) - y) * w;
      bias -= lr * g;
      for (let k = 0; k < v.idx.length; k++) {
        const f = v.idx[k]!;
        weights[f] = weights[f]! - lr * (g * v.val[k]! + l2 * weights[f]!);
      }
    }
  }
  return { weights, bias };
}

function describeFeature(f: string): string {
  return f.replace(/_/g, ' ');
}

/** Scores every clause of a document for every rule the knowledge describes. */
export function propose(clauses: readonly DocClause[], knowledge: Knowledge, options: ProposeOptions = {}): RuleProposal[] {
  const threshold = options.threshold ?? TUNING.threshold;
  const maxClauses = options.maxClauses ?? 5;
  const relative = options.relative ?? TUNING.relative;

  const exampleBags = knowledge.examples.map((e) => textOf(e.quote, e.section));
  const descriptionBags = knowledge.rules.map((r) => features(r.description));
  const evidenceBags = knowledge.rules.map((r) => features([...(r.evidence.terms ?? []), ...(r.evidence.all ?? []).flat(), ...r.evidence.headings].join(' ')));
  const clauseBags = clauses.map((c) => textOf(c.quote, c.section, c.leadIn));

  // IDF over everything seen: the labelled clauses and the document's own clauses.
  const df = new Map<string, number>();
  const all = [...exampleBags, ...descriptionBags, ...evidenceBags, ...clauseBags];
  for (const bag of all) for (const f of bag.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [f, n] of df) idf.set(f, Math.log((all.length + 1) / (n + 0.5)));

  const exampleVecs = exampleBags.map((b) => weigh(b, idf));
  const descriptionVecs = descriptionBags.map((b) => weigh(b, idf));
  const clauseVecs = clauseBags.map((b) => weigh(b, idf));
  const index = new Map<string, number>();
  const dense = (v: Vec): Dense => {
    const idx = new Int32Array(v.size);
    const val = new Float64Array(v.size);
    let k = 0;
    for (const [f, w] of v) {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      idx[k] = i;
      val[k++] = w;
    }
    return { idx, val };
  };
  const exampleDense = exampleVecs.map(dense);
  const descriptionDense = descriptionVecs.map(dense);
  const evidenceDense = evidenceBags.map((b) => dense(weigh(b, idf)));
  const clauseDense = clauseVecs.map(dense);

  const keys = [...index.keys()];
  const evidenceOf = knowledge.rules.map((r) => plainEvidenceTest(r.evidence));
  const clauseWords = clauses.map((c) => evidenceWords(`${c.quote} ${c.leadIn ?? ''}`));
  const clauseOwnWords = clauses.map((c) => (c.leadIn ? evidenceWords(c.quote) : undefined));
  const clauseHeadings = clauses.map((c) => plainWords(`${c.headings.join(' ')} ${c.section}`));
  /** What a clause's form says of it, whatever the rule: a directive, or an introduction or lead-in. */
  // A document that asks things of staff in so many words: what it asks of parents or pupils
  // ("Parental requirements often include:") is theirs, not a rule for staff's posts.
  const audiences = clauses.map((c) => audienceOf(c.leadIn ?? c.headings.at(-1) ?? ''));
  const forStaff = audiences.includes('staff');
  const clauseForm = clauses.map(
    (c, ci) =>
      (forStaff && audiences[ci] === 'others' ? TUNING.otherAudience : 1) *
      (isFragment(c.quote)
        ? TUNING.notDirective
        : isDirective(c.quote, c.leadIn) || DIRECTIVE_HEADING.test(c.headings.at(-1) ?? '')
          ? 1
          : isPurpose(c.quote)
            ? TUNING.purpose
            : TUNING.notDirective) * (LEAD_IN_END.test(c.quote) ? TUNING.leadInOnly : 1),
  );
  return knowledge.rules.map((rule, ri) => {
    const positives: { example: LabelledClause | undefined; v: Vec; w: number }[] = [];
    const samples: { v: Dense; y: number; w: number }[] = [];
    knowledge.examples.forEach((example, i) => {
      const rank = example.rules.get(rule.id);
      if (rank === undefined) samples.push({ v: exampleDense[i]!, y: 0, w: 1 });
      else {
        const w = 1 / (1 + 0.25 * rank);
        samples.push({ v: exampleDense[i]!, y: 1, w: 1 + w });
        positives.push({ example, v: exampleVecs[i]!, w });
      }
    });
    samples.push({ v: descriptionDense[ri]!, y: 1, w: 2 });
    samples.push({ v: evidenceDense[ri]!, y: 1, w: 2 });
    // The document's own clauses are weak negatives: most of them do not state the rule, so
    // words common to the whole document (its name, "pupils", "social media") count for less.
    // A long document lends an even sample of its clauses, weighing as much as all of them would:
    // training costs what the examples cost, not a pass over every clause of a 20-page policy.
    const step = Math.max(1, clauseDense.length / TUNING.backgroundSample);
    for (let i = 0; i < clauseDense.length; i += step)
      samples.push({ v: clauseDense[Math.floor(i)]!, y: 0, w: (TUNING.background * clauseDense.length) / Math.ceil(clauseDense.length / step) });
    positives.push({ example: undefined, v: descriptionVecs[ri]!, w: 0.8 });
    if (TUNING.balance > 0) {
      let pos = 0;
      let neg = 0;
      for (const x of samples) if (x.y) pos += x.w;
      else neg += x.w;
      const scale = (TUNING.balance * neg) / pos;
      for (const x of samples) if (x.y) x.w *= scale;
    }
    const model = train(samples, index.size);

    const scored = clauses.map((clause, ci) => {
      const v = clauseVecs[ci]!;
      let z = model.bias;
      const d = clauseDense[ci]!;
      for (let k = 0; k < d.idx.length; k++) z += model.weights[d.idx[k]!]! * d.val[k]!;
      const evidence = evidenceOf[ri]!;
      const inWords = evidence.words(clauseWords[ci]!, clauseOwnWords[ci]);
      const inHeading = evidence.heading(clauseHeadings[ci]!);
      const factor = inWords ? (inHeading ? TUNING.headingToo : 1) : inHeading ? TUNING.headingOnly : TUNING.noEvidence;
      // A blanket ban shares few words with the clauses that state a rule in its own terms, so
      // the regression scores it low; it states the rule all the same, at least as surely as the
      // threshold asks.
      const p = Math.max(sigmoid(z), inWords === 'blanket' ? TUNING.blanketFloor : 0) * factor * clauseForm[ci]!;
      // Resemblance costs a comparison with every known clause: only when it counts in the score.
      const score = TUNING.mix < 1 ? TUNING.mix * p + (1 - TUNING.mix) * resemblance(v).knn : p;
      return { clause, ci, score, v, inWords: inWords !== undefined && (TUNING.statedByDirective === 0 || clauseForm[ci]! >= TUNING.purpose) };
    });
    /** The features that weighed most for this rule in a clause, as words (for the proposals only). */
    const wordsOf = (ci: number): string[] => {
      const d = clauseDense[ci]!;
      const contributions: [string, number][] = [];
      for (let k = 0; k < d.idx.length; k++) contributions.push([keys[d.idx[k]!]!, model.weights[d.idx[k]!]! * d.val[k]!]);
      return contributions
        .filter(([, c]) => c > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([f]) => describeFeature(f));
    };
    const resemblance = (v: Vec) => {
      let nearest: { example: LabelledClause | undefined; similarity: number } = { example: undefined, similarity: 0 };
      const sims = positives.map((pos) => {
        const similarity = cosine(v, pos.v);
        if (pos.example && similarity * pos.w > nearest.similarity * (nearest.example ? 1 : 0)) nearest = { example: pos.example, similarity };
        return similarity * pos.w;
      });
      sims.sort((a, b) => b - a);
      const knn = Math.min(1, ((sims[0] ?? 0) * 0.6 + (sims[1] ?? 0) * 0.25 + (sims[2] ?? 0) * 0.15) * 1.6);
      return { knn, nearest };
    };
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0]?.score ?? 0;
    // A rule is stated only by a clause in its own words that tells someone what to do.
    const stated = scored.some((x) => x.inWords && x.score >= threshold);
    const proposals: Proposal[] = scored
      .filter((p, i) => i === 0 || (i < TUNING.listed ? p.inWords || p.score >= threshold * 0.8 : p.score >= Math.max(threshold * 0.8, best * relative)))
      .slice(0, maxClauses)
      .map(({ v, ci, inWords: _inWords, ...rest }) => {
        const p = { ...rest, words: wordsOf(ci) };
        const ex = resemblance(v).nearest;
        return ex.example ? { ...p, resembles: { pack: ex.example.pack, id: ex.example.id, quote: ex.example.quote, similarity: ex.similarity } } : p;
      });
    return { rule: rule.id, best, stated, proposals };
  });
}
