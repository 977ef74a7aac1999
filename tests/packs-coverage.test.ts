/**
 * Conventions over the built-in policy packs (packs/*.json):
 * - every pack parses with PackSchema;
 * - every clause quote is copied verbatim from its source policy (../shared/seeds/), under the
 *   same normalisation as ../shared/tools/score.mjs;
 * - every clause is cited by a rule or says why it cannot be checked;
 * - every statement of a source policy that talks about posts (found by a keyword scan) is
 *   covered by a clause of its pack, or is on the short allow-list below with a reason;
 * - every enabled text rule has examples to flag and to pass.
 * The examples themselves are run through the engine by another test.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { PackSchema, type Pack } from '../packs/schema';
import { IMAGE_RULE_IDS, RULE_IDS, TEXT_RULE_IDS } from '../rules/engine/facts';
import { BUILT_IN_PACK_IDS, type SourceId } from '../packs/ids';
import { normaliseQuote as normalise, normalisedSources, rawSources } from './seeds';

const PACK_IDS = BUILT_IN_PACK_IDS;
type PackId = (typeof PACK_IDS)[number];
type SourcePackId = Exclude<PackId, 'default'>;

const packsDir = new URL('../packs/', import.meta.url);

function readPackJson(id: PackId): unknown {
  return JSON.parse(readFileSync(new URL(`${id}.json`, packsDir), 'utf8')) as unknown;
}

function loadPack(id: PackId): Pack {
  const result = PackSchema.safeParse(readPackJson(id));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${id}.json ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`pack ${id} does not match PackSchema:\n${issues.join('\n')}`);
  }
  return result.data;
}

/** Every clause id a rule of the pack cites, directly or for one kind of account. */
function citedClauseIds(p: Pack): Set<string> {
  const cited = new Set<string>();
  for (const rule of Object.values(p.rules)) {
    if (!rule) continue;
    for (const id of [
      ...rule.clauses,
      ...(rule.byAccount?.personal?.clauses ?? []),
      ...(rule.byAccount?.official?.clauses ?? []),
    ])
      cited.add(id);
  }
  return cited;
}

/**
 * Splits a policy document into statements: bullets and sentences. Lines broken in the middle
 * of a sentence (the next line starts in lower case) are joined first; tables (tab-separated
 * lines: document control, contents, values) are skipped, and so are headings (short lines
 * with no closing punctuation).
 */
function statements(text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const continues = /^[a-z]/.test(line) && !/^[ivx]+\.\s/.test(line);
    if (previous !== undefined && continues && !/[.:!?]$/.test(previous)) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  const out: string[] = [];
  for (const line of joined) {
    if (line.includes('\t')) continue;
    const body = line
      .replace(/^[-•]\s*/, '')
      .replace(/^(\d+\.\d+|[ivx]+\.)\s+/, '')
      .replace(/^-\s*/, '');
    // Keep "e.g." and friends from ending a sentence.
    const guarded = body.replace(/\b(e\.g|i\.e|etc)\./gi, (m) => m.replace(/\./g, '\u2063'));
    for (const sentence of guarded.split(/(?<=[.!?])\s+(?=[A-Z"'(\u2018\u201C])/)) {
      const s = sentence.replace(/\u2063/g, '.').trim();
      const isHeading = !/[.!?]$/.test(s) && s.split(/\s+/).length < 6;
      if (s && !isHeading) out.push(s);
    }
  }
  return out;
}

/**
 * Words that mark a statement as being about what a post says or shows. "follow" is left out
 * where it means "obey" or "come next" ("follow this Policy", "the following points").
 */
const CONTENT_WORDS =
  /\b(post(?:s|ed|ing|ings)?|comments?|images?|photo\w*|pictures?|videos?|names?|tag\w*|disclaimer|logo|brand\w*|confidential\w*|complain\w*|grievances?|politic\w*|address|befriend|friends?|friendships?|(?<!\bthe\s)follow(?:ing)?\b(?!\s+(?:this|the|our|these|existing|guidance|up|slt|consideration|roles|points|guidelines|legislation))|derogatory|offensive|defam\w*|discriminat\w*|insult\w*|abus\w*|threaten\w*|harass\w*|personal information|sensitive|views|opinions?|criticis\w*|gossip|mock|engage)\b/i;

/**
 * Statements the keyword scan picks up that are not about what a staff member's post says or
 * shows, so no clause encodes them. Matched by the start of the statement. Keep this short.
 */
const NOT_ABOUT_CONTENT: ReadonlyArray<{ source: SourceId; startsWith: string; reason: string }> = [
  // Co-op Academies Trust
  { source: 'coop', startsWith: 'Online safety lessons will look at social media', reason: 'describes lessons for pupils' },
  { source: 'coop', startsWith: 'The police or other authorities may be involved', reason: 'a consequence of a breach' },
  // Calcot (same template as Co-op)
  { source: 'calcot', startsWith: 'Online safety lessons will look at social media', reason: 'describes lessons for pupils' },
  { source: 'calcot', startsWith: 'The police or other authorities may be involved', reason: 'a consequence of a breach' },
  // flourish
  { source: 'flourish', startsWith: 'Examples of some popular forums are', reason: 'defines "social media"' },
  { source: 'flourish', startsWith: 'Inappropriate use of social media by employees', reason: 'how a breach is reported' },
  { source: 'flourish', startsWith: 'Where there has been a breach of confidential information', reason: 'how a breach is reported' },
  { source: 'flourish', startsWith: 'A breach of this policy leading to breaches', reason: 'a consequence of a breach' },
  { source: 'flourish', startsWith: 'While the Trust or its schools cannot monitor', reason: 'the purpose of telling parents' },
  { source: 'flourish', startsWith: 'Serious breaches of this policy', reason: 'a consequence of a breach' },
  // Coton-in-the-Elms
  { source: 'coton', startsWith: 'If there are concerns that comments or posts may potentially be defamatory', reason: 'a consequence (legal advice)' },
  { source: 'coton', startsWith: "Once you've posted something to the internet", reason: 'a fact given as a reason, not a rule' },
  { source: 'coton', startsWith: 'Even if you have posted in a closed or private group', reason: 'a fact given as a reason, not a rule' },
  // Aspire
  { source: 'aspire', startsWith: 'However, some games, for example Minecraft', reason: 'defines "social media"' },
  { source: 'aspire', startsWith: 'Other key policies to cross refer include', reason: 'a list of related policies' },
  { source: 'aspire', startsWith: 'Applies to all online communications', reason: 'scope: who and what the policy covers' },
  { source: 'aspire', startsWith: 'Applies to such online communications posted', reason: 'scope: when and where the policy applies' },
  { source: 'aspire', startsWith: 'Professional communications are those made', reason: 'defines "professional communications"' },
  { source: 'aspire', startsWith: 'If a journalist makes contact about posts', reason: 'about answering the press, not about a post' },
  { source: 'aspire', startsWith: 'Academy use of images can be assumed to be acceptable', reason: 'introduces the image guidelines, each of which is a clause' },
  { source: 'aspire', startsWith: 'If parents/carers have access to an academy learning platform', reason: 'a duty to inform parents' },
];

const loaded = new Map<PackId, Pack>();
/** The parsed pack; throws with every zod issue and its path when the file does not match. */
function pack(id: PackId): Pack {
  const cached = loaded.get(id);
  if (cached) return cached;
  const parsed = loadPack(id);
  loaded.set(id, parsed);
  return parsed;
}
const SOURCE_PACKS: readonly SourcePackId[] = ['coop', 'flourish', 'calcot', 'coton', 'aspire'];

describe.each(PACK_IDS)('pack %s', (id) => {
  it('parses with PackSchema and is named after its file', () => {
    const result = PackSchema.safeParse(readPackJson(id));
    const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    expect(issues).toEqual([]);
    expect(pack(id).id).toBe(id);
  });

  it('quotes every clause verbatim from its source document', () => {
    const notVerbatim = pack(id).clauses
      .filter((clause) => {
        const quote = normalise(clause.quote);
        return quote.length < 12 || !normalisedSources[clause.source as SourceId].includes(quote);
      })
      .map((clause) => `${clause.id}: ${clause.quote}`);
    expect(notVerbatim).toEqual([]);
  });

  it('takes its clauses from its own document', () => {
    if (id === 'default') return;
    expect(pack(id).clauses.filter((clause) => clause.source !== id).map((clause) => clause.id)).toEqual([]);
  });

  it('has every clause cited by a rule or marked notCheckable, never both', () => {
    const cited = citedClauseIds(pack(id));
    expect(pack(id).clauses.filter((c) => !cited.has(c.id) && !c.notCheckable).map((c) => c.id)).toEqual([]);
    expect(pack(id).clauses.filter((c) => cited.has(c.id) && c.notCheckable).map((c) => c.id)).toEqual([]);
  });

  it('enables only known rule ids', () => {
    const raw = readPackJson(id) as { rules: Record<string, unknown> };
    const known: readonly string[] = RULE_IDS;
    expect(Object.keys(raw.rules).filter((rule) => !known.includes(rule))).toEqual([]);
  });

  it('gives every enabled text rule examples to flag and to pass, and no image rule any', () => {
    const textRules: readonly string[] = TEXT_RULE_IDS;
    const imageOnly: readonly string[] = IMAGE_RULE_IDS.filter((r) => !textRules.includes(r));
    for (const [rule, config] of Object.entries(pack(id).rules)) {
      if (!config) continue;
      if (textRules.includes(rule)) {
        expect(config.examples?.flag.length ?? 0, `${rule} flag examples`).toBeGreaterThan(0);
        expect(config.examples?.pass.length ?? 0, `${rule} pass examples`).toBeGreaterThan(0);
      } else if (imageOnly.includes(rule)) {
        expect(config.examples, `${rule} is an image rule`).toBeUndefined();
      }
    }
  });

  it('has example settings', () => {
    expect(pack(id).exampleSettings).toBeDefined();
  });
});

describe('default pack', () => {
  it('enables every rule', () => {
    const enabled = Object.keys(pack('default').rules).sort();
    expect(enabled).toEqual([...RULE_IDS].sort());
  });
});

describe.each(SOURCE_PACKS)('coverage of the %s policy', (id) => {
  const quotes = (): string[] => pack(id).clauses.map((clause) => normalise(clause.quote));
  const allowed = NOT_ABOUT_CONTENT.filter((entry) => entry.source === id);
  const selected = statements(rawSources[id]).filter((s) => CONTENT_WORDS.test(s));

  it('finds statements to check (the splitter and keyword scan still work)', () => {
    expect(selected.length).toBeGreaterThan(10);
  });

  it('has a clause for every statement about post content', () => {
    const clauseQuotes = quotes();
    // A clause covers a statement when its quote holds the whole statement, or is a substantial
    // part of it (40 characters or more, as a partial quote must be).
    const covers = (q: string, s: string): boolean => q.includes(s) || (s.includes(q) && q.length >= 40);
    const uncovered = selected.filter((statement) => {
      const s = normalise(statement);
      if (clauseQuotes.some((q) => covers(q, s))) return false;
      return !allowed.some((entry) => s.startsWith(normalise(entry.startsWith)));
    });
    expect(uncovered).toEqual([]);
  });

  it('has no stale allow-list entries', () => {
    const stale = allowed.filter((entry) => !selected.some((s) => normalise(s).startsWith(normalise(entry.startsWith))));
    expect(stale.map((entry) => entry.startsWith)).toEqual([]);
  });
});
