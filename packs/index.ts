/**
 * The six built-in policy packs, validated when first used. A pack file named in settings is
 * read by the caller (the CLI, or the options page) and passed to checkDraft.
 */
import { PackSchema, type Pack } from './schema';
import aspire from './aspire.json';
import calcot from './calcot.json';
import coop from './coop.json';
import coton from './coton.json';
import defaultPack from './default.json';
import flourish from './flourish.json';

const RAW: Record<string, unknown> = { default: defaultPack, coop, flourish, calcot, coton, aspire };

export const BUILT_IN_PACK_IDS = ['default', 'coop', 'flourish', 'calcot', 'coton', 'aspire'] as const;

const parsed = new Map<string, Pack>();

export function isBuiltInPack(id: string): boolean {
  return Object.hasOwn(RAW, id);
}

/** A built-in pack by id; throws on an unknown id (settings validation reports it first). */
export function builtInPack(id: string): Pack {
  let pack = parsed.get(id);
  if (!pack) {
    if (!isBuiltInPack(id)) throw new Error(`unknown pack "${id}": built-in packs are ${BUILT_IN_PACK_IDS.join(', ')}`);
    pack = PackSchema.parse(RAW[id]);
    parsed.set(id, pack);
  }
  return pack;
}
