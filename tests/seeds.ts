// The five policy documents the packs encode (../shared/seeds/), and the quote comparison of
// ../shared/tools/score.mjs, shared by the tests that check clause quotes are verbatim.
import { readFileSync } from 'node:fs';
import type { SourceId } from '../packs/ids';
import { normaliseQuote } from '../packs/draft/evaluate';

/** Which policy document each pack encodes (../shared/seeds/README.md). */
export const SOURCE_FILES: Record<SourceId, string> = {
  coop: '000_f92ab16481a2a513.txt',
  flourish: '001_9e36f09e64a7059c.txt',
  calcot: '002_35c5730769a0bdf8.txt',
  coton: '003_4811cb6a4d6851da.txt',
  aspire: '004_bcecf93d2005b914.txt',
};

const seedsDir = new URL('../../shared/seeds/', import.meta.url);

/** How a clause quote is compared with its source: the drafter's, which is score.mjs's. */
export { normaliseQuote };

export const rawSources = Object.fromEntries(
  Object.entries(SOURCE_FILES).map(([id, file]) => [id, readFileSync(new URL(file, seedsDir), 'utf8')]),
) as Record<SourceId, string>;

export const normalisedSources = Object.fromEntries(
  Object.entries(rawSources).map(([id, text]) => [id, normaliseQuote(text)]),
) as Record<SourceId, string>;
