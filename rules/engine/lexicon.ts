/** compromise's English lexicon, to tell ordinary words ("price", "aspire") from names. */
import nlp from 'compromise';

// A copy taken when this module loads, before any organisation's names are added to compromise's
// own lexicon (rules/engine/context.ts), so that what counts as an ordinary word does not depend
// on the pupil list (nor on whether it is hashed).
const lexicon: Record<string, string | undefined> = { ...(nlp.world() as { model: { one: { lexicon: Record<string, string | undefined> } } }).model.one.lexicon };

/** The word's lexicon tag, if compromise knows it ("Singular", "Infinitive", "FemaleName"). */
export function lexiconTag(word: string): string | undefined {
  return lexicon[word.toLowerCase()];
}

/** Known to compromise as something other than a name. */
export function isOrdinaryWord(word: string): boolean {
  const tag = lexiconTag(word);
  return tag !== undefined && !/Name$/.test(tag);
}
