/** The platforms, account types, severities and sensitivities drafts and findings carry (../shared/spec/cli.md). */
export const PLATFORMS = ['facebook', 'x', 'instagram'] as const;
export const ACCOUNTS = ['personal', 'official'] as const;
export const SEVERITIES = ['block', 'warn'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Account = (typeof ACCOUNTS)[number];
export type Severity = (typeof SEVERITIES)[number];

/** How sure a finding must be to be shown (settings `sensitivity`); balanced is the default. */
export const SENSITIVITIES = ['strict', 'balanced', 'relaxed'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** The score (0 to 1) a finding needs to be reported, by sensitivity. */
export const THRESHOLDS: Readonly<Record<Sensitivity, number>> = { strict: 0.3, balanced: 0.5, relaxed: 0.7 };
