import { browser } from 'wxt/browser';
import { SettingsSchema, type Settings } from '../rules/settings';

/**
 * Organisation settings for the checker, read from `settings` in storage.local (written by the
 * options page) and storage.managed (pushed by trust IT through browser policy). Managed keys
 * win. A source that fails validation is dropped with a console warning, so a broken
 * configuration falls back to the default pack instead of turning checking off.
 */
const KEY = 'settings';

async function readArea(area: 'local' | 'managed'): Promise<Settings> {
  let raw: unknown;
  try {
    raw = (await browser.storage[area].get(KEY))[KEY];
  } catch {
    // storage.managed rejects when no policy schema or no policy is installed: nothing managed.
    return {};
  }
  if (raw === undefined) return {};
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn(`Second Look: ignoring invalid ${area} settings; checking with the default pack.`, parsed.error.issues);
  return {};
}

export async function loadSettings(): Promise<Settings> {
  const [local, managed] = await Promise.all([readArea('local'), readArea('managed')]);
  return { ...local, ...managed };
}

/** Calls `onChange` with fresh settings whenever either storage area's `settings` changes. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' || area === 'managed') && KEY in changes) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether the identity a site shows (a page name or @handle) is one of the organisation's. */
export function isOfficialIdentity(identity: string, settings: Settings): boolean {
  const wanted = identity.trim().replace(/^@/, '').toLowerCase();
  if (!wanted) return false;
  const org = settings.organisation;
  const handles = (org?.handles ?? []).map((h) => h.replace(/^@/, '').toLowerCase());
  const names = (org?.names ?? []).map((n) => n.trim().toLowerCase());
  return handles.includes(wanted) || names.includes(wanted);
}
