// The command line with images (../shared/spec/cli.md): --image on one draft, "images" in
// --jsonl lines (paths relative to the JSONL file), findings at the image's index, exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeImages, main } from '../../cli/main';
import * as fx from './fixtures';

afterAll(() => closeImages());

async function run(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), stdin: () => stdin, stdinIsTty: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'second-look-images-'));
const write = (name: string, content: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const settings = write('settings.json', JSON.stringify({ pack: 'aspire', organisation: { names: ['Penrice Primary Academy'] }, pupilNames: ['Olivia Smith'] }));

describe('second-look check --image', () => {
  it('checks the text and the images together: findings at the image index, exit 3', async () => {
    const cert = write('certificate.png', (await fx.certificate('Olivia Smith')).bytes);
    const r = await run(['check', '--json', '--settings', settings, '--account', 'official', '--image', cert, '-'], 'So proud of everyone today!');
    expect(r.code).toBe(3);
    const { findings } = JSON.parse(r.out) as { findings: { rule: string; start: number; end: number; excerpt: string; image: { name: string } }[] };
    expect(findings.map((f) => [f.rule, f.start, f.end, f.excerpt, f.image.name])).toEqual([['name-in-image', 0, 0, 'Olivia Smith', 'certificate.png']]);
    const text = await run(['check', '--settings', settings, '--account', 'official', '--image', cert, '-'], 'So proud of everyone today!');
    expect(text.out).toMatch(/image 1 \(certificate\.png\)\s+name-in-image\s+blocks\s+"Olivia Smith"/);
    expect(text.out).toMatch(/If an image containing a child's name/);
  });

  it('exits 0 for a clean draft with a clean image', async () => {
    const photo = write('hills.jpg', await fx.landscape());
    const r = await run(['check', '--settings', settings, '--image', photo, '-'], 'Lovely walk this morning.');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/No problems found/);
  });

  it('a missing image is bad usage (exit 2), and so is a file that is not an image', async () => {
    expect((await run(['check', '--image', join(dir, 'nope.jpg'), '-'], 'Hello')).code).toBe(2);
    const notImage = write('notes.jpg', 'not really a photo');
    const r = await run(['check', '--image', notImage, '-'], 'Hello');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/notes\.jpg: .*decode: the image could not be read/);
  });
});

describe('second-look check --jsonl with images', () => {
  it('reads image paths relative to the JSONL file, keeps the order, and reports bad lines', async () => {
    const sub = join(dir, 'batch');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(sub, 'photos'), { recursive: true });
    writeFileSync(join(sub, 'photos', 'trip.jpg'), await fx.withGps(await fx.landscape(), 51.5, -0.12));
    writeFileSync(join(sub, 'photos', 'group.jpg'), fx.demoPhoto(3));
    const lines = [
      { id: 'a', text: 'Well done to Olivia in Year 3!', account: 'official' },
      { id: 'b', text: 'Great day out', images: ['photos/trip.jpg'], pack: 'default' },
      { id: 'c', text: 'Our team', images: ['photos/group.jpg', 'photos/trip.jpg'], pack: 'default' },
      { id: 'd', text: 'Missing', images: ['photos/none.jpg'] },
      { id: 'e', text: 'Lovely weather for it.' },
    ];
    const file = join(sub, 'drafts.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const r = await run(['check', '--jsonl', file, '--settings', settings]);
    expect(r.code).toBe(1);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings?: { rule: string; start: number }[]; error?: string });
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(out[0]!.findings!.map((f) => f.rule)).toEqual(['child-name']);
    expect(out[1]!.findings!.map((f) => [f.rule, f.start])).toEqual([['location', 0]]);
    const c = out[2]!.findings!.map((f) => [f.rule, f.start]).sort();
    expect(c).toEqual([['location', 0], ['location', 1], ['pupil-photo', 0]]);
    expect(out[3]!.error).toMatch(/drafts\.jsonl:4: .*none\.jpg: no such image/);
    expect(out[4]!.findings).toEqual([]);
  });
});
