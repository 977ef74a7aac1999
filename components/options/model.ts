/**
 * The options form as plain data, and the way between it and a settings object: text boxes hold
 * one entry a line, and each validation issue is placed next to the field it concerns.
 */
import type { Platform, RuleId, Severity } from '../../rules/ids';
import type { PupilNameHashes } from '../../rules/roster';
import type { Settings } from '../../rules/settings';
import { jsonPath, type Issue } from '../../settings/validate';

export const LIST_FIELDS = ['organisation.names', 'organisation.hashtags', 'organisation.straplines', 'organisation.handles', 'allowedHandles'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface FormState {
  pack: string;
  lists: Record<ListField, string>;
  disclaimer: string;
  officialAccounts: { platform: Platform; name: string }[];
  rules: Partial<Record<RuleId, { enabled?: boolean; severity?: Severity }>>;
  pupilNameHashes: PupilNameHashes | null;
  /** Kept as they are (set elsewhere, e.g. in an imported file): plain names for trying things out, locks. */
  rest: Pick<Settings, 'pupilNames' | 'lockedRules'>;
}

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
    rules: structuredClone(settings.rules ?? {}),
    pupilNameHashes: settings.pupilNameHashes ?? null,
    rest: {
      ...(settings.pupilNames ? { pupilNames: settings.pupilNames } : {}),
      ...(settings.lockedRules ? { lockedRules: settings.lockedRules } : {}),
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
  if (['pack', 'disclaimer', 'allowedHandles', 'officialAccounts', 'pupilNameHashes', 'lockedRules'].includes(String(first)) && path.length >= 1)
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
