/**
 * Deriving the hashed pupil list's keys for the words of the drafts being written (the
 * derivation is memory-hard and takes about a second a word: rules/engine/name-hash.ts), one
 * word at a time, in the background worker, in memory only.
 *
 * Each composer asks for the words its latest check could not look up; a word no draft wants
 * any more (typed on past: "Oli", "Oliv") is dropped before it is derived. The newest request's
 * words go first, and a word's exact look-up before its one-letter deletions.
 */
import { derivedNameKeys, deriveNameKey, kdfId, type NameKdf } from '../rules/engine/name-hash';

const wanted = new Map<string, { kdf: NameKdf; words: string[] }>();
const waiters = new Set<() => void>();
let running = false;
/** Goes up each time a key is derived, so checkers' caches made before it are not reused. */
let generation = 0;

export function namesGeneration(): number {
  return generation;
}

/** The words this composer's latest check could not look up (replacing what it asked before). */
export function wantNames(composer: string, kdf: NameKdf, words: readonly string[]): void {
  const id = kdfId(kdf);
  const missing = words.filter((w) => !derivedNameKeys.get(id, w));
  wanted.delete(composer);
  if (missing.length) wanted.set(composer, { kdf, words: missing });
  if (!running) void drain();
}

export function forgetNames(composer: string): void {
  wanted.delete(composer);
}

function next(): { kdf: NameKdf; word: string } | null {
  // Most recently asked first (a Map keeps insertion order; wantNames re-inserts).
  for (const [composer, entry] of [...wanted].reverse()) {
    const id = kdfId(entry.kdf);
    entry.words = entry.words.filter((w) => !derivedNameKeys.get(id, w));
    if (entry.words.length === 0) {
      wanted.delete(composer);
      continue;
    }
    return { kdf: entry.kdf, word: entry.words[0]! };
  }
  return null;
}

function isWanted(kdf: NameKdf, word: string): boolean {
  const id = kdfId(kdf);
  return [...wanted.values()].some((entry) => kdfId(entry.kdf) === id && entry.words.includes(word));
}

async function drain(): Promise<void> {
  running = true;
  try {
    for (let job = next(); job; job = next()) {
      const { kdf, word } = job;
      // A word typed on past ("Oliv" of "Olivia") is given up between two scrypt calls.
      const derived = await deriveNameKey(word, kdf, () => !isWanted(kdf, word));
      if (!derived) continue;
      derivedNameKeys.set(kdfId(kdf), word, derived);
      generation++;
      for (const wake of [...waiters]) wake();
    }
  } finally {
    running = false;
    for (const wake of [...waiters]) wake();
  }
}

/** Resolves once every word is derived, or after `ms`, whichever comes first. */
export function waitForNames(kdf: NameKdf, words: readonly string[], ms: number): Promise<void> {
  const id = kdfId(kdf);
  const done = () => words.every((w) => derivedNameKeys.get(id, w));
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      waiters.delete(check);
      resolve();
    };
    const check = () => {
      if (done() || !running) finish();
    };
    const timer = setTimeout(finish, ms);
    waiters.add(check);
  });
}
