import { z } from 'zod';
import { PLATFORMS, SENSITIVITIES, SEVERITIES, THRESHOLDS } from '../rules/engine/ids';
import { RULE_IDS } from '../rules/engine/facts';
import { BUILT_IN_PACK_LIST, BUILT_IN_PACK_IDS } from '../packs/ids';
import { OwnPackSchema } from '../packs/body-schema';
import { NAME_HASH_SCHEME } from '../rules/engine/name-hash';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const handle = z
  .string()
  .regex(/^@?[A-Za-z0-9_.]{1,50}$/, 'must be a handle such as @PenricePrimary (letters, digits, _ and .)');
const hashtag = z.string().regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'must be a hashtag such as #PenricePride');

export const RuleSwitchSchema = z
  .object({
    enabled: z.boolean().optional().describe('false turns the rule off'),
    severity: z
      .enum(SEVERITIES)
      .optional()
      .describe('"block" means the post cannot be sent anyway; "warn" lets the user post anyway'),
    threshold: z
      .number()
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .optional()
      .describe("how sure (0 to 1) this rule's findings must be to be shown; overrides the sensitivity for this rule"),
  })
  .strict();

/**
 * The settings object of ../shared/spec/cli.md: the same JSON that trust IT puts in managed
 * storage. Every key is optional; unknown keys are errors (strict) so that a typo never
 * silently turns a check off.
 */
export const SettingsSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema reference, for editors'),
    pack: nonEmpty
      .optional()
      .describe(`a built-in pack id (${BUILT_IN_PACK_LIST}), the id of ownPack, or (command line) a path to a pack file`),
    ownPack: OwnPackSchema.refine((p) => !(BUILT_IN_PACK_IDS as readonly string[]).includes(p.id), {
      path: ['id'],
      message: `must not be a built-in pack's id (${BUILT_IN_PACK_LIST})`,
    })
      .optional()
      .describe(
        "the school's own policy pack, inline (as the options page or `second-look pack draft` makes it): in force when `pack` names its id, or when `pack` is not set",
      ),
    organisation: z
      .object({
        names: z.array(nonEmpty).optional().describe('names of the trust and its schools, as people write them'),
        hashtags: z.array(hashtag).optional().describe('official hashtags'),
        straplines: z.array(nonEmpty).optional().describe('straplines and mottos'),
        handles: z.array(handle).optional().describe("the organisation's own social media handles"),
      })
      .strict()
      .optional(),
    pupilNames: z.array(nonEmpty).optional().describe('pupil names (first name, or first name and surname)'),
    pupilNameHashes: z
      .union([
        z
          .object({
            scheme: z.literal(NAME_HASH_SCHEME).describe('how the hashes were derived: chained scrypt (see README, pupil list)'),
            salt: z.string().regex(/^(?:[0-9a-f]{2}){16,64}$/i, 'must be a hexadecimal salt of 16 to 64 bytes'),
            params: z
              .object({
                N: z.number().int().min(2 ** 10).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'must be a power of two').describe("scrypt's cost N"),
                r: z.number().int().min(1).max(32).describe("scrypt's block size r"),
                p: z.number().int().min(1).max(16).describe("scrypt's parallelism p"),
                rounds: z.number().int().min(1).max(64).describe('scrypt calls chained per name part'),
              })
              .strict(),
            hashes: z.array(z.string().regex(/^[0-9a-f]{16}$/, 'must be a 16-digit hexadecimal hash')),
            count: z.number().int().nonnegative().describe('how many names were hashed'),
          })
          .strict(),
        z
          .object({
            key: z.string().regex(/^(?:[0-9a-f]{2}){16,64}$/i, 'must be a hexadecimal key of 16 to 64 bytes'),
            hashes: z.array(z.string().regex(/^[0-9a-f]{16}$/, 'must be a 16-digit hexadecimal hash')),
            count: z.number().int().nonnegative().describe('how many names were hashed'),
          })
          .strict()
          .describe('the first format (HMAC under a stored key): still read, but cheap to reverse; hash the list again'),
      ])
      .optional()
      .describe('the pupil list as salted, memory-hard hashes (from `second-look roster` or the options page), never in plain text'),
    disclaimer: nonEmpty.optional().describe('the disclaimer staff add to personal posts that name the school'),
    logo: nonEmpty
      .optional()
      .describe("the school's logo, for logo-in-image: a data: URL of a PNG or JPEG image, or (command line) a path relative to the settings file"),
    allowedHandles: z
      .array(handle)
      .optional()
      .describe('handles of organisations that may be mentioned, added to the built-in allow-list'),
    sensitivity: z
      .enum(SENSITIVITIES)
      .optional()
      .describe(
        `how sure a finding must be to be shown: "strict" shows more (score at least ${THRESHOLDS.strict}), "balanced" is the default (${THRESHOLDS.balanced}), "relaxed" shows only the surest (${THRESHOLDS.relaxed})`,
      ),
    rules: z
      .partialRecord(z.enum(RULE_IDS), RuleSwitchSchema)
      .optional()
      .describe('per-rule switches: turn a rule off, change its severity or its threshold'),
    officialAccounts: z
      .array(
        z
          .object({
            platform: z.enum(PLATFORMS).describe('where the account posts'),
            name: nonEmpty.describe('the page name or @handle the site shows when posting as this account'),
          })
          .strict(),
      )
      .optional()
      .describe("the organisation's official accounts: drafts posted from them are checked as official"),
    locked: z
      .boolean()
      .optional()
      .describe('set by the organisation (managed policy): true locks the whole configuration, so staff cannot change any setting'),
    lockedRules: z
      .array(z.enum(RULE_IDS))
      .optional()
      .describe('rules that are always on and always block (no "Post anyway"), whatever the pack or the options page say'),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;
