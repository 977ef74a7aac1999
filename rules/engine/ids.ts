/**
 * The stable rule ids of ../shared/spec/rules.md. Tests, the CLI, the popup, packs and the
 * evaluation corpus all use these; never rename one.
 */
export const TEXT_RULE_IDS = [
  'branding',
  'child-name',
  'complaint',
  'confidential',
  'contact',
  'derogatory',
  'disclaimer',
  'location',
  'political',
  'tagging',
] as const;

/** Rules that look at attached images (`location` has a text part and an image part). */
export const IMAGE_RULE_IDS = ['logo-in-image', 'location', 'name-in-image', 'pupil-photo'] as const;

export const RULE_IDS = [
  'branding',
  'child-name',
  'complaint',
  'confidential',
  'contact',
  'derogatory',
  'disclaimer',
  'location',
  'logo-in-image',
  'name-in-image',
  'political',
  'pupil-photo',
  'tagging',
] as const;

export type TextRuleId = (typeof TEXT_RULE_IDS)[number];
export type RuleId = (typeof RULE_IDS)[number];
export type ImageRuleId = (typeof IMAGE_RULE_IDS)[number];

export const PLATFORMS = ['facebook', 'x', 'instagram'] as const;
export const ACCOUNTS = ['personal', 'official'] as const;
export const SEVERITIES = ['block', 'warn'] as const;
export const SOURCES = ['coop', 'flourish', 'calcot', 'coton', 'aspire'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Account = (typeof ACCOUNTS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type SourceId = (typeof SOURCES)[number];
