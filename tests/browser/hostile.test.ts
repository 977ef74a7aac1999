import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { FACEBOOK_COMPOSER, badgeText, markedText, overlayRects, report, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

// A page whose own scripts want to know what Second Look found (which names are pupils', above
// all), trying every channel a page script has, with and without the user writing a real draft.
let browser: Browser;
let page: Page;

/** The roster's first names, hidden among decoys, as a page guessing names would list them. */
const PUPILS = ['Olivia', 'Jack'];
const DECOYS = ['Amelia', 'Noah', 'Isla', 'George', 'Ava', 'Leo', 'Mia', 'Oscar', 'Freya', 'Harry'];
const CANDIDATES = [...DECOYS.slice(0, 5), ...PUPILS, ...DECOYS.slice(5)];

declare global {
  interface Window {
    spy: { messages: string[]; mutations: string[]; entries: string[]; logs: string[] };
  }
}

/** Installed before the page's own scripts: listens on every channel from the first moment. */
function installSpy(): void {
  const spy = { messages: [] as string[], mutations: [] as string[], entries: [] as string[], logs: [] as string[] };
  window.spy = spy;
  addEventListener('message', (event) => spy.messages.push(JSON.stringify(event.data)), true);
  for (const type of ['mark', 'measure', 'resource', 'event']) {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) spy.entries.push(`${entry.entryType}:${entry.name}`);
      }).observe({ type, buffered: true });
    } catch {
      // Not every entry type is observable in every browser.
    }
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      spy.logs.push(args.map(String).join(' '));
      original(...args);
    };
  }
  const editable = (node: Node | null) => !!(node instanceof Element ? node : node?.parentElement)?.closest('[contenteditable]');
  new MutationObserver((records) => {
    for (const r of records) {
      // The page's own editors change as text is typed: that text is the page's already.
      if (editable(r.target)) continue;
      if (r.type === 'attributes') spy.mutations.push(`@${r.attributeName}=${(r.target as Element).getAttribute(r.attributeName!)}`);
      if (r.type === 'characterData') spy.mutations.push(`#${r.target.textContent}`);
      for (const node of r.addedNodes) {
        // Nor what the page adds holding an editor (its composer dialog, its own hidden box).
        if (node instanceof Element && (editable(node) || node.querySelector('[contenteditable]'))) continue;
        spy.mutations.push(`+${node instanceof Element ? node.outerHTML : node.textContent}`);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/**
 * What the page can read now: the highlight registry, every shadow root it can reach, Second
 * Look's element itself, the performance timeline, running animations, the computed style of
 * every element, and what its listeners collected. Runs in the page.
 */
function readEverything(): string[] {
  const seen: string[] = [];
  for (const [name, highlight] of CSS.highlights) for (const range of highlight) seen.push(`highlight ${name}: ${range.toString()}`);
  for (const element of document.querySelectorAll('*')) {
    if (element.shadowRoot) seen.push(`shadow of ${element.localName}: ${element.shadowRoot.textContent}`);
    for (const attribute of element.attributes) if (/second-look|mark|finding/i.test(attribute.name + attribute.value)) seen.push(`attr ${element.localName} ${attribute.name}=${attribute.value}`);
  }
  const host = document.querySelector('second-look-ui');
  if (host) {
    seen.push(`host html: ${host.innerHTML}`, `host text: ${host.textContent}`, `host children: ${host.childNodes.length}`);
    const r = host.getBoundingClientRect();
    seen.push(`host box: ${r.width}x${r.height}`);
  }
  for (const entry of performance.getEntries()) seen.push(`entry ${entry.entryType}: ${entry.name}`);
  for (const animation of document.getAnimations()) {
    const target = (animation.effect as KeyframeEffect | null)?.target;
    seen.push(`animation on ${target?.localName}: ${target?.textContent}`);
  }
  seen.push(...window.spy.messages.map((m) => `message ${m}`), ...window.spy.mutations.map((m) => `mutation ${m}`));
  seen.push(...window.spy.entries.map((e) => `observed ${e}`), ...window.spy.logs.map((l) => `console ${l}`));
  return seen;
}

/** Every candidate name that appears in what the page could read. */
function leaked(seen: string[]): string[] {
  return CANDIDATES.filter((name) => seen.some((s) => s.includes(name)));
}

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
  page = await browser.context.newPage();
  await page.addInitScript(installSpy);
});
afterAll(() => browser?.close());

describe('a hostile page', () => {
  it('fills a hidden composer with names and fakes focus and input: nothing is checked, nothing is learned', async () => {
    await page.goto(SITES.facebook.url);
    await page.evaluate((candidates) => {
      // Shaped like the site's composer, so the site adapter finds it; out of sight.
      const box = document.createElement('div');
      box.setAttribute('role', 'textbox');
      box.setAttribute('contenteditable', 'true');
      box.style.cssText = 'position: absolute; left: -10000px; top: 0; width: 400px;';
      box.textContent = candidates.map((name) => `Well done to ${name} in Year 3.`).join(' ');
      document.body.append(box);
      box.focus();
      const clipboard = new DataTransfer();
      clipboard.setData('text/plain', ' Well done to Olivia.');
      const fakes = [
        new KeyboardEvent('keydown', { key: 'a', bubbles: true }),
        new KeyboardEvent('keyup', { key: 'a', bubbles: true }),
        new InputEvent('beforeinput', { inputType: 'insertText', data: 'a', bubbles: true }),
        new InputEvent('input', { inputType: 'insertText', data: 'a', bubbles: true }),
        new PointerEvent('pointerdown', { bubbles: true }),
        new MouseEvent('mousedown', { bubbles: true }),
        new MouseEvent('click', { bubbles: true }),
        new CompositionEvent('compositionstart', { bubbles: true }),
        new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }),
        new DragEvent('drop', { dataTransfer: clipboard, bubbles: true, cancelable: true }),
        new FocusEvent('focusin', { bubbles: true }),
      ];
      for (const event of fakes) box.dispatchEvent(event);
      // execCommand's input event is a trusted one: still not the user writing.
      document.execCommand('insertText', false, ' Well done to Jack.');
    }, CANDIDATES);
    await page.waitForTimeout(1_500);

    const seen = await page.evaluate(readEverything);
    expect(leaked(seen)).toEqual([]);
    expect(seen.filter((s) => s.startsWith('highlight') || s.startsWith('shadow of') || s.startsWith('entry mark') || s.startsWith('observed mark'))).toEqual([]);
    expect(seen).toContain('host children: 0');
    // Privileged, through the DevTools protocol: the box was never checked.
    expect(await overlayRects(page)).toEqual([]);
    expect(await report(browser.worker!, page)).toBeNull();
    expect(await badgeText(browser.worker!, page)).toBe('');
  });

  it("the user's real draft is checked and marked, and the page still reads nothing of it", async () => {
    await page.click('#open-composer');
    await page.locator(FACEBOOK_COMPOSER).click();
    await page.keyboard.type('Well done to Olivia and Jack in Year 3 for their reading awards!');
    // Privileged readers see the marks, the counter and the card...
    await expect.poll(() => markedText(page)).toEqual(['Jack', 'Olivia']);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('2');
    await ui(page).getByRole('button', { name: /^Second Look: 2 things/ }).click();
    await ui(page).getByRole('dialog', { name: /^Second Look/ }).waitFor();
    expect(await ui(page).getByRole('dialog', { name: /^Second Look/ }).innerText()).toContain("A pupil's name");

    // ...the page, which knows its own draft, learns nothing of what was found in it.
    const seen = await page.evaluate(readEverything);
    const draft = 'Well done to Olivia and Jack';
    expect(seen.filter((s) => PUPILS.some((name) => s.includes(name)) && !s.includes(draft))).toEqual([]);
    expect(seen.filter((s) => /pupil|finding|child-name/i.test(s))).toEqual([]);
    expect(seen.filter((s) => s.startsWith('highlight') || s.startsWith('shadow of') || s.startsWith('entry mark') || s.startsWith('observed mark'))).toEqual([]);
    expect(seen).toContain('host children: 0');
    expect(seen).toContain('host box: 0x0');
  });
});
