/**
 * A school's own policy document -> a policy pack: its clauses, and for each rule the document
 * states, the clauses that state it, best first. Runs in the browser as in Node: it takes the
 * document's text (see extract.ts for files) and the product's knowledge (knowledge.ts).
 */
import type { Clause, Pack, PackRule } from '../schema';
import type { RuleId } from '../../rules/engine/facts';
import { splitClauses, type DocClause } from './clauses';
import type { Knowledge } from './knowledge';
import { propose, type ProposeOptions, type RuleProposal } from './propose';
import { tokens } from './text';

export interface DraftOptions extends ProposeOptions {
  id?: string;
  name?: string;
  organisation?: string;
}

export interface NotCheckable {
  clause: DocClause;
  reason: string;
}

export interface DraftResult {
  pack: Pack;
  clauses: DocClause[];
  rules: RuleProposal[];
  /** Rules the document does not state (left out of the pack). */
  leftOut: RuleId[];
  notCheckable: NotCheckable[];
}

/**
 * Words that mark a clause as being about what a post says or shows (the subjects the rules
 * check), as opposed to accounts, procedures and definitions.
 */
const ABOUT_POSTS = ['#post', '#image', '#name', '#offensive', '#complaint', '#confidential', '#tag', '#brand', '#views', '#political', '#location', '#disclaimer'];

/** Why a clause about posts cannot be checked, from what it talks about. */
function whyNotCheckable(clause: DocClause): string | undefined {
  // The words' concepts alone (not the phrase features propose weighs): this runs on every clause no rule cites.
  const concepts = new Set(tokens(clause.quote).map((t) => t.concept));
  if (!ABOUT_POSTS.some((c) => concepts.has(c))) return undefined;
  const q = clause.quote.toLowerCase();
  if (/privacy settings?|settings|password|account details|turn(?:ed)? off/.test(q)) return 'about account settings, not what one draft says';
  if (/copyright|intellectual property|acknowledge the author|someone else's|other people's/.test(q)) return 'who owns an image or text cannot be known from the draft';
  if (/\btrue\b|accura|honest|fictitious|lies\b/.test(q)) return 'whether a statement is true cannot be checked from the draft';
  if (/monitor|report|record|screenshot|delete|remove|taken down|investigat|escalat|disciplinary|police|legal action/.test(q))
    return 'how the school monitors and responds, not what one draft says';
  if (/\bapprov|authoris|permission|consent/.test(q)) return 'depends on an approval or consent that the draft does not show';
  if (/\b(?:parents?|carers?)\b.*\b(?:asked|should|must|are)\b/.test(q) && !/\bstaff\b/.test(q)) return "about parents' own posts, not staff's";
  return 'asks for judgement about the whole post that no rule makes';
}

export function draftPack(text: string, knowledge: Knowledge, options: DraftOptions = {}): DraftResult {
  const clauses = splitClauses(text);
  const rules = propose(clauses, knowledge, options);
  const cited = new Set<string>();
  const packRules: Partial<Record<RuleId, PackRule>> = {};
  const leftOut: RuleId[] = [];
  for (const r of rules) {
    if (!r.stated) {
      leftOut.push(r.rule);
      continue;
    }
    const severity = knowledge.rules.find((k) => k.id === r.rule)!.severity;
    packRules[r.rule] = { severity, clauses: r.proposals.map((p) => p.clause.id) };
    for (const p of r.proposals) cited.add(p.clause.id);
  }
  const notCheckable: NotCheckable[] = [];
  const packClauses: Clause[] = [];
  const id = options.id ?? 'own';
  // A clause from the school's own document names the pack itself as its source.
  const source = id;
  for (const clause of clauses) {
    const entry = { id: clause.id, section: clause.section, quote: clause.quote, source };
    if (cited.has(clause.id)) packClauses.push(entry);
    else {
      const reason = whyNotCheckable(clause);
      if (!reason) continue;
      notCheckable.push({ clause, reason });
      packClauses.push({ ...entry, notCheckable: reason });
    }
  }
  const pack: Pack = {
    id,
    name: options.name ?? 'Our social media policy',
    organisation: options.organisation ?? options.name ?? 'Our school',
    clauses: packClauses,
    rules: packRules,
  };
  return { pack, clauses, rules, leftOut, notCheckable };
}
