import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import exifr from 'exifr';
import { SITES, launch, type Browser } from './support/chromium';
import { badgeText, overlayRects, posts, report, setSettings, ui } from './support/page';
import { EXTENSION_ID, axeViolations, openPopup } from './support/extension';
import { NetworkWatch, outsideRequests } from './support/network';
import { SCHOOL } from './support/settings';
import { UiLocator } from './support/ui';
import * as fx from '../images/fixtures';
import { nodeAnalyser } from '../../images/node';
import type { Box } from '../../rules/engine/types';

// Attached images in Facebook's "Create post" composer: picked in its file input, dropped on the
// dialog, pasted into the editor. The extension analyses each in its offscreen document (the
// shipped models, no network), and the findings join the draft's: card with a thumbnail and the
// faces or names boxed, badge, gate, and the safe copy (download, or swap in the file input).
let browser: Browser;
let page: Page;
/** Every target's requests (support/network.ts): the offscreen document and its OCR worker included. */
let watch: NetworkWatch;
const analyser = nodeAnalyser();

const LOGO = `data:image/png;base64,${Buffer.from(await fx.logo()).toString('base64')}`;

beforeAll(async () => {
  browser = await launch({ extension: true, devtools: true });
  // Before the first image: the offscreen document and the worker it starts are watched from their start.
  watch = await NetworkWatch.start(browser.devtools!);
  await setSettings(browser.worker!, { ...SCHOOL, logo: LOGO });
});
afterAll(async () => {
  await watch?.close();
  await browser?.close();
  await analyser.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  await page.goto(SITES.facebook.url);
  await page.click('#open-composer');
  await page.locator(COMPOSER).click();
});

const COMPOSER = '[role="dialog"] [role="textbox"]';
const gate = () => ui(page).getByRole('alertdialog');
const card = () => ui(page).getByRole('dialog', { name: /^Second Look/ });
const chip = () => ui(page).getByRole('button', { name: /^Second Look: \d+ things? to check/ });

async function attach(name: string, bytes: Uint8Array, mimeType = 'image/jpeg'): Promise<void> {
  await page.setInputFiles('[data-testid="media-input"]', { name, mimeType, buffer: Buffer.from(bytes) });
}

/** Drops or pastes a file as the browser would deliver it (a DataTransfer holding a File). */
async function transfer(kind: 'drop' | 'paste', name: string, bytes: Uint8Array, type: string): Promise<void> {
  await page.evaluate(
    ({ kind, name, base64, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      const target = kind === 'drop' ? document.querySelector('[role="dialog"]')! : document.querySelector('[role="dialog"] [role="textbox"]')!;
      const event = kind === 'drop' ? new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }) : new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
    },
    { kind, name, base64: Buffer.from(bytes).toString('base64'), type },
  );
}

/** The draft's findings once every attached image has been checked. */
async function findingsWhenChecked(expected: number) {
  await expect.poll(async () => (await report(browser.worker!, page))?.images?.every((i) => i.status !== 'checking') ?? false, { timeout: 60_000 }).toBe(true);
  await expect.poll(async () => (await report(browser.worker!, page))?.findings.length ?? 0, { timeout: 10_000 }).toBe(expected);
  return (await report(browser.worker!, page))!;
}

/** The boxes drawn on a thumbnail (the card's, or a popup finding's), as fractions of the thumbnail. */
function thumbnailBoxes(within: Locator | UiLocator = card()): Promise<Box[]> {
  const measure = (node: Element): Box[] => {
    const img = node.querySelector('.thumbnail img')!.getBoundingClientRect();
    return [...node.querySelectorAll('[data-box]')].map((b) => {
      const r = b.getBoundingClientRect();
      return { x: (r.x - img.x) / img.width, y: (r.y - img.y) / img.height, w: r.width / img.width, h: r.height / img.height };
    });
  };
  return within instanceof UiLocator ? within.evaluate(measure) : within.evaluate(measure);
}

async function openImageCard(label: string): Promise<void> {
  await chip().click();
  // The card draws on the next frame: wait for each step to show before reading it again.
  for (let i = 0; i < 6 && (await card().locator('h2').innerText()) !== label; i++) {
    const before = await card().locator('.nav').innerText();
    await card().getByRole('button', { name: 'Next finding' }).click();
    await expect.poll(() => card().locator('.nav').innerText()).not.toBe(before);
  }
  await expect.poll(() => card().locator('h2').innerText()).toBe(label);
  await card().locator('.thumbnail img').waitFor();
}

/** Mean absolute difference between two images' pixels inside a box (0 to 255), both decoded at the same size. */
async function difference(a: Uint8Array, b: Uint8Array, box: Box): Promise<number> {
  const [ia, ib] = await Promise.all([loadImage(Buffer.from(a)), loadImage(Buffer.from(b))]);
  const read = (image: typeof ia) => {
    const canvas = createCanvas(ia.width, ia.height);
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0);
    return g.getImageData(Math.round(box.x * ia.width), Math.round(box.y * ia.height), Math.max(1, Math.round(box.w * ia.width)), Math.max(1, Math.round(box.h * ia.height))).data;
  };
  const [pa, pb] = [read(ia), read(ib)];
  let sum = 0;
  for (let i = 0; i < pa.length; i += 4) sum += Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) + Math.abs(pa[i + 2]! - pb[i + 2]!);
  return sum / ((pa.length / 4) * 3);
}

describe('images attached in the Facebook composer', () => {
  it('a group photo from the file input: pupil-photo and location findings, faces boxed on the thumbnail, badge and gate', async () => {
    await page.keyboard.type('Great afternoon!');
    const original = fx.demoPhoto(3);
    await attach('group.jpg', original);
    const draft = await findingsWhenChecked(2);
    expect(draft.findings.map((f) => [f.rule, f.severity, f.start, f.end, f.excerpt]).sort()).toEqual([
      ['location', 'block', 0, 0, 'group.jpg'],
      ['pupil-photo', 'block', 0, 0, 'group.jpg'],
    ]);
    expect(draft.images).toEqual([{ name: 'group.jpg', status: 'checked', errors: [] }]);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('2');

    // Same analysis in Node, with the same models: the faces it finds are the ones boxed.
    const faces = (await analyser.analyse(original, { name: 'group.jpg' })).analysis.faces;
    await openImageCard('A photo that may show pupils');
    const boxes = await thumbnailBoxes();
    expect(boxes).toHaveLength(faces.length);
    for (const face of faces) expect(boxes.some((b) => fx.overlaps(b, face.box))).toBe(true);
    // Text findings' marks are untouched: an image finding draws nothing in the editor.
    expect(await overlayRects(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"] [aria-label="Post"]').click();
    await gate().waitFor();
    const text = await gate().innerText();
    expect(text).toContain('A photo that may show pupils');
    expect(text).toContain('Where someone is or lives');
    expect(await gate().getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    expect(await posts(page)).toEqual([]);
  });

  it('the safe copy: downloaded with the faces blurred and no metadata; swapped in, it passes', async () => {
    const original = fx.demoPhoto(1);
    await attach('party.jpg', original);
    await findingsWhenChecked(2);
    await openImageCard('A photo that may show pupils');
    const faceBoxes = await thumbnailBoxes();

    const [download] = await Promise.all([page.waitForEvent('download'), card().getByRole('button', { name: 'Download a safe copy' }).click()]);
    expect(download.suggestedFilename()).toBe('party-safe.jpg');
    const { readFileSync } = await import('node:fs');
    const safe = new Uint8Array(readFileSync((await download.path())!));
    expect(await exifr.parse(safe, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: false, jfif: false })).toBeUndefined();
    const { analysis } = await analyser.analyse(safe, { name: 'party-safe.jpg' });
    expect([analysis.width, analysis.height]).toEqual([1920, 1280]);
    expect(analysis.faces).toEqual([]);
    expect(analysis.gps).toBeNull();
    // Inside each face the copy differs a lot from the original; well away from them, hardly.
    for (const box of faceBoxes) expect(await difference(original, safe, box)).toBeGreaterThan(8);
    expect(await difference(original, safe, { x: 0.02, y: 0.02, w: 0.1, h: 0.1 })).toBeLessThan(4);

    await card().getByRole('button', { name: 'Use a safe copy instead' }).click();
    // The copy is made at full size in the extension (decode, blur, encode): allow it time.
    await expect.poll(() => page.evaluate(() => window.fixture.media.map((m) => m.name)), { timeout: 30_000 }).toEqual(['party-safe.jpg']);
    const after = await findingsWhenChecked(0);
    expect(after.images).toEqual([{ name: 'party-safe.jpg', status: 'checked', errors: [] }]);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('');
  });

  it("among several photos picked together, the safe copy takes the original's place, never a place beside it", async () => {
    await page.setInputFiles('[data-testid="media-input"]', [
      { name: 'party.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(fx.demoPhoto(1)) },
      { name: 'hills.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await fx.landscape()) },
    ]);
    await findingsWhenChecked(2);
    await openImageCard('A photo that may show pupils');
    await card().getByRole('button', { name: 'Use a safe copy instead' }).click();
    await expect.poll(() => page.evaluate(() => window.fixture.media.map((m) => m.name)), { timeout: 30_000 }).toEqual(['party-safe.jpg', 'hills.jpg']);
    const after = await findingsWhenChecked(0);
    expect(after.images!.map((i) => i.name)).toEqual(['party-safe.jpg', 'hills.jpg']);
  });

  it("a certificate dropped on the composer: the pupil's name is found and boxed where it is printed", async () => {
    const cert = await fx.certificate('Olivia Smith', { signedBy: 'Mrs J Patel, Headteacher' });
    await transfer('drop', 'certificate.png', cert.bytes, 'image/png');
    const draft = await findingsWhenChecked(1);
    expect(draft.findings.map((f) => [f.rule, f.excerpt])).toEqual([['name-in-image', 'Olivia Smith']]);
    await openImageCard('A name in an image');
    const boxes = await thumbnailBoxes();
    expect(boxes.length).toBe(2);
    for (const b of boxes) expect(fx.overlaps(b, cert.nameBox)).toBe(true);
    // Dropped, not picked: there is no file input to swap, so only the download is offered.
    expect(await card().getByRole('button', { name: 'Use a safe copy instead' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), card().getByRole('button', { name: 'Download a safe copy' }).click()]);
    expect(download.suggestedFilename()).toBe('certificate-safe.png');
    const { readFileSync } = await import('node:fs');
    const safe = new Uint8Array(readFileSync((await download.path())!));
    const read = (await analyser.analyse(safe, { name: 'safe.png' })).analysis.lines.map((l) => l.map((w) => w.text).join(' ')).join('\n');
    expect(read).toMatch(/Certificate of Achievement/);
    expect(read).not.toMatch(/Olivia|Smith/);
  });

  it('the school logo in a pasted photo warns on a personal account: Post anyway is offered', async () => {
    await page.keyboard.type('Lovely walk today.');
    const { bytes } = await fx.photoWithLogo(0.2, { x: 0.5, y: 0.2 });
    await transfer('paste', 'walk.jpg', bytes, 'image/jpeg');
    const draft = await findingsWhenChecked(1);
    expect(draft.findings.map((f) => [f.rule, f.severity])).toEqual([['logo-in-image', 'warn']]);
    await page.locator('[role="dialog"] [aria-label="Post"]').click();
    await gate().waitFor();
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual(['Lovely walk today.']);
  });

  it('a clean photo passes: no finding, no gate, and no request leaves the browser from any target', async () => {
    await page.keyboard.type('Lovely walk today.');
    await attach('hills.jpg', await fx.landscape());
    await transfer('paste', 'shapes.png', await fx.graphic(), 'image/png');
    const draft = await findingsWhenChecked(0);
    expect(draft.images?.map((i) => [i.name, i.status])).toEqual([
      ['hills.jpg', 'checked'],
      ['shapes.png', 'checked'],
    ]);
    await page.locator('[role="dialog"] [aria-label="Post"]').click();
    await expect.poll(() => posts(page)).toEqual(['Lovely walk today.']);
    // Nor did any image work before it in this file, in any target: the offscreen document where
    // the models run and the worker Tesseract starts there are watched as well as the pages.
    const outside = outsideRequests(watch.requests, EXTENSION_ID);
    expect(outside.map((r) => `${r.targetType} ${r.documentUrl} -> ${r.url}`)).toEqual([]);
    const offscreen = [...watch.find('other', /\/offscreen\.html/), ...watch.find('page', /\/offscreen\.html/)];
    const workers = watch.find('worker', new RegExp(`^chrome-extension://${EXTENSION_ID}/`));
    for (const [name, targets] of Object.entries({ offscreen, workers })) {
      expect(targets.length, name).toBeGreaterThan(0);
      expect(targets.every((t) => t.watched), name).toBe(true);
      // Seen making its own (local) requests: the model files, the WebAssembly.
      expect(watch.requests.filter((r) => targets.some((t) => t.targetId === r.targetId)).length, name).toBeGreaterThan(0);
    }
  });

  it('an image attached just before Post holds the post until it is checked, then gates it', async () => {
    await page.keyboard.type('Our team');
    await attach('team.jpg', fx.demoPhoto(5));
    await page.locator('[role="dialog"] [aria-label="Post"]').click();
    await gate().waitFor({ timeout: 60_000 });
    expect(await gate().innerText()).toContain('A photo that may show pupils');
    expect(await posts(page)).toEqual([]);
  });

  it('the popup lists the image findings with their thumbnail boxed, beside the text ones', async () => {
    await page.keyboard.type('Well done to Olivia today!');
    await attach('group.jpg', fx.demoPhoto(3));
    const draft = await findingsWhenChecked(3);
    const faces = draft.findings.find((f) => f.rule === 'pupil-photo')!.image!.boxes;
    const popup = await openPopup(browser.context, browser.worker!, page);
    try {
      await popup.locator('li[data-rule="pupil-photo"]').waitFor();
      expect(await popup.getByTestId('draft').innerText()).toBe('Well done to Olivia today!');
      expect(await popup.getByTestId('draft').locator('mark').allInnerTexts()).toEqual(['Olivia']);
      expect(await popup.getByTestId('images').innerText()).toMatch(/group\.jpg: ✓ Checked/);
      const item = popup.locator('li[data-rule="pupil-photo"]');
      expect(await item.innerText()).toContain('In the attached image: group.jpg');
      const boxes = await thumbnailBoxes(item);
      expect(boxes).toHaveLength(faces.length);
      for (const face of faces) expect(boxes.some((b) => fx.overlaps(b, face))).toBe(true);
      expect(await popup.locator('li[data-rule="location"]').innerText()).toContain('In the attached image: group.jpg');
      expect(await axeViolations(popup)).toEqual([]);
      if (process.env.SCREENSHOTS) await popup.screenshot({ path: `${process.env.SCREENSHOTS}/popup-images.png`, fullPage: true });
    } finally {
      await popup.close();
    }
  });

  it('an image that cannot be checked is named in the popup and the gate, never passed', async () => {
    await page.keyboard.type('Lovely walk today.');
    await attach('broken.jpg', new TextEncoder().encode('not a JPEG at all'));
    await expect.poll(async () => (await report(browser.worker!, page))?.images?.[0]?.status, { timeout: 60_000 }).toBe('failed');
    const popup = await openPopup(browser.context, browser.worker!, page);
    try {
      const images = popup.getByTestId('images');
      await expect.poll(() => images.innerText()).toMatch(/broken\.jpg: ⛔ Not fully checked/);
      expect(await images.innerText()).toMatch(/the image could not be read/);
      expect(await popup.getByText(/Nothing found/).count()).toBe(0);
    } finally {
      await popup.close();
    }
    await page.locator('[role="dialog"] [aria-label="Post"]').click();
    await gate().waitFor();
    expect(await gate().innerText()).toMatch(/"broken\.jpg" could not be fully checked/);
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    expect(await posts(page)).toEqual([]);
  });

  // How long the page's longest task is meanwhile is measured by `npm run bench:browser`, not
  // asserted here: a timed assertion fails on a busy machine, not on slow code.
  it('a 12-megapixel photo picked from disk is read and checked', async () => {
    // Picked from disk, as a user picks it: handing Playwright the bytes would build the file
    // from base64 on the page's own thread, a long task of the test's making.
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'second-look-photo-')), 'phone.jpg');
    writeFileSync(file, await fx.twelveMegapixels());
    await page.setInputFiles('[data-testid="media-input"]', file);
    const draft = await findingsWhenChecked(2);
    expect(draft.findings.map((f) => f.rule).sort()).toEqual(['location', 'pupil-photo']);
  });
});
