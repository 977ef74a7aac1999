/**
 * The built-in packs' ids: the one list (packs/index.ts maps each to its file, messages and
 * schema descriptions print it). Every pack but `default` is a school's own policy, so those
 * are also the source documents a clause can quote (../shared/seeds/).
 */
export const BUILT_IN_PACK_IDS = ['default', 'coop', 'flourish', 'calcot', 'coton', 'aspire'] as const;

export type BuiltInPackId = (typeof BUILT_IN_PACK_IDS)[number];

export const SOURCES = BUILT_IN_PACK_IDS.filter((id): id is Exclude<BuiltInPackId, 'default'> => id !== 'default') as [
  Exclude<BuiltInPackId, 'default'>,
  ...Exclude<BuiltInPackId, 'default'>[],
];
export type SourceId = (typeof SOURCES)[number];

/** "default, coop, flourish, calcot, coton, aspire", for messages and schema descriptions. */
export const BUILT_IN_PACK_LIST = BUILT_IN_PACK_IDS.join(', ');
