/** Compiles the pattern lists kept as data into regular expressions, once (their literal starts are read on first use: prefilter.ts). */
import school from '../data/school.json';
import { prefiltered } from './prefilter';

export function anyOf(sources: readonly string[], flags = 'giu'): RegExp {
  // A leading \b lets the regular-expression engine skip ahead far faster than a look-behind;
  // it is equivalent where every alternative starts with an ASCII letter or digit.
  const lead = sources.every((s) => /^(?:\(\?:)?[A-Za-z0-9\\]/.test(s) && !/^\\[pu]/.test(s)) ? '\\b' : '(?<![\\p{L}\\p{N}])';
  return prefiltered(`${lead}(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

export const SCHOOL_POINTERS = anyOf(school.pointers);
export const DISCLAIMERS = anyOf(school.disclaimers, 'iu');
export const SPEAKING_AS = anyOf(school.speakingAs);
/** A year group ("Year 4", "Y5s", "Blwyddyn 6"), and a named class ("Class Oak": case matters). */
export const YEAR_GROUP = new RegExp(`(?<![\\p{L}\\p{N}])${school.yearGroup}(?![\\p{L}\\p{N}])`, 'giu');
export const CLASS_NAMED = anyOf(school.classNamed, 'gu');

/** A word list as the alternatives of a pattern (the words may hold pattern syntax: "parents?"). */
export const alt = (words: readonly string[]): string => words.join('|');

/** The "speaking as <organisation>" patterns, with the organisation's names put in. */
export function speakingAsOrg(names: RegExp | null): RegExp | null {
  if (!names) return null;
  const org = names.source.replace(/^\(\?<!\[\\p\{L\}\\p\{N\}\]\)/, '').replace(/\(\?!\[\\p\{L\}\\p\{N\}\]\)$/, '');
  return anyOf(school.speakingAsOrg.map((p) => p.replaceAll('ORG', `(?:${org})`)));
}

/** Every match of a global pattern, as [start, end) spans. */
export function spans(re: RegExp, text: string): { start: number; end: number; text: string }[] {
  const out = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}
