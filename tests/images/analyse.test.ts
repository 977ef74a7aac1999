// The image analyser on real images, with the real models (face-api's tiny face detector and
// age model on TensorFlow's WebAssembly backend, Tesseract with the shipped English model),
// through the engine: the demo photographs face-api ships, certificates drawn here, a photo
// with GPS written into it, a logo put into a photo, and pictures with nothing in them.
import { afterAll, describe, expect, it } from 'vitest';
import exifr from 'exifr';
import type { Finding } from '../../rules';
import { checkImagesOf } from '../helpers';
import type { Account } from '../../rules/engine/ids';
import type { Settings } from '../../settings/schema';
import { nodeAnalyser } from '../../images/node';
import * as fx from './fixtures';

const analyser = nodeAnalyser();
afterAll(() => analyser.close());

const LOGO = fx.logo().then((b) => `data:image/png;base64,${Buffer.from(b).toString('base64')}`);
const school = async (): Promise<Settings> => ({
  pack: 'default',
  organisation: { names: ['Penrice Primary Academy'] },
  pupilNames: ['Olivia Smith', 'Jack Brown'],
  logo: await LOGO,
});

async function check(bytes: Uint8Array, account: Account = 'personal', name = 'image.jpg'): Promise<Finding[]> {
  const settings = await school();
  const { analysis } = await analyser.analyse(bytes, { name, logo: settings.logo! });
  expect(analysis.errors).toEqual([]);
  return checkImagesOf([analysis], { text: '', platform: 'facebook', account }, settings);
}
const rules = (findings: Finding[]) => findings.map((f) => f.rule).sort();
/**
 * Every metadata block a photo can carry about where, when and by whom it was taken (EXIF, GPS,
 * XMP, IPTC). A colour profile the encoder adds says nothing about the photo, so it is left out.
 */
const metadata = (bytes: Uint8Array) =>
  exifr.parse(bytes, { tiff: true, exif: true, gps: true, ifd1: true, interop: true, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false });

describe('faces', () => {
  it.each([1, 3, 5, 6] as const)('demo photograph %i: a group of people is a pupil-photo finding with every face boxed', async (n) => {
    const findings = await check(fx.demoPhoto(n));
    const photo = findings.find((f) => f.rule === 'pupil-photo');
    expect(photo?.severity).toBe('block');
    expect(photo!.image!.boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of photo!.image!.boxes) {
      expect(b.w).toBeGreaterThan(0.05);
      expect(b.x).toBeGreaterThanOrEqual(-0.05);
      expect(b.x + b.w).toBeLessThanOrEqual(1.05);
    }
  });

  it('the same group from an official account asks for a consent check instead', async () => {
    const photo = (await check(fx.demoPhoto(3), 'official')).find((f) => f.rule === 'pupil-photo');
    expect(photo).toMatchObject({ severity: 'warn' });
    expect(photo!.message).toMatch(/consent/);
  });

  it('one adult face passes', async () => {
    const { analysis } = await analyser.analyse(await fx.oneAdult(), { name: 'me.jpg' });
    expect(analysis.faces).toHaveLength(1);
    expect(analysis.faces[0]!.age).toBeGreaterThan(20);
    expect(rules(await check(await fx.oneAdult()))).toEqual([]);
  });
});

describe('names', () => {
  it("a pupil's name on a certificate is found, boxed where it was drawn", async () => {
    const cert = await fx.certificate('Olivia Smith', { signedBy: 'Mrs J Patel, Headteacher' });
    const findings = await check(cert.bytes, 'official', 'certificate.png');
    expect(rules(findings)).toEqual(['name-in-image']);
    const [name] = findings;
    expect(name!.excerpt).toBe('Olivia Smith');
    const boxes = name!.image!.boxes;
    const union = {
      x: Math.min(...boxes.map((b) => b.x)),
      y: Math.min(...boxes.map((b) => b.y)),
      w: Math.max(...boxes.map((b) => b.x + b.w)) - Math.min(...boxes.map((b) => b.x)),
      h: Math.max(...boxes.map((b) => b.y + b.h)) - Math.min(...boxes.map((b) => b.y)),
    };
    expect(fx.overlaps(union, cert.nameBox)).toBe(true);
  });

  it('a name not on the list, introduced as certificates do, is found too', async () => {
    const cert = await fx.certificate('Zephyrine Okafor');
    expect((await check(cert.bytes, 'official')).map((f) => [f.rule, f.excerpt])).toEqual([['name-in-image', 'Zephyrine Okafor']]);
  });

  it('a certificate with no pupil named (signed by a titled adult) passes', async () => {
    const cert = await fx.certificate(null, { signedBy: 'Mrs J Patel, Headteacher' });
    expect(rules(await check(cert.bytes, 'official'))).toEqual([]);
  });

  it("the school's name printed on a certificate is branding on a personal account only", async () => {
    const cert = await fx.certificate(null, { school: 'Penrice Primary Academy' });
    const personal = await check(cert.bytes, 'personal');
    expect(personal.map((f) => [f.rule, f.excerpt])).toEqual([['logo-in-image', 'Penrice Primary Academy']]);
    expect(rules(await check(cert.bytes, 'official'))).toEqual([]);
  });
});

describe('logo', () => {
  it.each([
    [0.2, { x: 0.55, y: 0.3 }],
    [0.1, { x: 0.05, y: 0.7 }],
    [0.15, { x: 0.05, y: 0.6 }],
    [0.35, { x: 0.4, y: 0.1 }],
  ] as const)('the configured logo, %s of the width at %o, is found where it was put', async (fraction, at) => {
    const { bytes, logoBox } = await fx.photoWithLogo(fraction, at);
    const findings = await check(bytes);
    expect(rules(findings)).toEqual(['logo-in-image']);
    expect(fx.overlaps(findings[0]!.image!.boxes[0]!, logoBox)).toBe(true);
    expect(rules(await check(bytes, 'official'))).toEqual([]);
  });

  it('photos without the logo do not match it', async () => {
    for (const bytes of [await fx.landscape(), await fx.graphic(), fx.demoPhoto(2), fx.demoPhoto(4), (await fx.certificate('Olivia Smith')).bytes]) {
      const { analysis } = await analyser.analyse(bytes, { name: 'x', logo: await LOGO });
      expect(analysis.logo).toBeNull();
    }
  });
});

describe('metadata', () => {
  it('GPS written into a photo is a location finding, with the place in the message', async () => {
    const findings = await check(await fx.withGps(await fx.landscape(), 52.2053, 0.1218));
    expect(rules(findings)).toEqual(['location']);
    expect(findings[0]!.message).toContain('52.2053, 0.1218');
    expect(findings[0]!.image!.boxes).toEqual([]);
  });

  it('the demo photographs carry GPS too', async () => {
    expect(rules(await check(fx.demoPhoto(5)))).toContain('location');
  });
});

describe('clean images', () => {
  it.each([
    ['a landscape with no people, no text and no metadata', fx.landscape],
    ['a graphic (PNG) of shapes', fx.graphic],
  ])('%s passes every rule, on either account', async (_name, make) => {
    const bytes = await make();
    expect(await metadata(bytes)).toBeUndefined();
    expect(await check(bytes, 'personal')).toEqual([]);
    expect(await check(bytes, 'official')).toEqual([]);
  });
});

describe('the safe copy', () => {
  it('blurs the faces so none is found again, and strips all metadata', async () => {
    const original = fx.demoPhoto(1);
    const { analysis } = await analyser.analyse(original, { name: 'a.jpg' });
    expect(analysis.gps).not.toBeNull();
    const safe = await analyser.safeCopy(original, analysis.faces.map((f) => f.box), 'image/jpeg');
    expect(safe.type).toBe('image/jpeg');
    expect(await metadata(original)).toBeDefined();
    expect(await metadata(safe.bytes)).toBeUndefined();
    const again = (await analyser.analyse(safe.bytes, { name: 'safe.jpg' })).analysis;
    expect([again.width, again.height]).toEqual([analysis.width, analysis.height]);
    expect(again.faces).toEqual([]);
    expect(again.gps).toBeNull();
  });

  it('blurs the name on a certificate so it cannot be read, and leaves the rest readable', async () => {
    const cert = await fx.certificate('Olivia Smith');
    const findings = await check(cert.bytes, 'official');
    const safe = await analyser.safeCopy(cert.bytes, findings.flatMap((f) => f.image!.boxes), 'image/png');
    expect(safe.type).toBe('image/png');
    const again = (await analyser.analyse(safe.bytes, { name: 'safe.png' })).analysis;
    const read = again.lines.map((l) => l.map((w) => w.text).join(' ')).join('\n');
    expect(read).not.toMatch(/Olivia|Smith/);
    expect(read).toMatch(/Certificate of Achievement/);
    expect(rules(await check(safe.bytes, 'official'))).toEqual([]);
  });
});

describe('errors', () => {
  it('a file that is not an image is reported as not read, not passed as clean', async () => {
    const { analysis } = await analyser.analyse(new TextEncoder().encode('not an image'), { name: 'notes.txt' });
    expect(analysis.errors.map((e) => e.step)).toContain('decode');
  });
});
