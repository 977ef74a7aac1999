import { z } from 'zod';
import { SettingsSchema } from '../settings/schema';
import { PackBodySchema, checkPack } from './body-schema';

/**
 * A policy pack is data: which rules a school's policy enables, how severe each is, and the
 * clause of the policy each finding cites, quoted verbatim from the source document
 * (../shared/seeds/, or the school's own). Trust IT edits packs, not code. The keys themselves
 * are in body-schema.ts, which the settings schema also uses for a pack carried inline.
 */
export const PackSchema = PackBodySchema.extend({
  exampleSettings: SettingsSchema.optional().describe('organisation settings the examples are checked with'),
})
  .strict()
  .superRefine(checkPack);

export { ClauseSchema, ExampleSchema, OwnPackSchema, PackBodySchema, PackRuleSchema, checkPack } from './body-schema';
export type { Clause, Example, PackRule } from './body-schema';
export type Pack = z.infer<typeof PackSchema>;
