/** compromise's English lexicon, to tell ordinary words ("price", "aspire") from names. */
import nlp from 'compromise';

type Lexicon = Record<string, string | undefined>;
type Expand = (words: Record<string, string>, world: unknown) => { lex: Lexicon };
const world = nlp.world() as unknown as {
  model: { one: { lexicon: Lexicon } };
  methods: { one: { expandLexicon: Expand }; two: { expandLexicon?: Expand } };
};
const live = world.model.one.lexicon;

// What compromise's own lexicon held for each word the engine added to it (undefined: nothing),
// so that what counts as an ordinary word does not depend on the pupil list (nor on whether it
// is hashed). (A copy of the whole lexicon, 25,000 words, took a tenth of a second of every
// worker start.)
const before = new Map<string, string | undefined>();

/**
 * Adds words to compromise's lexicon (nlp.addWords, the engine's only way to change it),
 * remembering first what it held for every entry they make (compromise also adds their
 * inflections), so lexiconTag still answers from compromise's own lexicon.
 */
export function addToLexicon(words: Readonly<Record<string, string>>): void {
  for (const expand of [world.methods.two.expandLexicon, world.methods.one.expandLexicon]) {
    if (!expand) continue;
    for (const word of Object.keys(expand({ ...words }, world).lex)) if (!before.has(word)) before.set(word, live[word]);
  }
  nlp.addWords({ ...words });
}

function ownTag(lower: string): string | undefined {
  return before.has(lower) ? before.get(lower) : live[lower];
}

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
    const tag = ownTag(word.toLowerCase());
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
