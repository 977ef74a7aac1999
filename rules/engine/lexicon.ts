/** compromise's English lexicon, to tell ordinary words ("price", "aspire") from names. */
import nlp from 'compromise';

// A copy taken when this module loads, before any organisation's names are added to compromise's
// own lexicon (rules/engine/context.ts), so that what counts as an ordinary word does not depend
// on the pupil list (nor on whether it is hashed).
const lexicon: Record<string, string | undefined> = { ...(nlp.world() as { model: { one: { lexicon: Record<string, string | undefined> } } }).model.one.lexicon };

interface Known {
  readonly tag: string | undefined;
  readonly ordinary: boolean;
}

// What was looked up, by the word as given: rules ask about the same words many times a check
// (each a lower-casing and a look-up in a table of 25,000 words). Cleared when it grows large.
const known = new Map<string, Known>();
const KNOWN_MAX = 50_000;

function look(word: string): Known {
  let k = known.get(word);
  if (!k) {
    const tag = lexicon[word.toLowerCase()];
    k = { tag, ordinary: tag !== undefined && !/Name$/.test(tag) };
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(word, k);
  }
  return k;
}

/** The word's lexicon tag, if compromise knows it ("Singular", "Infinitive", "FemaleName"). */
export function lexiconTag(word: string): string | undefined {
  return look(word).tag;
}

/** Known to compromise as something other than a name. */
export function isOrdinaryWord(word: string): boolean {
  return look(word).ordinary;
}
