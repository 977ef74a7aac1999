/**
 * The options form as plain data, and the way between it and a settings object: text boxes hold
 * one entry a line, the organisation's settings merge over the page's own, pupil names are
 * hashed before anything is kept, and each validation issue is placed next to the field it
 * concerns. No Preact here: the components (Options.tsx and the field components) render it.
 */
import { isBuiltInPack } from '../../packs';
import type { Platform, Sensitivity, Severity } from '../../rules/engine/ids';
import type { RuleId } from '../../rules/engine/facts';
import { hashPupilNames, type HashOptions } from '../../settings/roster';
import type { Settings } from '../../settings/schema';
import { mergeSettings, type SettingsState } from '../../settings/resolve';
import { jsonPath, validateSettings, type Issue } from '../../settings/validate';

export const LIST_FIELDS = ['organisation.names', 'organisation.hashtags', 'organisation.straplines', 'organisation.handles', 'allowedHandles'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface FormState {
  pack: string;
  lists: Record<ListField, string>;
  disclaimer: string;
  officialAccounts: { platform: Platform; name: string }[];
  /** '' when the settings leave it to the default (balanced). */
  sensitivity: Sensitivity | '';
  rules: Partial<Record<RuleId, { enabled?: boolean; severity?: Severity; threshold?: number }>>;
  pupilNameHashes: NonNullable<Settings['pupilNameHashes']> | null;
  /**
   * Kept as they are (set elsewhere): plain names for trying things out and locks (from an
   * imported file), and the school's own pack (drafted in "Use our own policy").
   */
  rest: Pick<Settings, 'pupilNames' | 'lockedRules' | 'ownPack'>;
}

/** A change to the form, as the field components make it. */
export type Update = (change: (form: FormState) => FormState) => void;

/** The line under the Save button. */
export type Status = { kind: 'ok' | 'bad' | 'info'; text: string } | null;

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function listOf(settings: Settings, field: ListField): string[] | undefined {
  if (field === 'allowedHandles') return settings.allowedHandles;
  const key = field.slice('organisation.'.length) as keyof NonNullable<Settings['organisation']>;
  return settings.organisation?.[key];
}

export function formFromSettings(settings: Settings): FormState {
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, (listOf(settings, f) ?? []).join('\n')])) as Record<ListField, string>;
  return {
    pack: settings.pack ?? 'default',
    lists,
    disclaimer: settings.disclaimer ?? '',
    officialAccounts: settings.officialAccounts?.map((a) => ({ ...a })) ?? [],
    sensitivity: settings.sensitivity ?? '',
    rules: structuredClone(settings.rules ?? {}),
    pupilNameHashes: settings.pupilNameHashes ?? null,
    rest: {
      ...(settings.pupilNames ? { pupilNames: settings.pupilNames } : {}),
      ...(settings.lockedRules ? { lockedRules: settings.lockedRules } : {}),
      ...(settings.ownPack ? { ownPack: settings.ownPack } : {}),
    },
  };
}

/** The settings object the form describes (not yet validated). Empty fields are left out. */
export function settingsFromForm(form: FormState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (form.pack && form.pack !== 'default') out.pack = form.pack;
  const organisation: Record<string, string[]> = {};
  for (const field of LIST_FIELDS) {
    const values = lines(form.lists[field]);
    if (!values.length) continue;
    if (field === 'allowedHandles') out.allowedHandles = values;
    else organisation[field.slice('organisation.'.length)] = values;
  }
  if (Object.keys(organisation).length) out.organisation = organisation;
  if (form.disclaimer.trim()) out.disclaimer = form.disclaimer.trim();
  const accounts = form.officialAccounts.filter((a) => a.name.trim());
  if (accounts.length) out.officialAccounts = accounts.map((a) => ({ platform: a.platform, name: a.name.trim() }));
  if (form.sensitivity) out.sensitivity = form.sensitivity;
  const rules = Object.fromEntries(
    Object.entries(form.rules)
      .map(([id, r]) => [id, Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => v !== undefined))] as const)
      .filter(([, r]) => Object.keys(r).length > 0),
  );
  if (Object.keys(rules).length) out.rules = rules;
  if (form.pupilNameHashes) out.pupilNameHashes = form.pupilNameHashes;
  Object.assign(out, form.rest);
  return out;
}

/**
 * The field an issue belongs to, as the options page names its fields: "pack", "disclaimer",
 * "organisation.names", "officialAccounts", "rules.<id>", "pupilNameHashes"; or "file" when the
 * issue is about no field the page has (an unknown key, say).
 */
export function fieldOf(path: Issue['path']): string {
  const [first, second] = path;
  if (first === 'organisation' && typeof second === 'string' && (LIST_FIELDS as readonly string[]).includes(`organisation.${second}`))
    return `organisation.${second}`;
  if (first === 'rules' && typeof second === 'string' && path.length > 2) return `rules.${second}`;
  if (first === 'pupilNames') return 'pupilNameHashes';
  // The own pack is chosen, and its problems shown, with the pack.
  if (first === 'ownPack') return 'pack';
  if (['pack', 'disclaimer', 'sensitivity', 'allowedHandles', 'officialAccounts', 'pupilNameHashes', 'lockedRules'].includes(String(first)) && path.length >= 1)
    return String(first);
  return 'file';
}

/** An issue in words for beside its field: which line or entry, what is wrong, and its JSON path. */
export function describeIssue(issue: Issue): string {
  const [first, second, third] = issue.path;
  let where = '';
  if (first === 'organisation' && typeof third === 'number') where = `line ${third + 1}: `;
  else if ((first === 'allowedHandles' || first === 'officialAccounts') && typeof second === 'number') where = `${first === 'allowedHandles' ? 'line' : 'account'} ${second + 1}: `;
  return `${where}${issue.message} (${jsonPath(issue.path)})`;
}

export function groupIssues(issues: Issue[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    byField.set(field, [...(byField.get(field) ?? []), describeIssue(issue)]);
  }
  return byField;
}

/** The form for the settings in force: the organisation's over the page's own. */
export function formFromState(state: SettingsState): FormState {
  const merged = mergeSettings(state.local, state.managed);
  const form = formFromSettings(merged);
  // Plain names and locks in the form are only ever the page's own (never the organisation's);
  // the own pack is the one in force, so that the rules table shows its rules.
  const { ownPack: _own, ...local } = formFromSettings(state.local).rest;
  form.rest = { ...local, ...(merged.ownPack ? { ownPack: merged.ownPack } : {}) };
  return form;
}

/**
 * Plain pupil names (from an imported file) become hashes before anything is kept: added to the
 * list's own salt, or a new list where there is none (or only one in the first, cheap format,
 * which cannot take new names without weakening them).
 */
export async function hashPlainNames(form: FormState, options: Omit<HashOptions, 'salt'> = {}): Promise<FormState> {
  const names = form.rest.pupilNames;
  if (!names?.length) return form;
  const existing = form.pupilNameHashes && 'scheme' in form.pupilNameHashes ? form.pupilNameHashes : null;
  const added = await hashPupilNames(names, { ...options, ...(existing ? { salt: existing.salt, params: existing.params } : {}) });
  const hashes = existing ? [...new Set([...existing.hashes, ...added.hashes])].sort() : added.hashes;
  const { pupilNames: _plain, ...rest } = form.rest;
  return { ...form, rest, pupilNameHashes: { ...added, hashes, count: (existing?.count ?? 0) + added.count } };
}

/** What Save stores for the form: pupil names hashed, the organisation's fields left as they were. */
export async function settingsToSave(form: FormState, state: SettingsState): Promise<Record<string, unknown>> {
  return keepOrganisationFields(settingsFromForm(await hashPlainNames(form)), state);
}

/** What stops Save: the settings' own issues, and a pack that is neither built in nor the imported file. */
export function candidateIssues(candidate: Record<string, unknown>, packFileName: string | undefined): Issue[] {
  const issues: Issue[] = [];
  const checked = validateSettings(candidate);
  if (!checked.settings) issues.push(...checked.issues);
  const pack = candidate.pack;
  const own = (candidate.ownPack as { id?: unknown } | undefined)?.id;
  if (typeof pack === 'string' && !isBuiltInPack(pack) && packFileName !== pack && own !== pack)
    issues.push({ path: ['pack'], message: `"${pack}" is not a built-in pack: import the pack file of that name, or draft your own policy's pack` });
  return issues;
}

/**
 * The settings in force as a settings object, for a managed deployment file: the hashed pupil
 * list; plain names (for trying things out) are left out, not hashed (that takes seconds a name).
 */
export function settingsInForce(state: SettingsState): Settings {
  const form = formFromSettings(mergeSettings(state.local, state.managed));
  const { pupilNames: _plain, ...rest } = form.rest;
  return validateSettings(settingsFromForm({ ...form, rest })).settings ?? {};
}

/** The settings in force as a settings file (pupil names only as hashes; the own pack inline). */
export async function exportedSettings(state: SettingsState): Promise<string> {
  const settings = validateSettings(settingsFromForm(await hashPlainNames(formFromSettings(mergeSettings(state.local, state.managed))))).settings ?? {};
  return JSON.stringify(settings, null, 2) + '\n';
}

/**
 * The organisation's fields stay as the page's own saved values: what the organisation set is
 * in force anyway, and must not be copied into the page's settings.
 */
function keepOrganisationFields(candidate: Record<string, unknown>, state: SettingsState): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(candidate);
  const local = state.local as Record<string, unknown>;
  for (const field of state.lockedFields) {
    const [key, sub] = field.split('.') as [string, string | undefined];
    if (!sub) {
      if (local[key] === undefined) delete out[key];
      else out[key] = local[key];
      continue;
    }
    const mine = (local[key] as Record<string, unknown> | undefined)?.[sub];
    const target = { ...(out[key] as Record<string, unknown> | undefined) };
    if (mine === undefined) delete target[sub];
    else target[sub] = mine;
    if (Object.keys(target).length) out[key] = target;
    else delete out[key];
  }
  return out;
}
