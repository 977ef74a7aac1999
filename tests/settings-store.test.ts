// How the settings in force are worked out from storage (settings/resolve.ts, settings/store.ts):
// managed over local, locks, broken settings falling back, and browsers without managed storage.
import { describe, expect, it } from 'vitest';
import { isOfficialIdentity, resolveSettings } from '../settings/resolve';
import { followSettings, loadSettingsState, saveLocalSettings, watchSettingsState, type StorageApi } from '../settings/store';

/** A browser.storage stand-in: local is a map; managed answers with `managed`, or rejects with it. */
function fakeStorage(managed: Record<string, unknown> | Error, local: Record<string, unknown> = {}) {
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  const data: Record<string, unknown> = structuredClone(local);
  const api: StorageApi = {
    local: {
      async get(keys) {
        return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
      },
      async set(items) {
        Object.assign(data, structuredClone(items));
        for (const l of listeners) l(Object.fromEntries(Object.keys(items).map((k) => [k, {}])), 'local');
      },
      async remove(keys) {
        for (const k of [keys].flat()) delete data[k];
      },
    },
    managed: {
      async get() {
        if (managed instanceof Error) throw managed;
        return structuredClone(managed);
      },
    },
    onChanged: {
      addListener: (l) => listeners.push(l),
      removeListener: (l) => listeners.splice(listeners.indexOf(l), 1),
    },
  };
  return { api, data, fire: (area: string, changes: Record<string, unknown>) => listeners.forEach((l) => l(changes, area)) };
}

const FIREFOX_NO_POLICY = new Error('Managed storage manifest not found');

describe('managed storage in each browser', () => {
  it("Firefox without a policy: its 'no managed storage' error means nothing is managed", async () => {
    const { api } = fakeStorage(FIREFOX_NO_POLICY, { settings: { pack: 'coop' } });
    const state = await loadSettingsState(api);
    expect(state).toMatchObject({ isManaged: false, locked: false, problems: [], lockedFields: [] });
    expect(state.pack.id).toBe('coop');
  });

  it('an empty policy ({}) means nothing is managed', async () => {
    const { api } = fakeStorage({}, { settings: { pack: 'calcot' } });
    const state = await loadSettingsState(api);
    expect(state).toMatchObject({ isManaged: false, problems: [] });
    expect(state.pack.id).toBe('calcot');
  });

  it('a policy that fails validation is not used: the problem is reported with its JSON path', async () => {
    const { api } = fakeStorage({ pack: 'aspire', organisation: { hashtag: ['#x'] } }, { settings: { pack: 'coop' } });
    const state = await loadSettingsState(api);
    expect(state.problems).toEqual([
      {
        source: 'managed',
        path: ['organisation', 'hashtag'],
        message: 'unknown key "hashtag"',
        fallback: "The organisation's settings are not valid and are not used; checking goes on with the default pack until they are fixed.",
      },
    ]);
    // Checking goes on: with the staff member's own settings, as nothing valid is managed.
    expect(state.isManaged).toBe(false);
    expect(state.pack.id).toBe('coop');
  });

  it('a policy that breaks later leaves the last valid one in force', async () => {
    const { api, data } = fakeStorage({ pack: 'aspire', lockedRules: ['tagging'] });
    expect((await loadSettingsState(api)).pack.id).toBe('aspire');
    expect(data.lastGoodManagedSettings).toEqual({ pack: 'aspire', lockedRules: ['tagging'] });
    const broken = fakeStorage({ pack: 42 }, data);
    const state = await loadSettingsState(broken.api);
    expect(state.pack.id).toBe('aspire');
    expect(state.settings.rules?.tagging).toEqual({ enabled: true, severity: 'block', threshold: 0.5 });
    expect(state.problems.map((p) => [p.source, p.path.join('.'), p.fallback])).toEqual([
      ['managed', 'pack', "The organisation's settings are not valid; the last valid ones stay in force until they are fixed."],
    ]);
  });

  it("Chrome's managed storage answers late: the cached copy is used until it does", async () => {
    const { api, data } = fakeStorage({ pack: 'flourish' });
    await loadSettingsState(api);
    const slow = fakeStorage(new Error('never read'), data);
    expect((await loadSettingsState(slow.api, { managed: 'cached' })).pack.id).toBe('flourish');
  });
});

describe('precedence and locks', () => {
  const local = {
    pack: 'coop',
    disclaimer: 'Mine.',
    organisation: { names: ['Penrice'], handles: ['@Mine'] },
    rules: { tagging: { enabled: false }, political: { severity: 'block' } },
  };

  it('managed values win key by key; organisation and rules entry by entry', () => {
    const state = resolveSettings({
      local,
      managed: { pack: 'aspire', organisation: { handles: ['@PenricePrimary'] }, rules: { political: { severity: 'warn' } } },
    });
    expect(state.settings).toEqual({
      pack: 'aspire',
      disclaimer: 'Mine.',
      organisation: { names: ['Penrice'], handles: ['@PenricePrimary'] },
      rules: { tagging: { enabled: false }, political: { severity: 'warn' } },
    });
    expect(state.lockedFields).toEqual(['organisation.handles', 'pack', 'rules.political']);
    expect(state.isManaged).toBe(true);
  });

  it('locked: true leaves the local settings out altogether', () => {
    const state = resolveSettings({ local, managed: { locked: true, pack: 'aspire' } });
    expect(state.settings).toEqual({ pack: 'aspire' });
    expect(state.locked).toBe(true);
  });

  it('a locked rule is on and blocks, whatever the local settings say', () => {
    const state = resolveSettings({ local, managed: { lockedRules: ['tagging'] } });
    expect(state.settings.rules?.tagging).toEqual({ enabled: true, severity: 'block', threshold: 0.5 });
    expect(state.lockedFields).toEqual(['rules.tagging']);
  });

  it('a local lock means nothing', () => {
    expect(resolveSettings({ local: { locked: true }, managed: null }).locked).toBe(false);
  });

  it('broken local settings fall back to the last good ones, or to none', () => {
    const broken = { pack: 'coop', organisation: { hashtags: ['not one'] } };
    const withPrevious = resolveSettings({ local: broken, managed: null, lastGood: { local: { pack: 'calcot' } } });
    expect(withPrevious.pack.id).toBe('calcot');
    expect(withPrevious.problems[0]).toMatchObject({ source: 'local', path: ['organisation', 'hashtags', 0] });
    expect(resolveSettings({ local: broken, managed: null }).pack.id).toBe('default');
  });

  it('an unknown pack is reported, and the default pack used', () => {
    const state = resolveSettings({ local: { pack: 'ours.json' }, managed: null });
    expect(state.pack.id).toBe('default');
    expect(state.settings.pack).toBe('default');
    expect(state.problems[0]).toMatchObject({ source: 'local', path: ['pack'] });
  });

  it('an imported pack file is used when the settings name it', () => {
    const state = resolveSettings({ local: { pack: 'ours.json' }, managed: null, packFile: { name: 'ours.json', pack: { id: 'ours', name: 'Ours', organisation: 'Us', clauses: [{ id: 'a', section: 'S', quote: 'Quoted from the policy.', source: 'coop' }], rules: { tagging: { severity: 'warn', clauses: ['a'] } } } } });
    expect(state.problems).toEqual([]);
    expect(state.customPack?.id).toBe('ours');
    expect(state.pack.name).toBe('Ours');
  });
});

describe('the store', () => {
  it('saves only valid settings, and watches both areas', async () => {
    const { api, data, fire } = fakeStorage({});
    expect(await saveLocalSettings({ organisation: { hashtag: [] } }, api)).toEqual([{ path: ['organisation', 'hashtag'], message: 'unknown key "hashtag"' }]);
    expect(data.settings).toBeUndefined();
    const seen: string[] = [];
    const stop = watchSettingsState((s) => seen.push(s.pack.id), api);
    expect(await saveLocalSettings({ pack: 'coton' }, api)).toEqual([]);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toContain('coton');
    fire('managed', { pack: {} });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    stop();
  });
});

describe('following the settings (the content script)', () => {
  it('starts at once with the cached policy, and a local change made while the policy is read is not lost', async () => {
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    const { api } = fakeStorage({}, { settings: { pack: 'coop' }, lastGoodManagedSettings: { pack: 'flourish' } });
    api.managed.get = () => new Promise((resolve) => (answer = resolve));
    const seen: string[] = [];
    const stop = followSettings((s) => seen.push(`${s.pack.id}/${s.settings.disclaimer ?? '-'}`), api);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['flourish/-']);
    await api.local.set({ settings: { pack: 'coop', disclaimer: 'Mine.' } });
    await new Promise((r) => setTimeout(r, 10));
    answer({ pack: 'aspire' });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.at(-1)).toBe('aspire/Mine.');
    stop();
  });
});

describe('official identity', () => {
  it.each([
    ['Penrice Primary Academy', 'facebook', true],
    ['Penrice Primary Academy', 'x', false],
    ['@PenricePrimary', 'x', true],
    ['Jane Smith', 'facebook', false],
  ] as const)('%s on %s: official %s', (identity, platform, official) => {
    const settings = { officialAccounts: [{ platform: 'facebook' as const, name: 'Penrice Primary Academy' }], organisation: { handles: ['@PenricePrimary'] } };
    expect(isOfficialIdentity(identity, settings, platform)).toBe(official);
  });
});
