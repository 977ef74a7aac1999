import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { checkDraft } from '../../rules';
import { packFor } from '../../packs';
import type { Account, Platform } from '../../rules/engine/ids';
import type { Finding } from '../../rules/engine/types';
import { SITES, launch, type Browser } from './support/chromium';
import { FACEBOOK_COMPOSER, markedText, overlayRects, report, setSettings } from './support/page';
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
  // The browser's own editing (no editor library): it keeps the first line as text directly in
  // the box and each line after it in a <div>, which content/text-map.ts reads as blocks.
  'plain contenteditable': { url: SITES.facebook.url, open: null, editor: '#plain-box' },
  // A textarea the site adapters do not know (the page review form): its marks come from a
  // mirror kept line by line (content/field-mirror.ts).
  textarea: { url: SITES.facebook.url, open: null, editor: '#review-text' },
} as const;

async function openEditor(which: keyof typeof EDITORS): Promise<string> {
  const { url, open, editor } = EDITORS[which];
  await page.goto(url);
  if (which === 'plain contenteditable') {
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'plain-box';
      box.contentEditable = 'true';
      box.setAttribute('style', 'width: 1100px; min-height: 100px; font: 15px sans-serif;');
      document.body.prepend(box);
    });
  }
  if (open) await page.click(open);
  await page.locator(editor).click();
  // The box is checked from the user's first trusted key or pointer event in it; the click that
  // focused it came before Second Look took the box up, and the browser's own paste (insertText)
  // is no such event.
  if (!open && which !== 'Draft.js (X)') await page.keyboard.press('End');
  return editor;
}

/** The editor's text as a full read gives it. */
function fullText(selector: string): Promise<string> {
  return page.locator(selector).evaluate((e) => (e instanceof HTMLTextAreaElement ? e.value : (e as HTMLElement).innerText));
}

/** Pastes `text` at the caret, as the site's paste handler takes it (the browser's own, for a box with no editor library). */
function paste(selector: string, text: string): Promise<void> {
  if (selector === EDITORS['plain contenteditable'].editor || selector === EDITORS.textarea.editor) return page.keyboard.insertText(text);
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
  const innerText = await fullText(selector);
  let marks: string[] = [];
  let markSpans: [number, number][] = [];
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
        markSpans = spans;
        const expected = full.map(key);
        const actual = r.findings.map(key);
        return { step, missing: expected.filter((k) => !actual.includes(k)), extra: actual.filter((k) => !expected.includes(k)) };
      },
      { timeout: 20_000, interval: 100 },
    )
    .toEqual({ step, missing: [], extra: [] });
  if (selector !== EDITORS.textarea.editor) {
    // Read back from the screen, a mark that wraps at a space ("07700 | 900123") has no box over
    // that space (a space at a soft wrap takes no width), and two marks that touch across a wrap
    // ("Call me on" | "07700 900123") read back as one run: so the marked characters are compared,
    // all of them, without spaces (a missing, extra or misplaced mark still changes them).
    const bare = (texts: string[]) => [...texts.join('').replace(/\s+/g, '')].sort().join('');
    await expect.poll(async () => bare(await markedText(page)), { timeout: 10_000 }).toEqual(bare(marks));
    return;
  }
  // A textarea's text is not in the DOM: its marks must be where a mirror of its whole text, made
  // afresh, puts each finding's words.
  const expected = await page.locator(selector).evaluate((element, spans) => {
    const textarea = element as HTMLTextAreaElement;
    const style = getComputedStyle(textarea);
    const mirror = document.createElement('div');
    for (const property of ['box-sizing', 'font-family', 'font-size', 'font-style', 'font-weight', 'letter-spacing', 'line-height', 'word-spacing', 'tab-size', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left']) {
      mirror.style.setProperty(property, style.getPropertyValue(property));
    }
    Object.assign(mirror.style, { position: 'fixed', left: '0', top: '0', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', border: '0', boxSizing: 'content-box' });
    mirror.style.width = `${textarea.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`;
    const node = document.createTextNode(textarea.value);
    mirror.append(node);
    document.body.append(mirror);
    const origin = mirror.getBoundingClientRect();
    const box = textarea.getBoundingClientRect();
    const dx = box.left + textarea.clientLeft - textarea.scrollLeft - origin.left;
    const dy = box.top + textarea.clientTop - textarea.scrollTop - origin.top;
    const out: string[] = [];
    for (const [start, end] of spans) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      for (const r of range.getClientRects()) if (r.width > 0) out.push(`${Math.round(r.left + dx)},${Math.round(r.top + dy)},${Math.round(r.width)}`);
    }
    mirror.remove();
    return [...new Set(out)].sort();
  }, markSpans);
  expect(expected.length).toBeGreaterThan(0);
  await expect
    .poll(async () => [...new Set((await overlayRects(page)).map((r) => `${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)}`))].sort(), { timeout: 10_000 })
    .toEqual(expected);
}

describe.each(Object.keys(EDITORS) as (keyof typeof EDITORS)[])('%s', (which) => {
  it('finds and marks exactly what a full re-read finds, through random typing, pasting, deleting and moving', async () => {
    const worker = browser.worker!;
    const selector = await openEditor(which);
    // Marks are drawn only where the editor shows its text: let the long draft show whole, so
    // that every mark is drawn and can be compared with a full re-read.
    await page.setViewportSize({ width: 1280, height: 8000 });
    await page.locator(selector).evaluate((editor) => {
      // A textarea does not grow with its text: make it tall enough to show it all.
      if (editor instanceof HTMLTextAreaElement) Object.assign(editor.style, { width: '600px', height: '7000px' });
      for (let e: HTMLElement | null = editor as HTMLElement; e && e !== document.body; e = e.parentElement) {
        if (e instanceof HTMLTextAreaElement) continue;
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
