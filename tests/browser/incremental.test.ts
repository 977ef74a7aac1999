import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { checkDraft } from '../../rules';
import { packFor } from '../../packs';
import type { Account, Platform } from '../../rules/engine/ids';
import type { Finding } from '../../rules/engine/types';
import { SITES, launch, type Browser } from './support/chromium';
import { FACEBOOK_COMPOSER, markedText, report, setSettings } from './support/page';
import { SCHOOL } from './support/settings';
import { random } from '../support/random';

// Each edit reads only what it changed (content/text-map.ts EditableText) and sends only that
// to the worker: the text, findings and marks must be exactly those of a full re-read.
let browser: Browser;
let page: Page;

declare const chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } } };

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

const EDITORS = {
  'Lexical (Facebook)': { url: SITES.facebook.url, open: '#open-composer', editor: FACEBOOK_COMPOSER },
  'Draft.js (X)': { url: SITES.x.url, open: null, editor: '[data-testid="tweetTextarea_0"]' },
} as const;

async function openEditor(which: keyof typeof EDITORS): Promise<string> {
  const { url, open, editor } = EDITORS[which];
  await page.goto(url);
  if (open) await page.click(open);
  await page.locator(editor).click();
  return editor;
}

/** Pastes `text` at the caret, as the site's paste handler takes it. */
function paste(selector: string, text: string): Promise<void> {
  return page.locator(selector).evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const PHRASES = [
  'Well done to Olivia Smith in Year 3.',
  'Thanks to @jenny_b for the coaches.',
  'Sports day at Penrice Primary Academy was brilliant.',
  'Call me on 07700 900123 if you can help.',
  'The children ran and cheered all afternoon.',
  'Jack Brown read his poem',
  ' and ',
  'What a day!',
];

const PARAGRAPH = 'The children ran, jumped and cheered each other on all afternoon in the sunshine. ';

/** A fresh, whole check of `text` in Node with the same engine, settings and pack. */
function fullCheck(text: string, platform: Platform, account: Account): Finding[] {
  return checkDraft({ text, platform, account }, SCHOOL, { pack: packFor(SCHOOL) });
}

const key = (f: Finding) => `${f.rule}:${f.start}-${f.end}:${f.severity}:${f.excerpt}`;

/** Waits until the extension's findings for the editor's text are a full check's, and its marks too. */
async function expectSameAsFullRead(worker: Worker, selector: string, step: string): Promise<void> {
  const innerText = await page.locator(selector).evaluate((e) => (e as HTMLElement).innerText);
  let marks: string[] = [];
  await expect
    .poll(
      async () => {
        const r = await report(worker, page);
        if (!r) return `no report (${step})`;
        if (r.text !== innerText) return `text differs from a full read (${step}): ${JSON.stringify(r.text.slice(-80))} vs ${JSON.stringify(innerText.slice(-80))}`;
        const full = fullCheck(r.text, r.platform, r.account);
        // Overlapping findings are drawn as overlapping boxes, read back as one stretch of text.
        const spans = full.filter((f) => !f.image).map((f) => [f.start, f.end] as [number, number]).sort((x, y) => x[0] - y[0]);
        const merged: [number, number][] = [];
        for (const [start, end] of spans) {
          const last = merged.at(-1);
          if (last && start < last[1]) last[1] = Math.max(last[1], end);
          else merged.push([start, end]);
        }
        marks = merged.map(([start, end]) => r.text.slice(start, end)).sort();
        const expected = full.map(key);
        const actual = r.findings.map(key);
        return { step, missing: expected.filter((k) => !actual.includes(k)), extra: actual.filter((k) => !expected.includes(k)) };
      },
      { timeout: 20_000, interval: 100 },
    )
    .toEqual({ step, missing: [], extra: [] });
  await expect.poll(() => markedText(page), { timeout: 10_000 }).toEqual(marks);
}

describe.each(Object.keys(EDITORS) as (keyof typeof EDITORS)[])('%s', (which) => {
  it('finds and marks exactly what a full re-read finds, through random typing, pasting, deleting and moving', async () => {
    const worker = browser.worker!;
    const selector = await openEditor(which);
    // Marks are drawn only where the editor shows its text: let the long draft show whole, so
    // that every mark is drawn and can be compared with a full re-read.
    await page.setViewportSize({ width: 1280, height: 8000 });
    await page.locator(selector).evaluate((editor) => {
      for (let e: HTMLElement | null = editor as HTMLElement; e && e !== document.body; e = e.parentElement) {
        e.style.maxHeight = 'none';
        e.style.height = 'auto';
        e.style.overflow = 'visible';
      }
    });
    const seed = which.length * 7919;
    const next = random(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    // A long draft to start from: checked chunk by chunk, and whole once typing pauses.
    await paste(selector, Array.from({ length: 6 }, (_, i) => `${PHRASES[i % PHRASES.length]} ${PARAGRAPH.repeat(3)}`).join('\n'));
    await expectSameAsFullRead(worker, selector, 'paste');
    for (let step = 0; step < 24; step++) {
      const op = Math.floor(next() * 7);
      let what = '';
      if (op === 0) {
        what = `type at the end`;
        await page.keyboard.press('Control+End');
        await page.keyboard.type(` ${pick(PHRASES)}`);
      } else if (op === 1) {
        what = 'type at the start';
        await page.keyboard.press('Control+Home');
        await page.keyboard.type(`${pick(PHRASES)} `);
      } else if (op === 2) {
        const n = 1 + Math.floor(next() * 12);
        what = `backspace ${n}`;
        for (let i = 0; i < n; i++) await page.keyboard.press('Backspace');
      } else if (op === 3) {
        what = 'new paragraph';
        await page.keyboard.press('Enter');
        await page.keyboard.type(pick(PHRASES));
      } else if (op === 4) {
        what = 'paste paragraphs';
        await paste(selector, `${pick(PHRASES)}\n${PARAGRAPH}${pick(PHRASES)}`);
      } else if (op === 5) {
        const n = 1 + Math.floor(next() * 3);
        what = `up ${n}, left, type`;
        for (let i = 0; i < n; i++) await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.type(pick(PHRASES));
      } else {
        const n = 1 + Math.floor(next() * 30);
        what = `select ${n} back and delete`;
        for (let i = 0; i < n; i++) await page.keyboard.press('Shift+ArrowLeft');
        await page.keyboard.press('Delete');
      }
      // Half the steps are checked at once, half only after the next step: edits pile up.
      if (next() < 0.5 || step === 23) await expectSameAsFullRead(worker, selector, `seed ${seed}, step ${step}: ${what}`);
    }
  });
});

describe('a keystroke in a long draft', () => {
  it('sends the worker what changed, not the draft', async () => {
    const worker = browser.worker!;
    const selector = await openEditor('Lexical (Facebook)');
    await paste(selector, Array.from({ length: 200 }, (_, i) => `Paragraph ${i}. ${PARAGRAPH}`).join('\n'));
    await expectSameAsFullRead(worker, selector, 'paste');
    await worker.evaluate(() => {
      const seen: { size: number; edit: boolean }[] = [];
      (globalThis as unknown as { seenChecks: typeof seen }).seenChecks = seen;
      chrome.runtime.onMessage.addListener((message) => {
        const m = message as { type?: string; edit?: unknown } | null;
        if (m?.type === 'check') seen.push({ size: JSON.stringify(m).length, edit: m.edit !== undefined });
        return undefined;
      });
    });
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Olivia Smith');
    await expectSameAsFullRead(worker, selector, 'typed');
    const seen = await worker.evaluate(() => (globalThis as unknown as { seenChecks: { size: number; edit: boolean }[] }).seenChecks);
    const length = await page.locator(selector).evaluate((e) => (e as HTMLElement).innerText.length);
    expect(length).toBeGreaterThan(15_000);
    expect(seen.length).toBeGreaterThan(0);
    for (const check of seen) {
      expect(check.edit).toBe(true);
      expect(check.size).toBeLessThan(1_000);
    }
  });
});
