/**
 * What settings are in force, worked out from what is stored: the options page's settings
 * (storage.local), the organisation's (storage.managed, pushed through browser policy) and an
 * imported pack file. Pure, so the rules of precedence are tested without a browser; store.ts
 * does the reading and writing, and content, popup, options and background all go through it.
 *
 * - Managed values win over local ones, key by key (`organisation.*` and `rules.<id>` one by one).
 * - Managed `locked: true` locks everything: local settings are not used at all.
 * - `lockedRules` rules are always on and always block, so the gate offers no "Post anyway".
 * - A source that fails validation is never used, and never turns checking off: the last good
 *   settings from that source stay in force (or none, so the default pack), and the problem is
 *   reported with its JSON path for the popup and the options page to show.
 */
import { builtInPack, isBuiltInPack } from '../packs';
import type { Pack } from '../packs/schema';
import { BUILT_IN_PACK_LIST } from '../packs/ids';
import { THRESHOLDS, type Platform } from '../rules/engine/ids';
import type { RuleId } from '../rules/engine/facts';
import type { Settings } from './schema';
import { validatePack, validateSettings, type Issue } from './validate';

export type SettingsSource = 'local' | 'managed';

export interface SettingsProblem extends Issue {
  /** Which stored object has the problem: the options page's, the organisation's, or the pack file. */
  source: SettingsSource | 'pack-file';
  /** What was done about it, in plain words. */
  fallback: string;
}

/** A pack file imported in the options page; `settings.pack` names it by its file name. */
export interface PackFile {
  name: string;
  pack: Pack;
}

/** What storage holds, as read. */
export interface StoredSettings {
  /** storage.local `settings` (undefined when never saved). */
  local?: unknown;
  /** storage.managed's whole contents; null when the browser has no managed storage. */
  managed: Record<string, unknown> | null;
  /** storage.local `packFile`. */
  packFile?: unknown;
  /** The last settings from each source that passed validation. */
  lastGood?: { local?: unknown; managed?: unknown };
}

export interface SettingsState {
  /** What drafts are checked with: managed over local, locks applied. */
  settings: Settings;
  /** The pack in force. */
  pack: Pack;
  /** The pack object itself when it is not built in (the settings' ownPack, or an imported pack file), else null. */
  customPack: Pack | null;
  /** The options page's settings in force (the last good ones when the stored ones are broken). */
  local: Settings;
  /** The organisation's settings in force ({} when there are none). */
  managed: Settings;
  /** Whether the organisation sets anything. */
  isManaged: boolean;
  /** Whether the organisation locked the whole configuration. */
  locked: boolean;
  /**
   * Settings fields the organisation set, which the options page shows locked: top-level keys
   * ("pack", "disclaimer"), "organisation.<key>" and "rules.<id>".
   */
  lockedFields: string[];
  /** Problems with what is stored, each with what was done instead. */
  problems: SettingsProblem[];
  /** Valid settings to remember as the last good ones (store.ts writes them). */
  remember: { local?: Settings; managed?: Settings };
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * One source's settings in force: the stored ones if valid, else the last good ones, else (for
 * the organisation's) every field that is valid on its own, else none.
 */
function inForce(
  source: SettingsSource,
  stored: unknown,
  lastGood: unknown,
  problems: SettingsProblem[],
  remember: SettingsState['remember'],
): Settings {
  if (stored === undefined || isEmptyObject(stored)) return {};
  const checked = validateSettings(stored);
  if (checked.settings) {
    remember[source] = checked.settings;
    return checked.settings;
  }
  const previous = lastGood === undefined ? null : validateSettings(lastGood).settings;
  if (!previous && source === 'managed') return validManagedFields(stored, checked.issues, problems);
  const who = source === 'managed' ? "The organisation's settings" : 'The saved settings';
  const fallback = previous
    ? `${who} are not valid; the last valid ones stay in force until they are fixed.`
    : `${who} are not valid and are not used; checking goes on with the default pack until they are fixed.`;
  for (const issue of checked.issues) problems.push({ source, ...issue, fallback });
  return previous ?? {};
}

/**
 * The organisation's policy with one bad value and no earlier good copy: its locks must not
 * fail open (a typo in policies.json, or a rule id Chrome's schema cannot forbid, would
 * otherwise drop every lock and let the options page's "off" win). Each value is kept where it
 * is valid on its own: top-level keys one by one, `organisation.*` and `rules.<id>` entry by
 * entry, `lockedRules` id by id. A `locked` that is not a boolean locks (fail closed). Each
 * value dropped is reported at its own path.
 */
function validManagedFields(stored: unknown, issues: readonly Issue[], problems: SettingsProblem[]): Settings {
  const report = (issue: Issue, fallback: string) => problems.push({ source: 'managed', ...issue, fallback });
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    for (const issue of issues) report(issue, "The organisation's settings are not valid and are not used; checking goes on with the default pack until they are fixed.");
    return {};
  }
  const DROPPED = "This value of the organisation's settings is not used until it is fixed; its other settings and locks stay in force.";
  const kept: Record<string, unknown> = {};
  const validAlone = (value: Record<string, unknown>) => validateSettings(value).settings !== null;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (validAlone({ [key]: value })) {
      kept[key] = value;
      continue;
    }
    if (key === 'locked') {
      kept.locked = true;
      continue;
    }
    const entries = (): [string, unknown][] | null =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : null;
    if ((key === 'organisation' || key === 'rules') && entries()) {
      const part = Object.fromEntries(entries()!.filter(([k, v]) => validAlone({ [key]: { [k]: v } })));
      if (Object.keys(part).length) kept[key] = part;
    } else if (key === 'lockedRules' && Array.isArray(value)) {
      const ids = value.filter((id) => validAlone({ lockedRules: [id] }));
      if (ids.length) kept.lockedRules = ids;
    }
  }
  for (const issue of issues) {
    const lockedIssue = issue.path[0] === 'locked';
    report(issue, lockedIssue ? '"locked" must be true or false; until it is fixed the whole configuration is locked.' : DROPPED);
  }
  return validateSettings(kept).settings ?? {};
}

/** Managed over local, key by key; `organisation` and `rules` entry by entry. */
export function mergeSettings(local: Settings, managed: Settings): Settings {
  const merged: Settings = { ...local, ...managed };
  if (local.organisation || managed.organisation) merged.organisation = { ...local.organisation, ...managed.organisation };
  if (local.rules || managed.rules) merged.rules = { ...local.rules, ...managed.rules };
  const lockedRules = [...new Set([...(local.lockedRules ?? []), ...(managed.lockedRules ?? [])])].sort();
  if (lockedRules.length) merged.lockedRules = lockedRules;
  else delete merged.lockedRules;
  delete merged.$schema;
  // A lock means something only when the organisation sets it.
  delete merged.locked;
  return merged;
}

/**
 * Locked rules are on and blocking whatever else says so, and no setting can make them show less
 * than the default sensitivity does (a strict sensitivity still shows them more).
 */
export function applyLocks(settings: Settings): Settings {
  if (!settings.lockedRules?.length) return settings;
  const rules: NonNullable<Settings['rules']> = { ...settings.rules };
  const threshold = Math.min(THRESHOLDS.balanced, THRESHOLDS[settings.sensitivity ?? 'balanced']);
  for (const id of settings.lockedRules) rules[id] = { enabled: true, severity: 'block', threshold };
  return { ...settings, rules };
}

/** The fields the organisation's settings set, as the options page names them. */
export function managedFields(managed: Settings): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(managed)) {
    if (value === undefined || key === '$schema' || key === 'locked') continue;
    if (key === 'organisation' || key === 'rules') {
      for (const sub of Object.keys(value as object)) fields.push(`${key}.${sub}`);
    } else if (key === 'lockedRules') {
      for (const id of value as RuleId[]) fields.push(`rules.${id}`);
    } else fields.push(key);
  }
  return [...new Set(fields)].sort();
}

function packRef(ref: string): string {
  return ref.split(/[\\/]/).pop() ?? ref;
}

export function resolveSettings(stored: StoredSettings): SettingsState {
  const problems: SettingsProblem[] = [];
  const remember: SettingsState['remember'] = {};
  const managedRaw = stored.managed && !isEmptyObject(stored.managed) ? stored.managed : undefined;
  const managed = inForce('managed', managedRaw, stored.lastGood?.managed, problems, remember);
  const locked = managed.locked === true;
  const local = inForce('local', stored.local, stored.lastGood?.local, problems, remember);
  const isManaged = Object.keys(managed).some((k) => k !== '$schema');
  const merged = mergeSettings(locked ? {} : local, managed);

  let packFile: PackFile | null = null;
  if (stored.packFile !== undefined) {
    const file = stored.packFile as Partial<PackFile> | null;
    const checked = validatePack(file?.pack);
    if (typeof file?.name === 'string' && checked.pack) packFile = { name: file.name, pack: checked.pack };
    else
      for (const issue of checked.issues)
        problems.push({ source: 'pack-file', path: ['pack', ...issue.path], message: issue.message, fallback: 'The imported pack file is not valid and is not used.' });
  }

  let pack = builtInPack('default');
  let customPack: Pack | null = null;
  const own = merged.ownPack;
  // A school's own pack carried in the settings is in force when `pack` names it or names nothing.
  const ref = merged.pack ?? own?.id;
  if (ref !== undefined) {
    if (isBuiltInPack(ref)) pack = builtInPack(ref);
    else if (own && ref === own.id) pack = customPack = own;
    else if (packFile && packRef(ref) === packFile.name) pack = customPack = packFile.pack;
    else {
      problems.push({
        source: managed.pack !== undefined ? 'managed' : 'local',
        path: ['pack'],
        message: `"${ref}" is not a built-in pack (${BUILT_IN_PACK_LIST}), the id of ownPack${own ? ` ("${own.id}")` : ''}, nor an imported pack file`,
        fallback: 'Checking with the default pack instead.',
      });
      merged.pack = 'default';
    }
  }

  // A list hashed in the first format is still used, but a list of common names reverses it in
  // milliseconds: say so, so IT hashes it again.
  const roster = merged.pupilNameHashes;
  if (roster && 'key' in roster)
    problems.push({
      source: managed.pupilNameHashes ? 'managed' : 'local',
      path: ['pupilNameHashes'],
      message:
        'the pupil list is hashed in the first format (an HMAC whose key sits beside the hashes), which a list of common names reverses in milliseconds: hash the pupil list again (options page, or `second-look roster`)',
      fallback: 'The list is still used for checking until it is replaced.',
    });

  const lockedFields = locked ? ['*'] : managedFields(managed);
  // The pack travels as `pack` (customPack); the settings drafts are checked with need not carry it twice.
  delete merged.ownPack;
  if (customPack) merged.pack = customPack.id;
  return { settings: applyLocks(merged), pack, customPack, local, managed, isManaged, locked, lockedFields, problems, remember };
}

/** Whether a field (as named in `lockedFields`) is the organisation's to set. */
export function isLockedField(state: Pick<SettingsState, 'locked' | 'lockedFields'>, field: string): boolean {
  if (state.locked) return true;
  return state.lockedFields.some((f) => f === field || field.startsWith(`${f}.`));
}

/**
 * Whether the identity a site shows (a page name or @handle) is one of the organisation's: an
 * official account listed for that platform, or one of its handles or names.
 */
export function isOfficialIdentity(identity: string, settings: Settings, platform?: Platform): boolean {
  const norm = (s: string) => s.trim().replace(/^@/, '').toLowerCase();
  const wanted = norm(identity);
  if (!wanted) return false;
  const org = settings.organisation;
  const accounts = (settings.officialAccounts ?? []).filter((a) => platform === undefined || a.platform === platform).map((a) => norm(a.name));
  const handles = (org?.handles ?? []).map(norm);
  const names = (org?.names ?? []).map(norm);
  return accounts.includes(wanted) || handles.includes(wanted) || names.includes(wanted);
}
