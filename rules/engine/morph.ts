/**
 * The forms of a lemma, from compromise's own inflection (the same model that parses drafts), so
 * word lists name a lemma once ("diagnose", "exclusion", "rota") and match every form of it.
 */
import nlp from 'compromise';

type Inflect = (word: string, model: unknown) => string[];
const world = nlp.world() as unknown as {
  model: unknown;
  methods: { two: { transform: { noun: { all: Inflect }; verb: { all: Inflect }; adjective: { all: Inflect } } } };
};
const { noun, verb } = world.methods.two.transform;

/**
 * A phrase and its inflected forms: the last word of a phrase inflected as a noun (and, for
 * `verbs`, as a verb too), lower case. Words compromise cannot inflect are kept as they are.
 */
export function forms(phrase: string, { verbs = false } = {}): string[] {
  const words = phrase.toLowerCase().split(' ');
  const last = words.pop()!;
  const out = new Set<string>([last]);
  if (/^[a-z]+$/.test(last)) {
    for (const f of noun.all(last, world.model)) out.add(f.toLowerCase());
    if (verbs) for (const f of verb.all(last, world.model)) out.add(f.toLowerCase());
  }
  return [...out].map((f) => [...words, f].join(' '));
}
