// Shared by the tests: a school's settings (the fictional Halden Learning Trust of the labelled
// corpus) checked under the `default` pack, which enables every rule.
import { readFileSync } from 'node:fs';
import { checkDraft, checkImages, type Draft, type Finding, type ImageAnalysis } from '../rules';
import { packFor } from '../packs';
import { SettingsSchema, type Settings } from '../settings/schema';

export const corpusSettings: Settings = SettingsSchema.parse(
  JSON.parse(readFileSync(new URL('./corpus/settings.json', import.meta.url), 'utf8')),
);
export const settings: Settings = { ...corpusSettings, pack: 'default' };

/** checkDraft under the pack the settings name (the built-in `default` when none). */
export function check(draft: Draft, s: Settings = {}): Finding[] {
  return checkDraft(draft, s, { pack: packFor(s) });
}

/** checkImages under the pack the settings name (the built-in `default` when none). */
export function checkImagesOf(analyses: readonly ImageAnalysis[], draft: Draft, s: Settings = {}): Finding[] {
  return checkImages(analyses, draft, s, { pack: packFor(s) });
}
