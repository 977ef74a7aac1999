/**
 * The pupil list as a look-up index. Names match in any case and possessive form, and with one
 * letter wrong (missed, extra, swapped or replaced: "Ciaran"/"Kiaran", "Lucai"), which an
 * index of one-letter deletions finds without comparing every word with every name.
 *
 * A list pushed by trust IT travels only as keyed hashes (see roster.ts): the hashed index keeps
 * the hashes of each name's keys and of their one-letter deletions, so a draft's words are hashed
 * the same way and compared, misspellings included, without the names themselves.
 */
import { deletions, editDistance } from './match';
import { normalise } from './normalise';
import { deriveNameKey, derivedNameKeys, entryTag, kdfId, legacyHashedKey, type EntryKind, type LegacyHasher, type NameKdf, type NameKeyCache } from './name-hash';
import wordNamesData from '../data/word-names.json';

export const WORD_NAMES: ReadonlySet<string> = new Set(wordNamesData.words);

export interface NameMatch {
  /** The matched first name key (for a hashed list, the draft's own word). */
  readonly first: string;
  /** 0 for an exact match, 1 for one letter wrong. */
  readonly distance: number;
}

export interface PupilIndex {
  /** How many first names are loaded. */
  readonly size: number;
  exact(key: string): NameMatch | null;
  /** A first name one letter away, when exactly one is (a hashed list cannot tell two apart). */
  fuzzy(key: string): NameMatch | null;
  isFirstName(key: string): boolean;
  isSurname(key: string): boolean;
  /** Whether the list gives surnames at all (a first-name-only list cannot rule out "Olivia Jones"). */
  readonly hasSurnames: boolean;
  /** For compromise: pupil names tagged as names, so the parser reads them as people. */
  readonly lexicon: Readonly<Record<string, string>>;
}

/** A name part as the engine compares it: clean (accents, look-alikes folded), lower case. */
export function nameKey(part: string): string {
  return normalise(part).text.toLowerCase().replace(/['\u2019.]/g, '');
}

export interface NameKeys {
  /** First-name keys ("mary-jane" gives mary and jane). */
  firsts: string[];
  surnames: string[];
}

/** The keys a configured name contributes: its first name(s) and surname parts. */
export function nameKeys(display: string): NameKeys {
  const parts = display.trim().split(/\s+/).map(nameKey).filter(Boolean);
  if (parts.length === 0) return { firsts: [], surnames: [] };
  const firsts = parts[0]!.split('-').filter((p) => p.length >= 2);
  const surnames = parts.length > 1 ? parts[parts.length - 1]!.split('-').filter((p) => p.length >= 2) : [];
  return { firsts, surnames };
}

/** Fuzzy matching only for names long enough that one wrong letter still says which name. */
export const FUZZY_MIN = 4;

class PlainIndex implements PupilIndex {
  private readonly firsts = new Set<string>();
  private readonly surnames = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();
  readonly lexicon: Record<string, string> = {};

  constructor(names: readonly string[]) {
    for (const display of names) {
      const { firsts, surnames } = nameKeys(display);
      for (const first of firsts) {
        this.firsts.add(first);
        this.lexicon[first] = 'FirstName';
        if (first.length < FUZZY_MIN) continue;
        for (const variant of deletions(first)) {
          const keys = this.byDeletion.get(variant) ?? [];
          if (!keys.includes(first)) keys.push(first);
          this.byDeletion.set(variant, keys);
        }
      }
      for (const s of surnames) {
        this.surnames.add(s);
        this.lexicon[s] ??= 'LastName';
      }
    }
  }
  get size() {
    return this.firsts.size;
  }
  get hasSurnames() {
    return this.surnames.size > 0;
  }
  exact(key: string): NameMatch | null {
    return this.firsts.has(key) ? { first: key, distance: 0 } : null;
  }
  fuzzy(key: string): NameMatch | null {
    if (key.length < FUZZY_MIN) return null;
    const candidates = new Set<string>();
    for (const variant of deletions(key)) for (const first of this.byDeletion.get(variant) ?? []) candidates.add(first);
    let found: NameMatch | null = null;
    for (const first of candidates) {
      if (editDistance(key, first, 1) > 1) continue;
      if (found) return null; // two names equally close: too ambiguous to say which pupil
      found = { first, distance: 1 };
    }
    return found;
  }
  isFirstName(key: string) {
    return this.firsts.has(key);
  }
  isSurname(key: string) {
    return this.surnames.has(key);
  }
}

/** Looks up hashed entries; `hashOf` answers null for a key not derived yet. */
class HashedIndex implements PupilIndex {
  private readonly hashes: ReadonlySet<string>;
  readonly lexicon = {};
  // Exports from a school MIS always carry surnames.
  readonly hasSurnames = true;
  constructor(
    private readonly hashOf: (kind: EntryKind, key: string) => string | null,
    hashes: readonly string[],
    readonly size: number,
  ) {
    this.hashes = new Set(hashes);
  }
  private has(kind: EntryKind, key: string): boolean {
    const hash = this.hashOf(kind, key);
    return hash !== null && this.hashes.has(hash);
  }
  exact(key: string): NameMatch | null {
    return this.has('f', key) ? { first: key, distance: 0 } : null;
  }
  fuzzy(key: string): NameMatch | null {
    if (key.length < FUZZY_MIN) return null;
    // Its deletions are derived only once the word itself is (and so known not to be a name):
    // a word typed right costs one derivation, not one per letter.
    if (this.hashOf('f', key) === null) return null;
    // A name and a word one letter apart share a one-letter deletion (or one is the other's).
    return deletions(key).some((v) => this.has('d', v)) ? { first: key, distance: 1 } : null;
  }
  isFirstName(key: string) {
    return this.has('f', key);
  }
  isSurname(key: string) {
    return this.has('s', key);
  }
}

class CombinedIndex implements PupilIndex {
  constructor(private readonly parts: readonly PupilIndex[]) {}
  get size() {
    return this.parts.reduce((n, p) => n + p.size, 0);
  }
  get lexicon() {
    return Object.assign({}, ...this.parts.map((p) => p.lexicon)) as Record<string, string>;
  }
  get hasSurnames() {
    return this.parts.some((p) => p.hasSurnames);
  }
  exact(key: string) {
    for (const p of this.parts) {
      const m = p.exact(key);
      if (m) return m;
    }
    return null;
  }
  fuzzy(key: string) {
    for (const p of this.parts) {
      const m = p.fuzzy(key);
      if (m) return m;
    }
    return null;
  }
  isFirstName(key: string) {
    return this.parts.some((p) => p.isFirstName(key));
  }
  isSurname(key: string) {
    return this.parts.some((p) => p.isSurname(key));
  }
}

/** The first scheme's hashes: HMAC under the key stored beside them (read only, see name-hash.ts). */
export interface LegacyHashedPupils {
  hasher: LegacyHasher;
  hashes: readonly string[];
  count: number;
}

/** Hashes derived with a memory-hard KDF (name-hash.ts); lookups use the keys derived so far. */
export interface DerivedHashedPupils {
  kdf: NameKdf;
  hashes: readonly string[];
  count: number;
}

/**
 * The words a check looked up that are not derived yet (so could not be matched): the caller
 * derives them (derivePendingNames) and checks again. Exact look-ups come before deletions.
 */
export class PendingNames {
  readonly exact = new Set<string>();
  readonly deletions = new Set<string>();
  get size(): number {
    return this.exact.size + this.deletions.size;
  }
  clear(): void {
    this.exact.clear();
    this.deletions.clear();
  }
  /** Exact look-ups first. */
  list(): string[] {
    return [...new Set([...this.exact, ...this.deletions])];
  }
}

/** Derives the pending words into the cache, one at a time; stops early when `stop()` says so. */
export async function derivePendingNames(kdf: NameKdf, words: readonly string[], cache: NameKeyCache = derivedNameKeys, stop: () => boolean = () => false): Promise<void> {
  const id = kdfId(kdf);
  for (const word of words) {
    if (stop()) return;
    if (cache.get(id, word)) continue;
    cache.set(id, word, await deriveNameKey(word, kdf));
  }
}

export function compilePupils(
  names: readonly string[],
  hashed?: LegacyHashedPupils | DerivedHashedPupils,
  pending?: PendingNames,
  cache: NameKeyCache = derivedNameKeys,
): PupilIndex {
  const plain = new PlainIndex(names);
  if (!hashed || hashed.hashes.length === 0) return plain;
  let hashOf: (kind: EntryKind, key: string) => string | null;
  if ('hasher' in hashed) {
    const memo = new Map<string, string>();
    hashOf = (kind, key) => {
      const entry = `${kind}:${key}`;
      let h = memo.get(entry);
      if (h === undefined) memo.set(entry, (h = legacyHashedKey(hashed.hasher, entry)));
      return h;
    };
  } else {
    const id = kdfId(hashed.kdf);
    hashOf = (kind, key) => {
      const derived = cache.get(id, key);
      if (!derived) {
        (kind === 'd' ? pending?.deletions : pending?.exact)?.add(key);
        return null;
      }
      return entryTag(derived, kind);
    };
  }
  const hashedIndex = new HashedIndex(hashOf, hashed.hashes, hashed.count);
  return names.length ? new CombinedIndex([plain, hashedIndex]) : hashedIndex;
}
