// Shared by the tests: a school's settings (the fictional Halden Learning Trust of the labelled
// corpus) checked under the `default` pack, which enables every rule.
import { readFileSync } from 'node:fs';
import { checkDraft, type Finding } from '../rules';
import { SettingsSchema, type Settings } from '../settings/schema';
import type { Account, Platform, TextRuleId } from '../rules/engine/ids';

export const corpusSettings: Settings = SettingsSchema.parse(
  JSON.parse(readFileSync(new URL('./corpus/settings.json', import.meta.url), 'utf8')),
);
export const settings: Settings = { ...corpusSettings, pack: 'default' };

export interface Row {
  text: string;
  account?: Account;
  platform?: Platform;
  /** The excerpts the rule must mark, in order; [] means the rule must not fire. */
  marks: string[];
}

export function marksOf(rule: TextRuleId, row: Row): { findings: Finding[]; marks: string[] } {
  const findings = checkDraft(
    { text: row.text, account: row.account ?? 'personal', platform: row.platform ?? 'facebook' },
    settings,
  ).filter((f) => f.rule === rule);
  return { findings, marks: findings.map((f) => row.text.slice(f.start, f.end)) };
}
