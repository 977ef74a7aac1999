/**
 * `second-look pack draft DOC`: a school's own policy -> a pack on stdout, with what was
 * proposed and why on stderr; and `validate PACK --source DOC`: the pack's quotes checked
 * against the document they come from.
 */
import { parseArgs } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Pack } from '../packs/schema';
import { builtInKnowledge } from '../packs/draft/builtin';
import { draftPack, type DraftResult } from '../packs/draft/draft';
import { normaliseQuote } from '../packs/draft/evaluate';
import { ExtractError, extractText, MAX_BYTES } from '../packs/draft/extract';
import { SOURCES } from '../packs/ids';
import { InputError, UsageError } from './errors';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A document's text; every failure is an InputError naming the file. */
async function readDocument(file: string): Promise<string> {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (size > MAX_BYTES)
    throw new InputError(`${file}: ${(size / 1024 / 1024).toFixed(0)} MB is too large for a policy document (at most ${MAX_BYTES / 1024 / 1024} MB)`);
  try {
    return (await extractText(readFileSync(file), file)).text;
  } catch (err) {
    if (err instanceof ExtractError) throw new InputError(err.message);
    throw new InputError(`${file}: could not be read (${(err as Error).message})`);
  }
}

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function report(result: DraftResult, explain: boolean, io: Io): void {
  const { rules, leftOut, notCheckable, clauses } = result;
  io.err(`second-look: ${clauses.length} clauses; ${rules.length - leftOut.length} rules stated; ${notCheckable.length} clauses not checkable`);
  for (const r of rules) {
    if (!r.stated) continue;
    const first = r.proposals[0]!;
    io.err(`  ${r.rule}: ${r.proposals.length} clause${r.proposals.length === 1 ? '' : 's'}, first ${first.clause.id} (score ${first.score.toFixed(2)}) "${short(first.clause.quote, 70)}"`);
    const shown = explain ? r.proposals : [];
    for (const [i, p] of shown.entries()) {
      io.err(`    ${i + 1}. ${p.clause.id} [${p.clause.section}] score ${p.score.toFixed(2)}`);
      io.err(`       "${short(p.clause.quote, 160)}"`);
      io.err(`       words: ${p.words.join(', ') || '(none)'}`);
      if (p.resembles)
        io.err(`       resembles ${p.resembles.pack} ${p.resembles.id} (${p.resembles.similarity.toFixed(2)}): "${short(p.resembles.quote, 100)}"`);
    }
  }
  if (leftOut.length) {
    io.err(`  left out (the document does not seem to state them, so they will not fire): ${leftOut.join(', ')}`);
    if (explain)
      for (const r of rules.filter((x) => !x.stated)) {
        const best = r.proposals[0];
        io.err(`    ${r.rule}: best clause scores ${r.best.toFixed(2)}${best ? ` "${short(best.clause.quote, 80)}"` : ''}`);
      }
  }
  if (explain) for (const n of notCheckable) io.err(`  not checkable: ${n.clause.id} "${short(n.clause.quote, 80)}": ${n.reason}`);
  io.err('  Review every rule before deploying: the first clause of each is the one findings will cite.');
}

export async function packDraft(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      explain: { type: 'boolean' },
    },
  });
  if (positionals[0] !== 'draft' || positionals.length !== 2) throw new UsageError('pack draft takes one FILE: the policy as .txt, .md, .pdf or .docx');
  const file = positionals[1]!;
  const id = values.id ?? 'own';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`--id must be lower-case letters, digits and "-" (got "${id}")`);
  const text = await readDocument(file);
  const name = values.name ?? basename(file).replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ');
  const result = draftPack(text, builtInKnowledge(), { id, name, ...(values.organisation ? { organisation: values.organisation } : {}) });
  if (result.pack.clauses.length === 0) throw new InputError(`${file}: no clause of it is about what staff post, so no pack was drafted`);
  report(result, values.explain ?? false, io);
  io.out(JSON.stringify(result.pack, null, 2));
  return 0;
}

/**
 * The pack's quotes from its own document, checked against DOC (whitespace, curly quotes and
 * emphasis aside). Clauses quoting a built-in policy are left to the built-in packs' tests.
 */
export async function validateAgainstSource(pack: Pack, packFile: string, doc: string, io: Io): Promise<number> {
  const text = normaliseQuote(await readDocument(doc));
  const own = pack.clauses.filter((c) => !(SOURCES as readonly string[]).includes(c.source));
  const missing = own.filter((c) => !text.includes(normaliseQuote(c.quote)));
  for (const c of missing) io.err(`second-look: ${packFile}: clause "${c.id}": quote not found in ${doc}: "${short(c.quote)}"`);
  if (missing.length) return 1;
  io.out(`${packFile}: all ${own.length} quotes from the school's own document found verbatim in ${doc}`);
  return 0;
}
