/**
 * Pupil lists: reading a school MIS export (or a pasted list), and turning names into salted,
 * memory-hard hashes so the list can be stored and pushed through managed policy (which anyone
 * at the machine can read at chrome://policy) without the names in plain text.
 *
 * Each distinct name part is derived once (rules/engine/name-hash.ts: chained scrypt under the
 * roster's random salt); its first-name keys ("f"), their one-letter deletions ("d", for
 * misspellings) and its surname keys ("s") are stored as 64-bit tags of the derived key. The
 * engine derives a draft's words the same way. The salt and parameters sit beside the hashes:
 * what protects the names is that every guess costs one derivation (see README).
 */
import { parse } from 'csv-parse/sync';
import { deletions } from '../rules/engine/match';
import { FUZZY_MIN, nameKeys } from '../rules/engine/pupils';
import {
  DEFAULT_NAME_KDF_PARAMS,
  NAME_HASH_SCHEME,
  deriveNameKey,
  derivedNameKeys,
  entryTag,
  kdfId,
  randomSalt,
  type EntryKind,
  type NameKdf,
  type NameKdfParams,
} from '../rules/engine/name-hash';

export interface PupilNameHashes extends NameKdf {
  /** Sorted, de-duplicated 16-hex-digit hashes. */
  hashes: string[];
  /** How many names went in (for "N names loaded"). */
  count: number;
}

/** The strings a list of names is hashed as, each with the kinds it is stored as. */
export function rosterEntries(names: readonly string[]): Map<string, Set<EntryKind>> {
  const entries = new Map<string, Set<EntryKind>>();
  const add = (key: string, kind: EntryKind) => {
    const kinds = entries.get(key) ?? new Set<EntryKind>();
    kinds.add(kind);
    entries.set(key, kinds);
  };
  for (const name of names) {
    const { firsts, surnames } = nameKeys(name);
    for (const first of firsts) {
      add(first, 'f');
      if (first.length >= FUZZY_MIN) for (const v of deletions(first)) add(v, 'd');
    }
    for (const s of surnames) add(s, 's');
  }
  return entries;
}

export interface HashOptions {
  /** Hex; a new random one by default. Pass the roster's own to add names to it. */
  salt?: string;
  params?: NameKdfParams;
  /** Called after each string is derived (for a progress bar). */
  progress?: (done: number, total: number) => void;
}

/**
 * The list as hashes. Costs one derivation per distinct string (about 9 for a typical pupil:
 * first name, its deletions, surname); the derived keys are kept in memory, so the words of a
 * draft that are pupils' names are found at once afterwards.
 */
export async function hashPupilNames(names: readonly string[], options: HashOptions = {}): Promise<PupilNameHashes> {
  const kdf: NameKdf = { scheme: NAME_HASH_SCHEME, salt: options.salt ?? randomSalt(), params: options.params ?? DEFAULT_NAME_KDF_PARAMS };
  const entries = rosterEntries(names);
  const id = kdfId(kdf);
  const hashes = new Set<string>();
  let done = 0;
  for (const [key, kinds] of entries) {
    let derived = derivedNameKeys.get(id, key);
    if (!derived) {
      derived = await deriveNameKey(key, kdf);
      derivedNameKeys.set(id, key, derived);
    }
    for (const kind of kinds) hashes.add(entryTag(derived, kind));
    options.progress?.(++done, entries.size);
  }
  return { ...kdf, hashes: [...hashes].sort(), count: names.length };
}

export interface RosterRead {
  names: string[];
  errors: { line: number; message: string }[];
}

const FIRST = /^(?:legal\s*)?(?:first\s*name|forename|given\s*name|first)$/i;
const PREFERRED = /^(?:preferred\s*(?:first\s*)?(?:name|forename)|known\s*as|chosen\s*name)$/i;
const SURNAME = /^(?:legal\s*)?(?:surname|last\s*name|family\s*name|preferred\s*surname)$/i;
const FULL = /^(?:name|full\s*name|pupil\s*name|pupil|student\s*name|student)$/i;

/**
 * Names from an MIS export (CSV with a header naming first name, surname and preferred name
 * columns, in any order, as SIMS, Arbor and Bromcom export them) or a pasted list, one name a
 * line. A preferred name is added alongside the legal one: both may appear in a post.
 */
export function parseRoster(text: string): RosterRead {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.find((l) => l.trim()) ?? '';
  const looksCsv = /[,;\t]/.test(header) && header.split(/[,;\t]/).some((c) => FIRST.test(c.trim().replace(/^"|"$/g, '')) || FULL.test(c.trim().replace(/^"|"$/g, '')));
  if (!looksCsv) {
    const names: string[] = [];
    const errors: RosterRead['errors'] = [];
    lines.forEach((line, i) => {
      const name = line.trim();
      if (!name) return;
      if (!/\p{L}/u.test(name)) errors.push({ line: i + 1, message: `"${name}" has no letters` });
      else names.push(name.replace(/\s+/g, ' '));
    });
    return { names, errors };
  }
  const delimiter = [',', ';', '\t'].sort((a, b) => header.split(b).length - header.split(a).length)[0]!;
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { names: [], errors: [{ line, message: (err as Error).message }] };
  }
  const headerIndex = rows.findIndex((r) => r.some((c) => c));
  const cols = rows[headerIndex] ?? [];
  const find = (re: RegExp) => cols.findIndex((c) => re.test(c));
  const first = find(FIRST);
  const preferred = find(PREFERRED);
  const surname = find(SURNAME);
  const full = find(FULL);
  const names: string[] = [];
  const errors: RosterRead['errors'] = [];
  rows.slice(headerIndex + 1).forEach((row, i) => {
    const line = headerIndex + i + 2;
    if (row.every((c) => !c)) return;
    const last = surname >= 0 ? row[surname] ?? '' : '';
    const given = first >= 0 ? row[first] ?? '' : '';
    const known = preferred >= 0 ? row[preferred] ?? '' : '';
    const whole = full >= 0 ? row[full] ?? '' : '';
    const found = [given && `${given} ${last}`.trim(), known && known !== given && `${known} ${last}`.trim(), whole].filter(Boolean) as string[];
    if (found.length === 0) errors.push({ line, message: 'no first name in this row' });
    names.push(...found);
  });
  return { names, errors };
}
