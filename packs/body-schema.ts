import { z } from 'zod';
import { ACCOUNTS, PLATFORMS, SEVERITIES } from '../rules/engine/ids';
import { RULE_IDS } from '../rules/engine/facts';
import { SOURCES } from './ids';

/**
 * The keys of a policy pack (schema.ts adds the example settings): kept apart so that the
 * settings schema can carry a school's own pack inline (`ownPack`) without an import cycle.
 */
export const ClauseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, "." and "-"'),
    section: z.string().min(1).describe('the section heading or clause number in the source document'),
    quote: z.string().min(12).describe('copied verbatim (whitespace aside) from the source document'),
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id')
      .describe(
        `which document the quote comes from: a built-in policy (${SOURCES.join(', ')}), or the pack's own id for the school's own document`,
      ),
    notCheckable: z
      .string()
      .min(3)
      .optional()
      .describe('why this clause cannot be checked from a draft (e.g. privacy settings, review dates)'),
  })
  .strict();

export const ExampleSchema = z
  .object({
    text: z.string().min(1),
    platform: z.enum(PLATFORMS).optional().describe('default facebook'),
    account: z.enum(ACCOUNTS).optional().describe('default personal'),
  })
  .strict();

const AccountOverride = z
  .object({
    severity: z.enum(SEVERITIES).optional(),
    clauses: z.array(z.string()).min(1).optional(),
  })
  .strict();

export const PackRuleSchema = z
  .object({
    severity: z.enum(SEVERITIES),
    clauses: z
      .array(z.string())
      .min(1)
      .describe('ids of the clauses this rule answers to; findings cite the first'),
    byAccount: z
      .object({ personal: AccountOverride.optional(), official: AccountOverride.optional() })
      .strict()
      .optional()
      .describe('a different severity or cited clause for one kind of account'),
    examples: z
      .object({ flag: z.array(ExampleSchema).min(1), pass: z.array(ExampleSchema).min(1) })
      .strict()
      .optional()
      .describe('drafts this rule must flag and must pass under this pack (run as tests)'),
  })
  .strict();

/** A pack's own keys, without the example settings (a settings file can carry a pack inline: `ownPack`). */
export const PackBodySchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"'),
    name: z.string().min(1).describe('the policy as users know it, e.g. "Aspire Social Media Policy (2023)"'),
    organisation: z.string().min(1),
    clauses: z.array(ClauseSchema).min(1),
    rules: z.partialRecord(z.enum(RULE_IDS), PackRuleSchema),
  })
  .strict();

/** What the shape alone cannot say: sources, unique clause ids, and rules citing clauses that exist. */
export function checkPack(pack: z.infer<typeof PackBodySchema>, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const sources: readonly string[] = SOURCES;
  pack.clauses.forEach((c, i) => {
    if (!sources.includes(c.source) && c.source !== pack.id)
      ctx.addIssue({
        code: 'custom',
        path: ['clauses', i, 'source'],
        message: `"${c.source}" is neither a built-in policy (${SOURCES.join(', ')}) nor this pack's own id ("${pack.id}")`,
      });
    if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['clauses', i, 'id'], message: `duplicate clause id "${c.id}"` });
    ids.add(c.id);
  });
  for (const [rule, r] of Object.entries(pack.rules)) {
    if (!r) continue;
    const cited = [...r.clauses, ...(r.byAccount?.personal?.clauses ?? []), ...(r.byAccount?.official?.clauses ?? [])];
    cited.forEach((id) => {
      if (!ids.has(id))
        ctx.addIssue({ code: 'custom', path: ['rules', rule, 'clauses'], message: `no clause with id "${id}"` });
    });
  }
}

/** A school's own pack, as a settings file carries it (`ownPack`): a pack without example settings. */
export const OwnPackSchema = PackBodySchema.superRefine(checkPack);

export type Clause = z.infer<typeof ClauseSchema>;
export type PackRule = z.infer<typeof PackRuleSchema>;
export type OwnPack = z.infer<typeof OwnPackSchema>;
export type Example = z.infer<typeof ExampleSchema>;

