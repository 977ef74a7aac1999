/**
 * Reading and writing settings in browser storage: the one place the content script, the
 * background worker, the popup and the options page get them from (resolve.ts has the rules).
 *
 * storage.local: `settings` (the options page's), `packFile` (an imported pack), and the last
 * valid settings of each source. storage.managed: the organisation's settings, one policy per
 * top-level settings key (public/managed_schema.json).
 */
import { browser } from 'wxt/browser';
import type { Settings } from './schema';
import { resolveSettings, type PackFile, type SettingsState } from './resolve';
import { validateSettings, type Issue } from './validate';

export const LOCAL_KEY = 'settings';
export const PACK_FILE_KEY = 'packFile';
const LAST_GOOD_LOCAL = 'lastGoodSettings';
const LAST_GOOD_MANAGED = 'lastGoodManagedSettings';
/** Changes to these storage.local keys change the settings in force. */
const WATCHED = [LOCAL_KEY, PACK_FILE_KEY];

/** The part of `browser.storage` used here, so tests can pass a fake one. */
export interface StorageApi {
  local: {
    get(keys: string[]): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
  managed: { get(keys?: null): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

function storage(): StorageApi {
  return browser.storage as unknown as StorageApi;
}

/**
 * The organisation's settings, or null when there are none to read. Chrome rejects when the
 * extension has no managed schema; Firefox rejects ("Managed storage manifest not found") unless
 * an enterprise policy or a native manifest provides some. Either way nothing is managed.
 */
async function readManaged(api: StorageApi): Promise<Record<string, unknown> | null> {
  try {
    const values = await api.managed.get(null);
    return values && typeof values === 'object' ? values : null;
  } catch {
    return null;
  }
}

/**
 * The settings in force. By default managed storage is read; `managed: 'cached'` uses the copy of
 * the organisation's settings kept from the last read instead (Chrome answers managed storage
 * only once its policy service is up, seconds after the browser starts), and an object or null
 * is used as what managed storage holds.
 */
export async function loadSettingsState(
  api: StorageApi = storage(),
  options: { managed?: 'read' | 'cached' | Record<string, unknown> | null } = {},
): Promise<SettingsState> {
  const how = options.managed ?? 'read';
  const [stored, read] = await Promise.all([
    api.local.get([LOCAL_KEY, PACK_FILE_KEY, LAST_GOOD_LOCAL, LAST_GOOD_MANAGED]),
    how === 'read' ? readManaged(api) : Promise.resolve(how === 'cached' ? undefined : how),
  ]);
  const cached = stored[LAST_GOOD_MANAGED];
  const managed = read === undefined ? ((cached as Record<string, unknown> | undefined) ?? null) : read;
  const state = resolveSettings({
    local: stored[LOCAL_KEY],
    managed,
    packFile: stored[PACK_FILE_KEY],
    lastGood: { local: stored[LAST_GOOD_LOCAL], managed: stored[LAST_GOOD_MANAGED] },
  });
  // Remember valid settings, so a later broken copy falls back to them rather than to nothing.
  const updates: Record<string, unknown> = {};
  if (state.remember.local && !sameJson(state.remember.local, stored[LAST_GOOD_LOCAL])) updates[LAST_GOOD_LOCAL] = state.remember.local;
  const cachedManaged = state.remember.managed ? withoutPlainNames(state.remember.managed) : undefined;
  if (read !== undefined && cachedManaged && !sameJson(cachedManaged, stored[LAST_GOOD_MANAGED])) updates[LAST_GOOD_MANAGED] = cachedManaged;
  // A copy written before plain names were left out is scrubbed.
  else if (hasPlainNames(stored[LAST_GOOD_MANAGED])) updates[LAST_GOOD_MANAGED] = withoutPlainNames(stored[LAST_GOOD_MANAGED] as Settings);
  if (Object.keys(updates).length) await api.local.set(updates).catch(() => undefined);
  return state;
}

/**
 * Calls `onChange` with the settings in force at once (with the cached copy of the
 * organisation's settings until managed storage answers), then whenever the options page or the
 * organisation changes them. Only the newest state is delivered: a slow read never overwrites a
 * later one. Returns the unsubscribe.
 */
export function followSettings(onChange: (state: SettingsState) => void, api: StorageApi = storage()): () => void {
  let managed: Record<string, unknown> | null | undefined;
  let started = 0;
  let delivered = 0;
  let stopped = false;
  const update = () => {
    const n = ++started;
    void loadSettingsState(api, { managed: managed === undefined ? 'cached' : managed }).then((state) => {
      if (stopped || n < delivered) return;
      delivered = n;
      onChange(state);
    });
  };
  const readPolicy = () =>
    void readManaged(api).then((value) => {
      managed = value;
      update();
    });
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed') readPolicy();
    else if (area === 'local' && WATCHED.some((k) => k in changes)) update();
  };
  api.onChanged.addListener(listener);
  update();
  readPolicy();
  return () => {
    stopped = true;
    api.onChanged.removeListener(listener);
  };
}

/**
 * The organisation's settings as they may be written to disk: plain pupil names (which a policy
 * may push, in memory only) are left out; hashed ones (pupilNameHashes) are kept. While the
 * cached copy is in use (the seconds before managed storage answers, or a policy that broke
 * later) only the hashed list is checked: push pupilNameHashes (docs/deploy.md).
 */
function withoutPlainNames(settings: Settings): Settings {
  const { pupilNames: _plain, ...rest } = settings;
  return rest;
}

function hasPlainNames(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'pupilNames' in value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Calls `onChange` with the state in force whenever the options page or the organisation changes it. */
export function watchSettingsState(onChange: (state: SettingsState) => void, api: StorageApi = storage()): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const relevant = area === 'managed' || (area === 'local' && WATCHED.some((k) => k in changes));
    if (relevant) void loadSettingsState(api).then(onChange);
  };
  api.onChanged.addListener(listener);
  return () => api.onChanged.removeListener(listener);
}

/** Saving failed in the browser (storage full, say): nothing was written, the settings in force are unchanged. */
export class SaveError extends Error {
  override name = 'SaveError';
}

/** Roughly what storage.local counts for a value: its JSON length in UTF-8 bytes. */
function storedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Saves the options page's settings if they are valid; otherwise returns the problems and saves
 * nothing. A pack file (undefined: leave the saved one as it is; null: remove it) is written in
 * the same storage call as the settings, so the browser takes both or neither: a pack over the
 * storage quota leaves the old pack and settings in force, and the SaveError says why.
 */
export async function saveLocalSettings(settings: unknown, api: StorageApi = storage(), packFile?: PackFile | null): Promise<Issue[]> {
  const checked = validateSettings(settings);
  if (!checked.settings) return checked.issues;
  const items: Record<string, unknown> = { [LOCAL_KEY]: checked.settings, [LAST_GOOD_LOCAL]: checked.settings };
  if (packFile) items[PACK_FILE_KEY] = packFile;
  try {
    await api.local.set(items);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const quota = /quota/i.test(reason);
    const what = packFile ? `the pack file ${packFile.name} (${megabytes(storedBytes(packFile))})` : 'the settings';
    throw new SaveError(
      quota
        ? `Not saved: ${what} does not fit in the browser's storage for extensions (${reason}). The settings and pack in force are unchanged; use a smaller pack file.`
        : `Not saved: the browser could not store ${what} (${reason}). The settings and pack in force are unchanged.`,
    );
  }
  if (packFile === null) await api.local.remove(PACK_FILE_KEY);
  return [];
}

export async function loadPackFile(api: StorageApi = storage()): Promise<PackFile | null> {
  const stored = (await api.local.get([PACK_FILE_KEY]))[PACK_FILE_KEY] as PackFile | undefined;
  return stored ?? null;
}

export type { Settings };
