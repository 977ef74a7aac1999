// The image rules over analyses written out by hand: pure, no models. Each row says which
// rules must fire on an image, under which account, and which must not (as the text rules'
// tables do). The analyser itself is tested on real images in analyse.test.ts.
import { describe, expect, it } from 'vitest';
import { withPupilNames, type ImageAnalysis } from '../../rules';
import { derivedNameKeys } from '../../rules/engine/name-hash';
import type { Account } from '../../rules/engine/ids';
import type { RuleId } from '../../rules/engine/facts';
import type { Box, ImageWord } from '../../rules/engine/types';
import { hashPupilNames } from '../../settings/roster';
import { checkImagesOf, settings } from '../helpers';

const box = (x: number, y = 0.1): Box => ({ x, y, w: 0.1, h: 0.1 });
const line = (text: string, y: number): ImageWord[] =>
  text.split(' ').map((word, i) => ({ text: word, confidence: 90, box: { x: 0.1 + i * 0.15, y, w: 0.12, h: 0.05 } }));
const image = (over: Partial<ImageAnalysis>): ImageAnalysis => ({
  name: 'photo.jpg',
  width: 1200,
  height: 800,
  gps: null,
  faces: [],
  lines: [],
  logo: null,
  errors: [],
  ...over,
});
const text = (...lines: string[]) => lines.map((l, i) => line(l, 0.1 + i * 0.1));

const school = { ...settings, organisation: { ...settings.organisation, names: ['Penrice Primary Academy'] }, pupilNames: ['Olivia Smith', 'Jack Brown'] };

interface Row {
  name: string;
  image: ImageAnalysis;
  account?: Account;
  fires: RuleId[];
}

const rows: Row[] = [
  { name: 'nothing in it', image: image({}), fires: [] },
  { name: 'one adult face', image: image({ faces: [{ box: box(0.4), score: 0.9, age: 34 }] }), fires: [] },
  { name: "a child's face", image: image({ faces: [{ box: box(0.4), score: 0.9, age: 8 }] }), fires: ['pupil-photo'] },
  { name: 'two adult faces', image: image({ faces: [{ box: box(0.2), score: 0.9, age: 30 }, { box: box(0.6), score: 0.8, age: 41 }] }), fires: ['pupil-photo'] },
  { name: 'several faces, official account', image: image({ faces: [{ box: box(0.2), score: 0.9, age: 9 }, { box: box(0.6), score: 0.8, age: 10 }] }), account: 'official', fires: ['pupil-photo'] },
  { name: 'GPS in the metadata', image: image({ gps: { latitude: 51.5, longitude: -0.12 } }), fires: ['location'] },
  { name: 'a listed pupil on a certificate', image: image({ lines: text('Certificate of Achievement', 'This certificate is awarded to', 'Olivia Smith') }), fires: ['name-in-image'] },
  { name: 'an unlisted name introduced as on a certificate', image: image({ lines: text('Presented to', 'Zephyrine Okafor', 'for kindness') }), fires: ['name-in-image'] },
  { name: 'a first name on a badge', image: image({ lines: text('Hello my name is', 'Amelia') }), fires: ['name-in-image'] },
  { name: 'a name in a star-of-the-week display', image: image({ lines: text('Star of the week: Noah') }), fires: ['name-in-image'] },
  { name: 'a titled adult signs the certificate', image: image({ lines: text('Certificate of Achievement', 'Mrs Patel Headteacher') }), fires: [] },
  { name: 'ordinary words only', image: image({ lines: text('Sports Day', 'Summer Fair raffle tickets on sale') }), fires: [] },
  { name: "the school's name on a personal account", image: image({ lines: text('Penrice Primary Academy', 'Summer Fair') }), fires: ['logo-in-image'] },
  { name: "the school's name on an official account", image: image({ lines: text('Penrice Primary Academy', 'Summer Fair') }), account: 'official', fires: [] },
  { name: 'the logo on a personal account', image: image({ logo: { box: box(0.1), score: 0.92 } }), fires: ['logo-in-image'] },
  { name: 'the logo on an official account', image: image({ logo: { box: box(0.1), score: 0.92 } }), account: 'official', fires: [] },
];

describe('image rules', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const draft = { text: '', platform: 'facebook' as const, account: row.account ?? 'personal' };
    const findings = checkImagesOf([row.image], draft, school);
    expect(findings.map((f) => f.rule).sort()).toEqual([...row.fires].sort());
    for (const f of findings) {
      expect(f.start).toBe(0);
      expect(f.end).toBe(0);
      expect(f.image?.index).toBe(0);
      expect(f.clause.quote.length).toBeGreaterThan(12);
      expect(f.message.length).toBeGreaterThan(40);
    }
  });

  it('cites the consent clause and warns on an official account; blocks on a personal one', () => {
    const faces = [
      { box: box(0.2), score: 0.9, age: 9 },
      { box: box(0.6), score: 0.8, age: 10 },
    ];
    const personal = checkImagesOf([image({ faces })], { text: '', platform: 'x', account: 'personal' }, { pack: 'aspire' });
    const official = checkImagesOf([image({ faces })], { text: '', platform: 'x', account: 'official' }, { pack: 'aspire' });
    expect(personal[0]).toMatchObject({ rule: 'pupil-photo', severity: 'block', clause: { pack: 'aspire' } });
    expect(personal[0]!.clause.quote).toMatch(/Under no circumstances should staff share or upload student pictures/);
    expect(official[0]).toMatchObject({ rule: 'pupil-photo', severity: 'warn' });
    expect(official[0]!.message).toMatch(/consent/);
  });

  it('boxes every face, and the words of each name', () => {
    const faces = [
      { box: box(0.2), score: 0.9, age: 30 },
      { box: box(0.6), score: 0.8, age: 41 },
    ];
    const lines = text('awarded to', 'Olivia Smith', 'for reading');
    const [photo, cert] = [image({ faces }), image({ name: 'cert.png', lines })];
    const findings = checkImagesOf([photo, cert], { text: '', platform: 'facebook', account: 'personal' }, school);
    const pupil = findings.find((f) => f.rule === 'pupil-photo')!;
    expect(pupil.image).toEqual({ index: 0, name: 'photo.jpg', boxes: faces.map((f) => f.box) });
    const name = findings.find((f) => f.rule === 'name-in-image')!;
    expect([name.start, name.end, name.excerpt]).toEqual([1, 1, 'Olivia Smith']);
    expect(name.image?.boxes).toEqual([lines[1]![0]!.box, lines[1]![1]!.box]);
  });

  it('finds a pupil on a hashed list, misspelt by one letter, without the names in the settings', async () => {
    const params = { N: 1024, r: 1, p: 1, rounds: 1 };
    const hashed = { pack: 'default', pupilNameHashes: await hashPupilNames(['Demelza Trewin'], { salt: '00'.repeat(16), params }) };
    derivedNameKeys.clear();
    const findings = await withPupilNames(hashed, () => checkImagesOf([image({ lines: text('Well done', 'Demelsa') })], { text: '', platform: 'facebook', account: 'official' }, hashed));
    expect(findings.map((f) => [f.rule, f.excerpt])).toEqual([['name-in-image', 'Demelsa']]);
  });

  it('honours the rule switches and the pack', () => {
    const gps = image({ gps: { latitude: 1, longitude: 2 } });
    const draft = { text: '', platform: 'facebook' as const, account: 'personal' as const };
    expect(checkImagesOf([gps], draft, { rules: { location: { enabled: false } } })).toEqual([]);
    // Aspire's policy has no clause about location: its pack leaves the rule off.
    expect(checkImagesOf([gps], draft, { pack: 'aspire' })).toEqual([]);
    expect(checkImagesOf([gps], draft, { rules: { location: { severity: 'warn' } } })[0]?.severity).toBe('warn');
  });
});
