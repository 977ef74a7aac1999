// How the settings in force are worked out from storage (settings/resolve.ts, settings/store.ts):
// managed over local, locks, broken settings falling back, and browsers without managed storage.
import { describe, expect, it } from 'vitest';
import { isOfficialIdentity, resolveSettings } from '../settings/resolve';
import { followSettings, loadSettingsState, saveLocalSettings, SaveError, watchSettingsState, type StorageApi } from '../settings/store';
import { builtInPack } from '../packs';

/** A browser.storage stand-in: local is a map; managed answers with `managed`, or rejects with it. */
function fakeStorage(managed: Record<string, unknown> | Error, local: Record<string, unknown> = {}, quotaBytes = Infinity) {
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  const data: Record<string, unknown> = structuredClone(local);
  const api: StorageApi = {
    local: {
      async get(keys) {
        return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
      },
      async set(items) {
        // Chrome checks the whole call against QUOTA_BYTES (10 MB) and writes all of it or nothing.
        const after = { ...data, ...items };
        const bytes = Object.entries(after).reduce((n, [k, v]) => n + k.length + new TextEncoder().encode(JSON.stringify(v)).length, 0);
        if (bytes > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
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

  it('a policy with one bad value keeps its valid values: the bad one is reported with its JSON path', async () => {
    const { api } = fakeStorage({ pack: 'aspire', organisation: { hashtag: ['#x'] } }, { settings: { pack: 'coop' } });
    const state = await loadSettingsState(api);
    expect(state.problems).toEqual([
      {
        source: 'managed',
        path: ['organisation', 'hashtag'],
        message: 'unknown key "hashtag"',
        fallback: "This value of the organisation's settings is not used until it is fixed; its other settings and locks stay in force.",
      },
    ]);
    expect(state.isManaged).toBe(true);
    expect(state.pack.id).toBe('aspire');
    expect(state.lockedFields).toEqual(['pack']);
    // Only a policy valid as a whole is remembered as the last good one.
    expect(state.remember.managed).toBeUndefined();
  });

  it('managed locks fail closed: an unknown rule id or a typo drops only itself, and a local "off" never wins over a lock', async () => {
    const policy = {
      pack: 'aspire',
      lockedRules: ['child-name', 'no-such-rule', 'tagging'],
      rules: { 'child-name': { severity: 'block' }, 'made-up': { enabled: false }, political: { enabled: 'no' } },
      organisation: { names: ['Penrice Primary Academy'], hashtagz: ['#x'] },
      disclamer: 'a Firefox policies.json typo',
    };
    const local = { pack: 'coop', rules: { 'child-name': { enabled: false }, tagging: { enabled: false, severity: 'warn' } } };
    const { api, data } = fakeStorage(policy, { settings: local });
    const state = await loadSettingsState(api);
    // A lock also keeps the rule at least as sensitive as balanced (0.5).
    expect(state.settings.rules?.['child-name']).toEqual({ enabled: true, severity: 'block', threshold: 0.5 });
    expect(state.settings.rules?.tagging).toEqual({ enabled: true, severity: 'block', threshold: 0.5 });
    expect(state.settings.lockedRules).toEqual(['child-name', 'tagging']);
    expect(state.settings.organisation?.names).toEqual(['Penrice Primary Academy']);
    expect(state.pack.id).toBe('aspire');
    expect(state.lockedFields).toEqual(expect.arrayContaining(['pack', 'rules.child-name', 'rules.tagging', 'organisation.names']));
    expect(state.problems.map((p) => `${p.source} ${p.path.join('.')}`).sort()).toEqual(
      ['managed disclamer', 'managed lockedRules.1', 'managed organisation.hashtagz', 'managed rules.made-up', 'managed rules.political.enabled'].sort(),
    );
    expect(state.problems.every((p) => /its other settings and locks stay in force/.test(p.fallback))).toBe(true);
    // The partly valid policy is not cached as good.
    expect(data.lastGoodManagedSettings).toBeUndefined();
  });

  it('a "locked" that is not a boolean locks the whole configuration', async () => {
    const { api } = fakeStorage({ locked: 'true', pack: 'aspire' }, { settings: { pack: 'coop', rules: { 'child-name': { enabled: false } } } });
    const state = await loadSettingsState(api);
    expect(state.locked).toBe(true);
    expect(state.settings.rules?.['child-name']).toBeUndefined();
    expect(state.pack.id).toBe('aspire');
    expect(state.problems).toEqual([expect.objectContaining({ path: ['locked'], fallback: expect.stringContaining('the whole configuration is locked') })]);
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

  it('plain pupil names from the policy are used but never written to disk; hashed ones are cached', async () => {
    const pupilNameHashes = { scheme: 'scrypt-chain-v1', salt: '00'.repeat(16), params: { N: 1024, r: 1, p: 1, rounds: 1 }, hashes: ['0123456789abcdef'], count: 1 };
    const { api, data } = fakeStorage({ pack: 'aspire', pupilNames: ['Olivia Smith', 'Jack Brown'], pupilNameHashes });
    const state = await loadSettingsState(api);
    expect(state.settings.pupilNames).toEqual(['Olivia Smith', 'Jack Brown']);
    expect(data.lastGoodManagedSettings).toEqual({ pack: 'aspire', pupilNameHashes });
    expect(JSON.stringify(data)).not.toMatch(/olivia|smith|jack|brown/i);
  });

  it('a cached copy written with plain pupil names (by an earlier version) is scrubbed', async () => {
    const { api, data } = fakeStorage({ pack: 'aspire' }, { lastGoodManagedSettings: { pack: 'aspire', pupilNames: ['Olivia Smith'] } });
    await loadSettingsState(api);
    expect(JSON.stringify(data)).not.toMatch(/olivia/i);
    const cachedOnly = fakeStorage(new Error('not yet'), { lastGoodManagedSettings: { pack: 'coop', pupilNames: ['Olivia Smith'] } });
    await loadSettingsState(cachedOnly.api, { managed: 'cached' });
    expect(JSON.stringify(cachedOnly.data)).not.toMatch(/olivia/i);
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

describe('saving over the storage quota', () => {
  // A valid pack padded to about `bytes` (a clause quoting a long document section).
  const bigPack = (name: string, bytes: number) => {
    const pack = structuredClone(builtInPack('default'));
    pack.name = name;
    pack.clauses[0]!.quote += ' lorem'.repeat(Math.ceil(bytes / 6));
    return { name: `${name}.json`, pack };
  };

  it('rejects with a message naming the pack and its size, and leaves the old pack and settings in force', async () => {
    const old = bigPack('old', 10);
    const { api, data } = fakeStorage({}, {}, 200_000);
    expect(await saveLocalSettings({ pack: 'old.json' }, api, old)).toEqual([]);
    const before = structuredClone(data);
    const huge = bigPack('huge', 300_000);
    const saving = saveLocalSettings({ pack: 'huge.json', disclaimer: 'Views my own.' }, api, huge);
    await expect(saving).rejects.toThrow(SaveError);
    await expect(saving).rejects.toThrow(/^Not saved: the pack file huge\.json \(\d+\.\d MB\) does not fit in the browser's storage for extensions \(QUOTA_BYTES quota exceeded\)/);
    // Nothing half-written: neither the settings naming the new pack nor the pack itself.
    expect(data).toEqual(before);
    const state = await loadSettingsState(api);
    expect(state.pack.name).toBe('old');
    expect(state.problems).toEqual([]);
  });

  it('removes a pack file only once the settings are saved', async () => {
    const { api, data } = fakeStorage({}, {}, 200_000);
    await saveLocalSettings({ pack: 'old.json' }, api, bigPack('old', 10));
    expect(await saveLocalSettings({ pack: 'coop' }, api, null)).toEqual([]);
    expect(data.packFile).toBeUndefined();
    expect((await loadSettingsState(api)).pack.id).toBe('coop');
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
