import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser, type Site } from './support/chromium';
import { markedText, model, overlayRects, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

/**
 * The extension must never change what an editor holds: typing the same draft with and without
 * it leaves the same text, the same editor model and the same DOM mutations inside the editor;
 * and using Second Look (cards, counter, gate, scrolling) mutates nothing inside the editor.
 */
interface Scenario {
  name: string;
  site: Site;
  open(page: Page): Promise<void>;
  editor: string;
  model: string;
}

const SCENARIOS: Scenario[] = [
  { name: 'Facebook post (Lexical)', site: 'facebook', open: (p) => p.click('#open-composer'), editor: '[role="dialog"] [role="textbox"]', model: 'composer' },
  { name: 'X post (Draft.js)', site: 'x', open: async () => undefined, editor: '[data-testid="tweetTextarea_0"]', model: 'composer' },
  { name: 'Instagram caption (Lexical)', site: 'instagram', open: (p) => p.click('#create'), editor: '[aria-label="Write a caption..."]', model: 'caption' },
  { name: 'Instagram comment (textarea)', site: 'instagram', open: async () => undefined, editor: 'textarea', model: 'comment' },
];

const PARAGRAPHS = ['Well done to Olivia in Year 3!', 'Thanks to @jenny_b for the trip.', 'Great week.'];

interface Outcome {
  text: string;
  model: unknown;
  mutations: string[];
}

/** Records every mutation inside the editor, in the page's world, as comparable strings. */
function watchEditor(page: Page, selector: string): Promise<void> {
  return page.locator(selector).evaluate((editor) => {
    const describe = (n: Node) => (n instanceof Element ? n.localName : n.nodeName);
    const log: string[] = [];
    (window as unknown as { mutationLog: string[] }).mutationLog = log;
    new MutationObserver((records) => {
      for (const r of records)
        log.push(
          [r.type, describe(r.target), r.attributeName ?? '', [...r.addedNodes].map(describe).join(','), [...r.removedNodes].map(describe).join(',')].join('|'),
        );
    }).observe(editor, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const mutationLog = (page: Page) => page.evaluate(() => (window as unknown as { mutationLog: string[] }).mutationLog.splice(0));

async function typeDraft(browser: Browser, scenario: Scenario): Promise<{ page: Page; outcome: Outcome }> {
  const page = await browser.context.newPage();
  await page.goto(SITES[scenario.site].url);
  await scenario.open(page);
  await watchEditor(page, scenario.editor);
  await page.locator(scenario.editor).click();
  for (const [i, paragraph] of PARAGRAPHS.entries()) {
    if (i > 0) await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(paragraph);
  }
  // Let the editors finish their deferred updates before reading them.
  await page.waitForTimeout(300);
  const outcome = {
    text: await page.locator(scenario.editor).evaluate((e) => (e instanceof HTMLTextAreaElement ? e.value : (e as HTMLElement).innerText)),
    model: await model(page, scenario.model),
    mutations: await mutationLog(page),
  };
  return { page, outcome };
}

describe('with and without the extension', () => {
  const baseline = new Map<string, Outcome>();
  let browser: Browser;

  beforeAll(async () => {
    const plain = await launch({ extension: false });
    try {
      for (const scenario of SCENARIOS) baseline.set(scenario.name, (await typeDraft(plain, scenario)).outcome);
    } finally {
      await plain.close();
    }
    browser = await launch({ extension: true });
    await setSettings(browser.worker!, SCHOOL);
  });
  afterAll(() => browser?.close());

  it.each(SCENARIOS)('$name: same text, model and editor mutations; using Second Look mutates nothing', async (scenario) => {
    const { page, outcome } = await typeDraft(browser, scenario);
    const expected = baseline.get(scenario.name)!;
    // Typing changes a contenteditable's DOM (a textarea's value is not DOM), so there is something to compare.
    if (scenario.editor !== 'textarea') expect(expected.mutations.length).toBeGreaterThan(10);
    expect(outcome.text).toBe(expected.text);
    expect(outcome.model).toEqual(expected.model);
    expect(outcome.mutations).toEqual(expected.mutations);

    // The draft has findings, drawn one way or the other.
    const field = scenario.editor === 'textarea';
    await expect.poll(async () => (field ? (await overlayRects(page)).length : (await markedText(page)).length)).toBeGreaterThan(1);

    // Open the counter's card, step through it, close it, open and leave the gate, scroll.
    await ui(page).getByRole('button', { name: /^Second Look: \d+ things/ }).click();
    const card = ui(page).getByRole('dialog', { name: /^Second Look/ });
    await card.getByRole('button', { name: 'Next finding' }).click();
    await card.getByRole('button', { name: 'Close' }).click();
    await page.locator(scenario.editor).focus();
    await page.keyboard.press(scenario.site === 'instagram' && field ? 'Enter' : 'Control+Enter');
    await ui(page).getByRole('alertdialog').getByRole('button', { name: 'Go back and edit' }).click();
    await page.mouse.wheel(0, 60);
    await page.setViewportSize({ width: 900, height: 700 });
    await page.waitForTimeout(300);
    expect(await mutationLog(page)).toEqual([]);
    await page.close();
  });
});
