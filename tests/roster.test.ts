// Pupil lists: MIS exports and pasted lists read into names, names turned into keyed hashes, and
// the engine matching the hashed form as it matches plain names, misspellings included.
import { readFileSync } from 'node:fs';
import { scryptSync } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPupilNames, parseRoster, rosterEntries, type PupilNameHashes } from '../settings/roster';
import { SettingsSchema, type Settings } from '../settings/schema';
import { resolveSettings } from '../settings/resolve';
import { checkDraft, checkDraftWithNames, pendingNames } from '../rules';
import { DEFAULT_NAME_KDF_PARAMS, deriveNameKey, derivedNameKeys, entryTag, legacyHashedKey, legacyHasherFor } from '../rules/engine/name-hash';
import { packFor } from '../packs';
import { derivePendingNames } from '../rules/engine/pupils';
import type { NameKdf } from '../rules/engine/name-hash';
import { main } from '../cli/main';
import { check, corpusSettings } from './helpers';

describe('parseRoster', () => {
  it('reads an MIS export: any column order, preferred names, quotes, a BOM and blank rows', () => {
    const csv = '\uFEFFUPN,Legal Surname,Legal Forename,Preferred Forename,Year\r\nA1,Smith,Olivia,Livvy,3\r\n\r\nA2,"O\'Brien, Jr",Jack,,4\r\nA3,Ng,,,\r\n';
    expect(parseRoster(csv)).toEqual({
      names: ['Olivia Smith', 'Livvy Smith', "Jack O'Brien, Jr"],
      errors: [{ line: 5, message: 'no first name in this row' }],
    });
  });
  it('reads semicolon-separated exports and a single name column', () => {
    expect(parseRoster('Pupil Name;Class\nAmelia Jones;3B\n').names).toEqual(['Amelia Jones']);
  });
  it('reads a pasted list, one name a line', () => {
    expect(parseRoster('Olivia Smith\n  Jack   Brown \n\n42\n')).toEqual({ names: ['Olivia Smith', 'Jack Brown'], errors: [{ line: 4, message: '"42" has no letters' }] });
  });
});

// Cheap derivation parameters, so the tests hash quickly; the defaults are measured in
// scripts/bench-roster.ts. The matching does not depend on them.
const FAST = { N: 1024, r: 1, p: 1, rounds: 1 };
const SALT = '00112233445566778899aabbccddeeff';

async function checkWithNames(text: string, s: Settings, account: 'personal' | 'official' = 'official') {
  return (await checkDraftWithNames({ text, platform: 'facebook', account }, s, { pack: packFor(s) })).filter((f) => f.rule === 'child-name');
}

describe('hashed pupil names', () => {
  let hashed: PupilNameHashes;
  let settings: Settings;
  beforeAll(async () => {
    hashed = await hashPupilNames(['Olivia Smith', 'Jack Brown', 'Zainab Bello'], { salt: SALT, params: FAST });
    settings = SettingsSchema.parse({ pack: 'default', pupilNameHashes: hashed });
  });
  beforeEach(() => derivedNameKeys.clear());

  it('stores no name in plain text: the scheme, salt and parameters beside the hashes', () => {
    const json = JSON.stringify(settings).toLowerCase();
    for (const part of ['olivia', 'smith', 'jack', 'brown', 'zainab', 'bello']) expect(json).not.toContain(part);
    expect(hashed).toMatchObject({ scheme: 'scrypt-chain-v1', salt: SALT, params: FAST, count: 3 });
    expect(Object.keys(settings.pupilNameHashes!).sort()).toEqual(['count', 'hashes', 'params', 'salt', 'scheme']);
  });

  it('is deterministic for a salt, different under another, and a new list gets a random salt', async () => {
    const again = await hashPupilNames(['Olivia Smith'], { salt: SALT, params: FAST });
    derivedNameKeys.clear();
    expect((await hashPupilNames(['Olivia Smith'], { salt: SALT, params: FAST })).hashes).toEqual(again.hashes);
    const fresh = await hashPupilNames(['Olivia Smith'], { params: FAST });
    expect(fresh.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.salt).not.toBe(SALT);
    expect(fresh.hashes.filter((h) => again.hashes.includes(h))).toEqual([]);
  });

  it("derives each string with chained scrypt, as Node's own (OpenSSL) scrypt computes it: an attacker gains nothing from another implementation", async () => {
    const kdf = { scheme: 'scrypt-chain-v1' as const, salt: SALT, params: { N: 2 ** 12, r: 8, p: 1, rounds: 3 } };
    let k: Buffer = Buffer.from('olivia');
    for (let i = 0; i < 3; i++) k = scryptSync(k, Buffer.from(SALT, 'hex'), 32, { N: 2 ** 12, r: 8, p: 1 });
    expect(Buffer.from(await deriveNameKey('olivia', kdf)).toString('hex')).toBe(k.toString('hex'));
    // The stored entry is a tag of the derived key: a guess costs one derivation, whatever kind it is tested as.
    const list = await hashPupilNames(['Olivia'], { salt: SALT, params: kdf.params });
    expect(list.hashes).toContain(entryTag(new Uint8Array(k), 'f'));
    expect(list.hashes).toContain(entryTag(new Uint8Array(k), 'd'));
    expect(list.hashes).not.toContain(entryTag(new Uint8Array(k), 's'));
  });

  it.each([
    ['Well done Olivia!', 'Olivia'],
    ["olivia's painting won", "olivia's"],
    ['Great work from 0livia today', '0livia'],
    ['Well done Olivai!', 'Olivai'],
    ['Well done Olivua!', 'Olivua'],
    ['Well done Oliva!', 'Oliva'],
    ['Thanks Z a i n a b for your help', 'Z a i n a b'],
    ['Thanks Zai\u200bnab for your help', 'Zai\u200bnab'],
    ['Olivia Smith read her poem', 'Olivia Smith'],
    ['Jack Brown scored twice', 'Jack Brown'],
  ])('finds %j', async (text, excerpt) => {
    expect((await checkWithNames(text, settings)).map((f) => f.excerpt)).toEqual([excerpt]);
  });

  it('leaves titled staff alone', async () => {
    expect(await checkWithNames('Thanks to Mrs Brown and Mr Jack Smith.', settings)).toEqual([]);
  });

  it('a check with words not derived yet finds no listed name and says which words are pending; once derived, it does', async () => {
    const draft = { text: 'Well done Olivia, lovely work!', platform: 'facebook' as const, account: 'official' as const };
    const listed = () => checkDraft(draft, settings, { pack: packFor(settings) }).filter((f) => f.why.startsWith('pupil list'));
    expect(listed()).toEqual([]);
    const pending = pendingNames(settings);
    expect(pending).toContain('olivia');
    // Only name candidates: lower-case ordinary words are never derived.
    for (const word of ['lovely', 'work', 'done']) expect(pending).not.toContain(word);
    // A word's one-letter deletions wait until the word itself is known not to be a name.
    expect(pending).not.toContain('livia');
    await derivePendingNames(settings.pupilNameHashes as NameKdf, pending);
    expect(listed().map((f) => f.excerpt)).toEqual(['Olivia']);
  });

  it('derives each word of a draft once, and keeps it in memory for the next check', async () => {
    await checkWithNames('Well done Olivia and Olivia again, and Jack!', settings);
    const after = derivedNameKeys.size;
    expect(after).toBeGreaterThan(0);
    await checkWithNames('Well done Olivia and Olivia again, and Jack!', settings);
    expect(derivedNameKeys.size).toBe(after);
  });

  it('still reads a list in the first format (HMAC under a stored key), and says it must be hashed again', async () => {
    const key = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
    const hasher = legacyHasherFor(key);
    const entries = [...rosterEntries(['Olivia Smith'])].flatMap(([k, kinds]) => [...kinds].map((kind) => legacyHashedKey(hasher, `${kind}:${k}`)));
    const old = SettingsSchema.parse({ pack: 'default', pupilNameHashes: { key, hashes: [...new Set(entries)].sort(), count: 1 } });
    expect((await checkWithNames('Well done Olivai!', old)).map((f) => f.excerpt)).toEqual(['Olivai']);
    const state = resolveSettings({ managed: { pupilNameHashes: old.pupilNameHashes }, local: {} });
    expect(state.problems).toEqual([
      expect.objectContaining({ source: 'managed', path: ['pupilNameHashes'], message: expect.stringMatching(/first format.*hash the pupil list again/) }),
    ]);
    expect(state.settings.pupilNameHashes).toEqual(old.pupilNameHashes);
  });

  it('finds on the labelled corpus what the plain list finds', async () => {
    const plainSettings = { ...corpusSettings, pack: 'default' };
    const hashedSettings = SettingsSchema.parse({ ...plainSettings, pupilNames: undefined, pupilNameHashes: await hashPupilNames(corpusSettings.pupilNames ?? [], { salt: SALT, params: FAST }) });
    const lines = readFileSync(new URL('./corpus/labelled.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; account: 'personal' | 'official' });
    let same = 0;
    for (const c of lines) {
      const a = check({ text: c.text, platform: 'x', account: c.account }, plainSettings).filter((f) => f.rule === 'child-name').map((f) => f.excerpt);
      const b = (await checkDraftWithNames({ text: c.text, platform: 'x', account: c.account }, hashedSettings, { pack: packFor(hashedSettings) })).filter((f) => f.rule === 'child-name').map((f) => f.excerpt);
      if (JSON.stringify(a) === JSON.stringify(b)) same++;
    }
    // compromise is not told hashed names, and a hashed list cannot rule out two equally close
    // names, so a few drafts may differ.
    expect(same / lines.length).toBeGreaterThan(0.97);
  }, 600_000);
});

describe('second-look roster', () => {
  it('prints the settings value for a CSV, salted with --key, and nothing of the names', async () => {
    let out = '';
    let err = '';
    const code = await main(['roster', '--key', SALT, '-'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      stdin: () => 'First Name,Surname\nOlivia,Smith\nJack,Brown\n',
      stdinIsTty: false,
    });
    expect(code).toBe(0);
    expect(out).not.toMatch(/olivia|smith|jack|brown/i);
    const value = JSON.parse(out).pupilNameHashes;
    expect(value).toMatchObject({ scheme: 'scrypt-chain-v1', salt: SALT, params: DEFAULT_NAME_KDF_PARAMS, count: 2 });
    derivedNameKeys.clear();
    expect(value.hashes).toEqual((await hashPupilNames(['Olivia Smith', 'Jack Brown'], { salt: SALT })).hashes);
    expect(err).toMatch(/2 names hashed/);
  }, 300_000);
  it('rejects a key that is not hexadecimal', async () => {
    let err = '';
    const code = await main(['roster', '--key', 'secret', '-'], { out: () => undefined, err: (s) => (err += s), stdin: () => 'Olivia', stdinIsTty: false });
    expect(code).toBe(2);
    expect(err).toMatch(/--key \(the salt\) must be/);
  });
});
