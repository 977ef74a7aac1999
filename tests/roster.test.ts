// Pupil lists: MIS exports and pasted lists read into names, names turned into keyed hashes, and
// the engine matching the hashed form as it matches plain names, misspellings included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPupilNames, parseRoster } from '../settings/roster';
import { SettingsSchema } from '../settings/schema';
import { main } from '../cli/main';
import { check, corpusSettings } from './helpers';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

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

describe('hashed pupil names', () => {
  const hashed = hashPupilNames(['Olivia Smith', 'Jack Brown', 'Zainab Bello'], KEY);
  const settings = SettingsSchema.parse({ pack: 'default', pupilNameHashes: hashed });

  it('stores no name in plain text', () => {
    const json = JSON.stringify(settings).toLowerCase();
    for (const part of ['olivia', 'smith', 'jack', 'brown', 'zainab', 'bello']) expect(json).not.toContain(part);
    expect(hashed.count).toBe(3);
  });

  it('is deterministic for a key, and different under another key', () => {
    expect(hashPupilNames(['Olivia Smith'], KEY).hashes).toEqual(hashPupilNames(['Olivia Smith'], KEY).hashes);
    expect(hashPupilNames(['Olivia Smith']).hashes).not.toEqual(hashPupilNames(['Olivia Smith'], KEY).hashes);
  });

  it.each([
    ['Well done Olivia!', 'Olivia'],
    ["olivia's painting won", "olivia's"],
    ['Great work from 0livia today', '0livia'],
    ['Well done Olivai!', 'Olivai'],
    ['Thanks Z a i n a b for your help', 'Z a i n a b'],
    ['Olivia Smith read her poem', 'Olivia Smith'],
  ])('finds %j', (text, excerpt) => {
    const names = check({ text, platform: 'facebook', account: 'official' }, settings).filter((f) => f.rule === 'child-name');
    expect(names.map((f) => f.excerpt)).toEqual([excerpt]);
  });

  it('leaves titled staff alone', () => {
    expect(check({ text: 'Thanks to Mrs Brown and Mr Jack Smith.', platform: 'x', account: 'official' }, settings)).toEqual([]);
  });

  it('finds on the labelled corpus what the plain list finds', () => {
    const plainSettings = { ...corpusSettings, pack: 'default' };
    const hashedSettings = SettingsSchema.parse({ ...plainSettings, pupilNames: undefined, pupilNameHashes: hashPupilNames(corpusSettings.pupilNames ?? [], KEY) });
    const lines = readFileSync(new URL('./corpus/labelled.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; account: 'personal' | 'official' });
    let same = 0;
    for (const c of lines) {
      const a = check({ text: c.text, platform: 'x', account: c.account }, plainSettings).filter((f) => f.rule === 'child-name').map((f) => f.excerpt);
      const b = check({ text: c.text, platform: 'x', account: c.account }, hashedSettings).filter((f) => f.rule === 'child-name').map((f) => f.excerpt);
      if (JSON.stringify(a) === JSON.stringify(b)) same++;
    }
    // compromise is not told hashed names, and a hashed list cannot rule out two equally close
    // names, so a few drafts may differ.
    expect(same / lines.length).toBeGreaterThan(0.97);
  });
});

describe('second-look roster', () => {
  it('prints the settings value for a CSV, and nothing of the names', async () => {
    let out = '';
    let err = '';
    const code = await main(['roster', '--key', KEY, '-'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      stdin: () => 'First Name,Surname\nOlivia,Smith\nJack,Brown\n',
      stdinIsTty: false,
    });
    expect(code).toBe(0);
    expect(out).not.toMatch(/olivia|smith|jack|brown/i);
    expect(JSON.parse(out)).toEqual({ pupilNameHashes: hashPupilNames(['Olivia Smith', 'Jack Brown'], KEY) });
    expect(err).toMatch(/2 names hashed/);
  });
  it('rejects a key that is not hexadecimal', async () => {
    let err = '';
    const code = await main(['roster', '--key', 'secret', '-'], { out: () => undefined, err: (s) => (err += s), stdin: () => 'Olivia', stdinIsTty: false });
    expect(code).toBe(2);
    expect(err).toMatch(/--key must be/);
  });
});
