/** The platforms, account types and severities drafts and findings carry (../shared/spec/cli.md). */
export const PLATFORMS = ['facebook', 'x', 'instagram'] as const;
export const ACCOUNTS = ['personal', 'official'] as const;
export const SEVERITIES = ['block', 'warn'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Account = (typeof ACCOUNTS)[number];
export type Severity = (typeof SEVERITIES)[number];
