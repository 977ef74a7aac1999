/**
 * The pupil list as a look-up index. Names match in any case and possessive form, and with one
 * letter wrong (missed, extra, swapped or replaced: "Ciaran"/"Kiaran", "Lucai"), which an
 * index of one-letter deletions finds without comparing every word with every name.
 */
import { deletions, editDistance } from './match';
import { normalise } from './normalise';
import wordNamesData from './data/word-names.json';

export const WORD_NAMES: ReadonlySet<string> = new Set(wordNamesData.words);

export interface PupilName {
  /** As configured, e.g. "Olivia Smith". */
  readonly display: string;
  readonly first: string;
  readonly surname?: string;
}

export interface PupilIndex {
  readonly size: number;
  /** First-name key -> the pupils with that first name. */
  readonly byFirst: ReadonlyMap<string, readonly PupilName[]>;
  /** Surname keys, to recognise "Olivia Smith" as one name and not a different person. */
  readonly surnames: ReadonlySet<string>;
  /** One-deletion variant -> first-name keys, for one-letter misspellings. */
  readonly fuzzy: ReadonlyMap<string, readonly string[]>;
  /** For compromise: pupil names tagged as names, so the parser reads them as people. */
  readonly lexicon: Readonly<Record<string, string>>;
}

/** A name part as the engine compares it: clean (accents, look-alikes folded), lower case. */
export function nameKey(part: string): string {
  return normalise(part).text.toLowerCase().replace(/['\u2019.]/g, '');
}

export function compilePupils(names: readonly string[]): PupilIndex {
  const byFirst = new Map<string, PupilName[]>();
  const surnames = new Set<string>();
  const fuzzy = new Map<string, string[]>();
  const lexicon: Record<string, string> = {};
  for (const display of names) {
    const parts = display.trim().split(/\s+/).map(nameKey).filter(Boolean);
    if (parts.length === 0) continue;
    // "Mary-Jane" is written as one name but read word by word.
    const firstParts = parts[0]!.split('-').filter((p) => p.length >= 2);
    const surname = parts.length > 1 ? parts[parts.length - 1] : undefined;
    for (const first of firstParts) {
      const pupil: PupilName = { display, first, surname };
      const list = byFirst.get(first) ?? [];
      list.push(pupil);
      byFirst.set(first, list);
      lexicon[first] = 'FirstName';
      if (first.length >= 4) {
        for (const variant of deletions(first)) {
          const keys = fuzzy.get(variant) ?? [];
          if (!keys.includes(first)) keys.push(first);
          fuzzy.set(variant, keys);
        }
      }
    }
    if (surname) {
      for (const s of surname.split('-')) if (s.length >= 2) surnames.add(s);
      lexicon[surname] ??= 'LastName';
    }
  }
  return { size: byFirst.size, byFirst, surnames, fuzzy, lexicon };
}

export interface NameMatch {
  readonly first: string;
  readonly pupils: readonly PupilName[];
  /** 0 for an exact match, 1 for one letter wrong. */
  readonly distance: number;
}

export function matchExact(index: PupilIndex, key: string): NameMatch | null {
  const pupils = index.byFirst.get(key);
  return pupils ? { first: key, pupils, distance: 0 } : null;
}

/** A first name one letter away from `key`, if exactly one pupil name is that close. */
export function matchFuzzy(index: PupilIndex, key: string): NameMatch | null {
  if (key.length < 4) return null;
  const candidates = new Set<string>();
  for (const variant of deletions(key)) for (const first of index.fuzzy.get(variant) ?? []) candidates.add(first);
  let found: NameMatch | null = null;
  for (const first of candidates) {
    if (editDistance(key, first, 1) <= 1) {
      if (found) return null; // two names equally close: too ambiguous to say which pupil
      found = { first, pupils: index.byFirst.get(first) ?? [], distance: 1 };
    }
  }
  return found;
}
