/**
 * The six built-in policy packs, validated when first used. A pack file named in settings is
 * read by the caller (the CLI, or the options page) and passed to checkDraft.
 */
import { PackSchema, type Pack } from './schema';
import { BUILT_IN_PACK_IDS, BUILT_IN_PACK_LIST, type BuiltInPackId } from './ids';
import aspire from './aspire.json';
import calcot from './calcot.json';
import coop from './coop.json';
import coton from './coton.json';
import defaultPack from './default.json';
import flourish from './flourish.json';

export { BUILT_IN_PACK_IDS };

// Typed by the id list, so a pack added there without its file (or the reverse) does not compile.
const RAW: Record<BuiltInPackId, unknown> = { default: defaultPack, coop, flourish, calcot, coton, aspire };

const parsed = new Map<string, Pack>();

export function isBuiltInPack(id: string): id is BuiltInPackId {
  return Object.hasOwn(RAW, id);
}

/** A built-in pack by id; throws on an unknown id (settings validation reports it first). */
export function builtInPack(id: string): Pack {
  let pack = parsed.get(id);
  if (!pack) {
    if (!isBuiltInPack(id)) throw new Error(`unknown pack "${id}": built-in packs are ${BUILT_IN_PACK_LIST}`);
    pack = PackSchema.parse(RAW[id]);
    parsed.set(id, pack);
  }
  return pack;
}

/** The pack settings name: their own pack (`ownPack`) when `pack` names it or nothing, a built-in id, or the default pack. */
export function packFor(settings: { pack?: string; ownPack?: Omit<Pack, 'exampleSettings'> }): Pack {
  const own = settings.ownPack;
  if (own && (settings.pack ?? own.id) === own.id) return own;
  return builtInPack(settings.pack ?? 'default');
}

/** The policy a clause comes from, as its readers know it ("Aspire Social Media Policy (2023)"). */
export function policyName(source: string): string {
  return isBuiltInPack(source) ? builtInPack(source).name : source;
}
