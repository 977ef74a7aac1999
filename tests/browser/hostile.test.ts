import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { FACEBOOK_COMPOSER, badgeText, composeOnFacebook, markedText, overlayRects, report, setSettings, ui } from './support/page';
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

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The points of a grid over (and around) `area` where the page's own hit-test lands on Second
 * Look's element, as a page script can find them (document.elementsFromPoint). Runs in the page.
 */
function hitMap(area: Area): string[] {
  const hits: string[] = [];
  for (let y = Math.max(0, area.y - 40); y < area.y + area.height + 40; y += 4)
    for (let x = Math.max(0, area.x - 40); x < area.x + area.width + 40; x += 4)
      if (document.elementsFromPoint(x, y).some((e) => e.localName === 'second-look-ui')) hits.push(`${x},${y}`);
  return hits;
}

/**
 * A page script's fake pointer over the editor's `index`th word (`pointer`), or a caret it puts in
 * that word followed by a fake arrow key and mouse-up (`caret`), then three frames for Second Look
 * to draw. Returns the word, or null when there are fewer words. Runs in the page.
 */
async function fakeOver({ selector, index, kind }: { selector: string; index: number; kind: 'pointer' | 'caret' }): Promise<string | null> {
  const editor = document.querySelector(selector)!;
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const words: { node: Text; at: number; text: string }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
    for (const word of node.data.matchAll(/\S+/g)) words.push({ node, at: word.index + 1, text: word[0] });
  const word = words[index];
  if (!word) return null;
  if (kind === 'pointer') {
    const range = document.createRange();
    range.setStart(word.node, word.at);
    range.setEnd(word.node, word.at + 1);
    const r = range.getBoundingClientRect();
    editor.dispatchEvent(new MouseEvent('mousemove', { clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true }));
  } else {
    getSelection()!.collapse(word.node, word.at);
    editor.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', bubbles: true }));
    editor.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return word.text;
}

/** Every point of a coarse grid over the window where the page's hit-test lands on Second Look. Runs in the page. */
function windowHitMap(): string[] {
  const hits: string[] = [];
  for (let y = 2; y < innerHeight; y += 6)
    for (let x = 2; x < innerWidth; x += 6) if (document.elementsFromPoint(x, y).some((e) => e.localName === 'second-look-ui')) hits.push(`${x},${y}`);
  return hits;
}

/**
 * What a page learns from Chromium's IntersectionObserver v2 about its editor's words: a 1x1
 * element of its own over the middle of each word, each observed with `trackVisibility`, which
 * says whether anything is painted over it (from any layer, whatever its pointer-events), and one
 * more probe far from the editor as a control. Waits a second for the answers to settle and
 * returns the words, the indices of those reported covered, and whether the control was seen
 * uncovered (so the probes work). Runs in the page.
 */
async function coveredWords(selector: string): Promise<{ words: string[]; covered: number[]; control: boolean | null }> {
  const editor = document.querySelector(selector)!;
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const points: { word: string; x: number; y: number }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
    for (const word of node.data.matchAll(/\S+/g)) {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const r = range.getBoundingClientRect();
      points.push({ word: word[0], x: Math.floor(r.x + r.width / 2), y: Math.floor(r.y + r.height / 2) });
    }
  const e = editor.getBoundingClientRect();
  points.push({ word: 'control', x: Math.floor(e.left / 2), y: Math.floor(innerHeight - 10) });
  const visible = new Map<number, boolean>();
  await Promise.all(
    points.map(
      ({ x, y }, i) =>
        new Promise<void>((resolve) => {
          const probe = document.createElement('div');
          probe.style.cssText = `position: fixed; left: ${x}px; top: ${y}px; width: 1px; height: 1px; z-index: 2147483647;`;
          document.body.append(probe);
          new IntersectionObserver(
            (entries) => {
              for (const entry of entries) visible.set(i, (entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
              resolve();
            },
            { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
          ).observe(probe);
        }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const words = points.slice(0, -1).map((p) => p.word);
  return { words, covered: words.flatMap((_, i) => (visible.get(i) === false ? [i] : [])), control: visible.get(words.length) ?? null };
}


declare global {
  interface Window {
    watcher: { sample(): Promise<Record<string, string>> };
  }
}

/**
 * Everything a page script can observe of Second Look's UI while the user's caret or pointer moves
 * over its words, installed once and read after each move (`watcher.sample()`): what its hit-test
 * finds over a grid of the window (document.elementsFromPoint), which of its own 1x1 probes on a
 * 60-pixel grid Chromium's IntersectionObserver v2 (trackVisibility) reports covered, the focus
 * and blur events since the last sample and where focus is, what its ResizeObservers on the
 * document, the body, the editor and Second Look's element reported, the mutations outside its
 * editors, and Second Look's element's box. Runs in the page.
 */
function installWatcher(selector: string): void {
  const log: string[] = [];
  for (const type of ['focus', 'blur', 'focusin', 'focusout'])
    addEventListener(type, (event) => log.push(`${type}:${(event.target as Element | null)?.localName ?? 'window'}`), true);
  const resize = new ResizeObserver((entries) => {
    for (const e of entries) log.push(`resize:${e.target.localName}:${Math.round(e.contentRect.width)}x${Math.round(e.contentRect.height)}`);
  });
  const host = document.querySelector('second-look-ui');
  for (const element of [document.documentElement, document.body, document.querySelector(selector), host]) if (element) resize.observe(element);
  const editable = (node: Node | null) => !!(node instanceof Element ? node : node?.parentElement)?.closest('[contenteditable]');
  new MutationObserver((records) => {
    for (const r of records) if (!editable(r.target)) log.push(`mutation:${r.type}:${(r.target as Element).localName ?? '#text'}`);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const covered = new Map<number, boolean>();
  let n = 0;
  for (let y = 4; y < innerHeight; y += 60)
    for (let x = 4; x < innerWidth; x += 60) {
      const i = n++;
      const probe = document.createElement('div');
      probe.style.cssText = `position: fixed; left: ${x}px; top: ${y}px; width: 1px; height: 1px; z-index: 2147483647; pointer-events: none;`;
      document.body.append(probe);
      new IntersectionObserver(
        (entries) => {
          for (const entry of entries) covered.set(i, !(entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      ).observe(probe);
    }
  window.watcher = {
    async sample() {
      // Long enough for the observers' 100 ms delay and a hover card's 300 ms close.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const hits: string[] = [];
      for (let y = 2; y < innerHeight; y += 20)
        for (let x = 2; x < innerWidth; x += 20) if (document.elementsFromPoint(x, y).some((e) => e.localName === 'second-look-ui')) hits.push(`${x},${y}`);
      const box = document.querySelector('second-look-ui')?.getBoundingClientRect();
      const sample = {
        'hit-test': `${hits.length} points ${hits[0] ?? ''}`,
        'IntersectionObserver v2': [...covered].filter(([, c]) => c).map(([i]) => i).join(' '),
        'focus and resize events, mutations': log.splice(0).join(' '),
        'focused element': document.activeElement?.localName ?? '',
        "Second Look's element": box ? `${box.x},${box.y} ${box.width}x${box.height}` : 'none',
      };
      return sample;
    },
  };
}

/** The editor's words and the middle of each on screen, as the page finds them. Runs in the page. */
function wordsOf(selector: string): { word: string; x: number; y: number }[] {
  const editor = document.querySelector(selector)!;
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const words: { word: string; x: number; y: number }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
    for (const match of node.data.matchAll(/[\p{L}\d]+/gu)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const r = range.getBoundingClientRect();
      words.push({ word: match[0], x: r.x + r.width / 2, y: r.y + r.height / 2 });
    }
  return words;
}

/** The word the caret is in or at the end of, as the page reads it from its selection. Runs in the page. */
function wordAtCaret(): string {
  const selection = getSelection()!;
  const node = selection.focusNode;
  if (!node || node.nodeType !== Node.TEXT_NODE) return '';
  const text = node.textContent!;
  let start = selection.focusOffset;
  let end = start;
  while (start > 0 && /[\p{L}\d]/u.test(text[start - 1]!)) start--;
  while (end < text.length && /[\p{L}\d]/u.test(text[end]!)) end++;
  return text.slice(start, end);
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
    // (the pupils' names, and the year group that needs a disclaimer on a personal account)
    await expect.poll(() => markedText(page)).toEqual(['Jack', 'Olivia', 'Year 3']);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('3');
    await ui(page).getByRole('button', { name: /^Second Look: 3 things/ }).click();
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

  it('where Second Look takes the pointer says nothing of what was found, and a fake pointer or caret opens no card', async () => {
    const other = await browser.context.newPage();
    await other.goto(SITES.facebook.url);
    await other.click('#open-composer');
    await other.locator(FACEBOOK_COMPOSER).click();
    await other.keyboard.type('What a lovely afternoon of reading.');
    // Away from the draft: the user's own pointer opens no card while the page hit-tests.
    await other.mouse.move(1, 1);
    await expect.poll(async () => (await report(browser.worker!, other))?.findings.length).toBe(0);
    const area = (await other.locator('[role="dialog"]').boundingBox())!;
    const clean = await other.evaluate(hitMap, area);
    // The counter is there while the user writes (it says the draft is clean, in the closed layer).
    expect(clean.length).toBeGreaterThan(0);

    await other.locator(FACEBOOK_COMPOSER).click();
    await other.keyboard.press('Control+End');
    await other.keyboard.type(' Well done to Olivia.');
    await other.mouse.move(1, 1);
    await expect.poll(() => markedText(other)).toEqual(['Olivia']);
    // The same points take the pointer with a pupil's name in the draft as without.
    expect(await other.evaluate(hitMap, area)).toEqual(clean);

    // Fake pointer moves, carets and keys over every word open no card the page could hit-test.
    const changed: string[] = [];
    for (const kind of ['pointer', 'caret'] as const) {
      for (let index = 0; ; index++) {
        const word = await other.evaluate(fakeOver, { selector: FACEBOOK_COMPOSER, index, kind });
        if (word === null) break;
        if ((await other.evaluate(hitMap, area)).join() !== clean.join()) changed.push(`${kind} on ${word}`);
      }
    }
    expect(changed).toEqual([]);
    expect(await ui(other).getByRole('dialog', { name: /^Second Look/ }).count()).toBe(0);
    await other.close();
  });

  /*
   * A card and the gate take the pointer while the user has them open: a page script can hit-test
   * them (document.elementsFromPoint) and, in Chromium, see what they cover (IntersectionObserver
   * with trackVisibility). So their boxes must say nothing but "open". A card is one size whatever
   * it holds (a long message, a short name, a thumbnail: it scrolls inside), and sits by the
   * composer, not by the words it is about (which would say where a finding is). The gate's
   * backdrop covers the whole window whatever the gate lists. The drafts below differ in the rule
   * found, where the finding is and how long its words are; the page sees the same boxes for both.
   * Before the card was fixed, the two cards' hit maps differed (placed at the finding, as tall
   * as their text).
   */
  it('an open card or gate takes the same points of the window whatever was found, and where', async () => {
    const drafts = ['Olivia won the reading award this week.', 'A lovely afternoon at the park today, thank you to everyone who came along and to @jenny_b for organising it all.'];
    const cards: string[][] = [];
    const gates: string[][] = [];
    for (const draft of drafts) {
      const tab = await browser.context.newPage();
      await tab.goto(SITES.facebook.url);
      await tab.click('#open-composer');
      await tab.locator(FACEBOOK_COMPOSER).click();
      await tab.keyboard.type(draft);
      await tab.mouse.move(1, 1);
      await expect.poll(async () => (await report(browser.worker!, tab))?.findings.length).toBe(1);
      // Opened by the user, from the composer's counter.
      await ui(tab).getByRole('button', { name: /^Second Look: 1 thing/ }).click();
      await ui(tab).getByRole('dialog', { name: /^Second Look/ }).waitFor();
      await tab.mouse.move(1, 1);
      cards.push(await tab.evaluate(windowHitMap));
      await tab.keyboard.press('Escape');
      await expect.poll(() => ui(tab).getByRole('dialog', { name: /^Second Look/ }).count()).toBe(0);
      await tab.locator('[role="dialog"] [aria-label="Post"]').click();
      await ui(tab).getByRole('alertdialog').waitFor();
      gates.push(await tab.evaluate(windowHitMap));
      await tab.close();
    }
    expect(cards[0]!.length).toBeGreaterThan(0);
    expect(cards[1]).toEqual(cards[0]);
    expect(gates[1]).toEqual(gates[0]);
  });

  /*
   * Chromium's IntersectionObserver v2 (trackVisibility) tells a page whether anything is painted
   * over an element of its own, from any layer, whatever its pointer-events. Marks are painted
   * over the words they mark, so 1x1 probes over each word of the user's real draft would say
   * which words were marked, with no user action but typing. While a composer is checked, Second
   * Look's layer covers its whole box with one constant (unpainted) box, and draws the marks
   * inside it: every word is equally covered, marked or not, pupil's name in the draft or not.
   * Before that box, this test failed: with the pupil's name, exactly Olivia and Smith (words 3
   * and 4) were reported covered; without it, none.
   */
  it("a page's IntersectionObserver v2 probes over each word cannot tell marked words from the rest", async () => {
    const drafts = ['Well done to Olivia Smith and the choir today', 'Well done to Amelia Jones and the choir today'];
    const seen: { words: string[]; covered: number[]; control: boolean | null }[] = [];
    for (const draft of drafts) {
      const tab = await browser.context.newPage();
      await composeOnFacebook(tab, draft);
      await tab.mouse.move(1, 1);
      await expect.poll(() => markedText(tab)).toEqual(draft.includes('Olivia') ? ['Olivia Smith'] : []);
      await expect.poll(async () => (await report(browser.worker!, tab))?.findings.length).toBe(draft.includes('Olivia') ? 1 : 0);
      seen.push(await tab.evaluate(coveredWords, FACEBOOK_COMPOSER));
      await tab.close();
    }
    const [named, unnamed] = seen as [(typeof seen)[0], (typeof seen)[0]];
    expect(named.words).toEqual(drafts[0]!.split(' '));
    // The probes work: one away from the composer is seen uncovered.
    expect([named.control, unnamed.control]).toEqual([true, true]);
    // Every word alike (all covered, or none), and the same with a pupil's name as without.
    expect([0, named.words.length]).toContain(named.covered.length);
    expect(named.covered).toEqual(unnamed.covered);
  });

  /*
   * The user's own caret and pointer (trusted input, which a page cannot fake) move over every
   * word of a draft naming pupils among decoys: by the keyboard a word at a time, by the pointer
   * resting on each word, and by clicking into each word. The page, which reads its own caret and
   * pointer, records after each move everything it can observe of Second Look (installWatcher). If
   * any UI appeared or changed because the word at the caret or pointer was marked, the page would
   * learn which words are pupils' names, by watching a real user or by a composer it fills itself.
   * Every move must look the same to the page as the draft before any move.
   * Before the fix (cards opened by hovering marked words or moving the caret into them), this
   * failed on exactly the pupils' names: see README's privacy section.
   */
  it("the page learns nothing from the user's caret and pointer moving over marked and unmarked words", async () => {
    const draft = 'Thanks to Amelia, Olivia, Noah, Jack, George and Isla for singing today.';
    const tab = await browser.context.newPage();
    await composeOnFacebook(tab, draft);
    await expect.poll(() => markedText(tab)).toEqual(['Jack', 'Olivia']);
    await tab.mouse.move(1, 1);
    await tab.evaluate(installWatcher, FACEBOOK_COMPOSER);
    // The first sample takes the watcher's own start (its probes added, the observers' first entries).
    await tab.evaluate(() => window.watcher.sample());
    const baseline = await tab.evaluate(() => window.watcher.sample());
    const differs: string[] = [];
    const record = async (how: string, word: string) => {
      const sample = await tab.evaluate(() => window.watcher.sample());
      const signals = Object.keys(baseline).filter((k) => sample[k] !== baseline[k]);
      if (signals.length) differs.push(`${how} ${word}: ${signals.join(', ')}`);
      if (signals.length) console.info(differs.at(-1), signals.map((k) => `\n    ${k}: ${sample[k]} (before: ${baseline[k]})`).join(''));
    };
    const words = await tab.evaluate(wordsOf, FACEBOOK_COMPOSER);
    expect(words.map((w) => w.word).join(' ')).toBe(draft.replace(/[,.]/g, ''));
    // The keyboard, a word at a time from the start.
    await tab.keyboard.press('Control+Home');
    for (let i = 0; i < words.length; i++) {
      await tab.keyboard.press('Control+ArrowRight');
      await record('caret at', await tab.evaluate(wordAtCaret));
    }
    // The pointer resting on each word, then a click into each word (the caret follows).
    for (const { word, x, y } of words) {
      await tab.mouse.move(x, y, { steps: 4 });
      await record('pointer on', word);
    }
    for (const { word, x, y } of words) {
      await tab.mouse.click(x, y);
      await tab.mouse.move(x, y + 1);
      await record('click in', word);
    }
    console.info(`what the page saw change, by move: ${differs.length ? `\n  ${differs.join('\n  ')}` : 'nothing'}`);
    expect(differs).toEqual([]);
    // The walk went over the marked words (they were there to be found).
    expect(await markedText(tab)).toEqual(['Jack', 'Olivia']);
    await tab.close();
  }, 600_000);
});
