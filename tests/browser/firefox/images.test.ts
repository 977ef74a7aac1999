import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { GATE, editorText, launchFirefox, posts, pressUiButton, uiButtons, uiText, waitForUi, type Firefox } from '../support/firefox';
import { SCHOOL } from '../support/settings';
import * as fx from '../../images/fixtures';

// Attached images in the Firefox build: Firefox has no offscreen documents, so the background
// page itself runs the shipped models (TensorFlow.js's WebAssembly kernels for faces, Tesseract's
// worker for text) under the add-on's CSP. The images are the Chromium image tests' own.
let firefox: Firefox;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'second-look-firefox-images-'));

const COMPOSER = '[role="dialog"] [role="textbox"]';
const POST = '[role="dialog"] [aria-label="Post"]';

beforeAll(async () => {
  firefox = await launchFirefox();
  await firefox.setSettings(SCHOOL);
});
afterAll(async () => {
  await firefox?.close();
  rmSync(files, { recursive: true, force: true });
});

beforeEach(async () => {
  await page?.close();
  page = await firefox.open('facebook');
  await page.click('#open-composer');
  await page.click(COMPOSER);
});

/** Picks a file in the composer's "Photo/video" input, as a user picks it from disk. */
async function attach(name: string, bytes: Uint8Array): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, bytes);
  const input = (await page.$('[data-testid="media-input"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** The draft's findings once every attached image has been checked. */
async function findingsWhenChecked(expected: number) {
  await expect.poll(async () => (await firefox.report(page))?.images?.every((i) => i.status !== 'checking') ?? false, { timeout: 90_000 }).toBe(true);
  await expect.poll(async () => (await firefox.report(page))?.findings.length ?? 0, { timeout: 10_000 }).toBe(expected);
  return (await firefox.report(page))!;
}

describe('Firefox ESR: images attached in the Facebook composer', () => {
  it('a group photo: faces and its GPS position found, counted on the badge, and the post held', async () => {
    await page.keyboard.type('Great afternoon!');
    await attach('group.jpg', fx.demoPhoto(3));
    const draft = await findingsWhenChecked(2);
    expect(draft.findings.map((f) => [f.rule, f.severity, f.excerpt]).sort()).toEqual([
      ['location', 'block', 'group.jpg'],
      ['pupil-photo', 'block', 'group.jpg'],
    ]);
    expect(draft.images).toEqual([{ name: 'group.jpg', status: 'checked', errors: [] }]);
    expect(draft.findings.find((f) => f.rule === 'pupil-photo')!.image!.boxes.length).toBeGreaterThan(0);
    await expect.poll(() => firefox.badgeText(page)).toBe('2');

    await page.click(POST);
    await waitForUi(page, GATE);
    const text = (await uiText(page, GATE))!;
    expect(text).toContain('A photo that may show pupils');
    expect(text).toContain('Where someone is or lives');
    expect(await uiButtons(page, GATE)).toEqual(['Go back and edit']);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, COMPOSER)).toBe('Great afternoon!');
    expect(await page.evaluate(() => window.fixture.media.map((m) => m.name))).toEqual(['group.jpg']);
  });

  it("a certificate: Tesseract reads the pupil's name printed on it", async () => {
    const cert = await fx.certificate('Olivia Smith', { signedBy: 'Mrs J Patel, Headteacher' });
    await attach('certificate.png', cert.bytes);
    const draft = await findingsWhenChecked(1);
    expect(draft.findings.map((f) => [f.rule, f.excerpt])).toEqual([['name-in-image', 'Olivia Smith']]);
    const boxes = draft.findings[0]!.image!.boxes;
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(fx.overlaps(b, cert.nameBox)).toBe(true);
  });

  it('Firefox logged no error for the add-on while the models ran', async () => {
    expect(await firefox.extensionErrors()).toEqual([]);
  });
});
