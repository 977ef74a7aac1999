/**
 * The drafts, pack and settings bench:text and profile:text check: every text rule of the default
 * pack with tests/corpus/settings.json (an organisation, a disclaimer and 30 pupils), on drafts of
 * any length cut from the labelled corpus.
 */
import { readFileSync } from 'node:fs';
import { builtInPack } from '../packs';
import { SettingsSchema } from '../settings/schema';

const corpus = readFileSync(new URL('../tests/corpus/labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

export const settings = SettingsSchema.parse({
  ...JSON.parse(readFileSync(new URL('../tests/corpus/settings.json', import.meta.url), 'utf8')),
  pack: 'default',
});
export const pack = builtInPack('default');

/** A draft of `length` characters: the corpus's drafts from `offset` on, joined and cut. */
export function draftOf(length: number, offset: number): string {
  let text = '';
  for (let i = offset; text.length < length; i++) text += corpus[i % corpus.length] + ' ';
  return text.slice(0, length);
}
