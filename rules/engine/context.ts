/**
 * Everything a rule reads: the draft, its clean text and words, one compromise parse, and the
 * organisation's settings compiled into matchers. Built once per check; settings are compiled
 * once per settings object.
 */
import nlp from 'compromise';
import type { Settings } from '../../settings/schema';
import type { Draft } from './types';
import { normalise, type NormalisedText } from './normalise';
import { sentences, spacedTokens, tokenize, type Sentence, type Token } from './tokens';
import { compilePupils, PendingNames, type DerivedHashedPupils, type LegacyHashedPupils, type PupilIndex } from './pupils';
import { legacyHasherFor, type NameKdf } from './name-hash';
import { phrasePattern } from './match';
import { firstIndex } from './search';
import { addToLexicon } from './lexicon';

export interface Organisation {
  /** The organisation's names (trust and schools), or null when none is configured. */
  readonly names: RegExp | null;
  readonly hashtags: ReadonlySet<string>;
  readonly straplines: RegExp | null;
  /** Own handles, lower case without @. */
  readonly handles: ReadonlySet<string>;
  /** Handles settings add to the built-in allow-list, lower case without @. */
  readonly allowedHandles: ReadonlySet<string>;
  readonly disclaimer: RegExp | null;
  readonly disclaimerText?: string;
}

export interface CompiledSettings {
  readonly settings: Settings;
  readonly org: Organisation;
  readonly pupils: PupilIndex;
  /** Words the pupil list could not be searched for yet (their hashes are not derived): see check.ts. */
  readonly pendingNames: PendingNames;
  /** How the pupil list's hashes are derived, when it is hashed with a KDF. */
  readonly nameKdf: NameKdf | null;
}

const compiled = new WeakMap<Settings, CompiledSettings>();

const bare = (s: string, mark: string) => (s.startsWith(mark) ? s.slice(1) : s).toLowerCase();

function hashedPupils(settings: Settings): LegacyHashedPupils | DerivedHashedPupils | undefined {
  const roster = settings.pupilNameHashes;
  if (!roster) return undefined;
  if ('key' in roster) return { hasher: legacyHasherFor(roster.key), hashes: roster.hashes, count: roster.count };
  return { kdf: { scheme: roster.scheme, salt: roster.salt, params: roster.params }, hashes: roster.hashes, count: roster.count };
}

export function compileSettings(settings: Settings): CompiledSettings {
  const cached = compiled.get(settings);
  if (cached) return cached;
  const o = settings.organisation ?? {};
  const pendingNames = new PendingNames();
  const hashed = hashedPupils(settings);
  const clean = (s: string) => normalise(s).text;
  const result: CompiledSettings = {
    settings,
    org: {
      names: phrasePattern((o.names ?? []).map(clean)),
      hashtags: new Set((o.hashtags ?? []).map((h) => bare(clean(h), '#'))),
      straplines: phrasePattern((o.straplines ?? []).map(clean)),
      handles: new Set((o.handles ?? []).map((h) => bare(h, '@'))),
      allowedHandles: new Set((settings.allowedHandles ?? []).map((h) => bare(h, '@'))),
      disclaimer: settings.disclaimer ? phrasePattern([clean(settings.disclaimer)]) : null,
      disclaimerText: settings.disclaimer,
    },
    pupils: compilePupils(settings.pupilNames ?? [], hashed, pendingNames),
    pendingNames,
    nameKdf: (hashed && 'kdf' in hashed && hashed.kdf) || null,
  };
  compiled.set(settings, result);
  return result;
}

export interface RuleContext {
  readonly draft: Draft;
  readonly norm: NormalisedText;
  /** The clean text (see normalise.ts); rules' offsets index into it. */
  readonly text: string;
  /** `text` in lower case, same length. */
  readonly lower: string;
  /** `lower` with digits and symbols inside words read as letters ("m0r0n" -> "moron"), same length. */
  readonly folded: string;
  readonly tokens: readonly Token[];
  /** Words spelt out letter by letter, joined ("s o d" -> "sod"). */
  readonly spaced: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly settings: CompiledSettings;
  /** compromise's tags for the word starting at a clean-text offset. */
  tagsAt(offset: number): ReadonlySet<string>;
  /** The sentence containing a clean-text offset. */
  sentenceAt(offset: number): Sentence;
  /** The index in `sentences` of the sentence containing an offset (-1 between sentences). */
  sentenceIndexAt(offset: number): number;
}

const NO_TAGS: ReadonlySet<string> = new Set();

/** Lower-cases without changing length (a few characters, such as İ, grow when lower-cased). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i' };

/** Reads digits and symbols standing for letters as letters, inside the words that mix them. */
function foldLeet(lower: string, tokens: readonly Token[]): string {
  let out = '';
  let at = 0;
  for (const t of tokens) {
    if (!t.leet) continue;
    out += lower.slice(at, t.start) + lower.slice(t.start, t.end).replace(/[0-9@$!]/g, (c) => LEET[c] ?? c);
    at = t.end;
  }
  return at === 0 ? lower : out + lower.slice(at);
}

// The pupil names last added to compromise's lexicon (which is compromise's own, global).
let added: Readonly<Record<string, string>> | undefined;

/**
 * Adds the pupil names to compromise's lexicon, as nlp(text, lexicon) does on every call; adding
 * the same words again changes nothing, and costs a tenth of a short draft's parse, so the same
 * list is added once (another list in between, and it is added again, as before).
 */
function addToParser(lexicon: Readonly<Record<string, string>>): void {
  if (lexicon === added) return;
  addToLexicon(lexicon);
  added = lexicon;
}

/**
 * One compromise parse of the whole draft, the only NLP pass of a check. Paragraphs are parsed
 * one by one (compromise's time grows faster than linearly on long runs of white space, and a
 * paragraph break ends a sentence anyway). Terms are located in the clean text by walking
 * forward, which keeps offsets exact whatever compromise does with whitespace and punctuation.
 */
function parseTags(text: string, lexicon: Readonly<Record<string, string>>): Map<number, ReadonlySet<string>> {
  const tags = new Map<number, ReadonlySet<string>>();
  const breaks = /\s*\n\s*|\s{40,}/g;
  let from = 0;
  const parse = (start: number, end: number) => {
    const chunk = text.slice(start, end);
    if (!chunk.trim()) return;
    addToParser(lexicon);
    let cursor = 0;
    for (const sentence of nlp(chunk).document as { text: string; tags: Set<string> }[][]) {
      for (const term of sentence) {
        if (!term.text) continue;
        const at = chunk.indexOf(term.text, cursor);
        if (at < 0) continue;
        tags.set(start + at, term.tags);
        cursor = at + term.text.length;
      }
    }
  };
  for (const m of text.matchAll(breaks)) {
    parse(from, m.index);
    from = m.index + m[0].length;
  }
  parse(from, text.length);
  return tags;
}

/** Binary search: sentences are sorted and disjoint. */
function sentenceIndex(sents: readonly Sentence[], offset: number): number {
  const i = firstIndex(sents.length, (k) => sents[k]!.end > offset);
  return i < sents.length && sents[i]!.start <= offset ? i : -1;
}

export function buildContext(draft: Draft, settings: Settings): RuleContext {
  const compiledSettings = compileSettings(settings);
  const norm = normalise(draft.text);
  const text = norm.text;
  const tokens = tokenize(text);
  const sents = sentences(text);
  const tags = parseTags(text, compiledSettings.pupils.lexicon);
  const whole = { start: 0, end: text.length };
  const lower = lowerSameLength(text);
  return {
    draft,
    norm,
    text,
    lower,
    folded: foldLeet(lower, tokens),
    tokens,
    spaced: spacedTokens(text, tokens),
    sentences: sents,
    settings: compiledSettings,
    tagsAt: (offset) => tags.get(offset) ?? NO_TAGS,
    sentenceIndexAt: (offset) => sentenceIndex(sents, offset),
    sentenceAt: (offset) => sents[sentenceIndex(sents, offset)] ?? whole,
  };
}
