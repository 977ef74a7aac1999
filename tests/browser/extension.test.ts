import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { FACEBOOK_COMPOSER, composeOnFacebook, markedText, posts, report, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

// Behaviour that is the extension's, not one site's: settings (staying off the network: network.test.ts).
let browser: Browser;
let page: Page;

const COMPOSER = FACEBOOK_COMPOSER;

beforeAll(async () => {
  browser = await launch({ extension: true });
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

describe('the extension', () => {
  it('checks with the default pack when the stored settings are invalid, rather than not at all', async () => {
    await setSettings(browser.worker!, { pack: 42, pupilNamez: ['Olivia Smith'] });
    await composeOnFacebook(page, 'Well done to Olivia in Year 3 for her reading award! Views are my own.');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
  });

  it("applies trust IT's settings to an open composer as soon as they change", async () => {
    await setSettings(browser.worker!, SCHOOL);
    await composeOnFacebook(page, 'Great trip today with @jenny_b and the team.');
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    expect((await report(browser.worker!, page))!.findings[0]!.severity).toBe('warn');
    await setSettings(browser.worker!, { ...SCHOOL, rules: { tagging: { severity: 'block' } } });
    await expect.poll(async () => (await report(browser.worker!, page))?.findings[0]?.severity).toBe('block');
    await page.keyboard.press('Control+Enter');
    const gate = ui(page).getByRole('alertdialog');
    await gate.waitFor();
    expect(await gate.getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
  });
  // Staying off the network is network.test.ts's: it watches every target the extension has.
});

describe('a long draft', () => {
  const school = 'Sports day at Penrice Primary Academy was brilliant.';
  const filler = 'The children ran, jumped and cheered each other on all afternoon in the sunshine. ';

  /** About 5,000 characters in paragraphs, naming the school in the first, as a paste puts it in. */
  async function pasteLongDraft(): Promise<void> {
    await page.goto(SITES.facebook.url);
    await page.click('#open-composer');
    // The user clicks into the composer and pastes (a trusted click: what starts the checking).
    await page.locator(COMPOSER).click();
    const paragraphs = [school, ...Array.from({ length: 12 }, () => filler.repeat(5).trim())];
    await page.locator(COMPOSER).evaluate((editor, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, paragraphs.join('\n'));
  }

  /** Scrolls the composer back to its first paragraph, where the school is named (marks follow). */
  function scrollToTop(): Promise<void> {
    return page.locator(COMPOSER).evaluate((editor) => {
      for (let e: Element | null = editor; e; e = e.parentElement) e.scrollTop = 0;
    });
  }

  it('is checked whole in the background: the disclaimer rule sees every paragraph', async () => {
    await setSettings(browser.worker!, SCHOOL);
    await pasteLongDraft();
    await expect.poll(async () => (await report(browser.worker!, page))?.text.length).toBeGreaterThan(4_500);
    await scrollToTop();
    await expect.poll(() => markedText(page)).toEqual(['Penrice Primary Academy']);
    // A disclaimer at the very end, many paragraphs away from the school's name, satisfies it.
    await page.locator(COMPOSER).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Views are my own.');
    await expect.poll(() => markedText(page)).toEqual([]);
  });

  it('holds the Post button until the whole-draft check answers', async () => {
    await setSettings(browser.worker!, SCHOOL);
    await pasteLongDraft();
    await scrollToTop();
    await expect.poll(() => markedText(page)).toEqual(['Penrice Primary Academy']);
    await page.locator(COMPOSER).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Views are my own.');
    // Clicked straight after typing, before the pause that starts the whole-draft check.
    await page.getByRole('dialog', { name: 'Create post' }).getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => posts(page)).toHaveLength(1);
    expect(await ui(page).getByRole('alertdialog').count()).toBe(0);
  });
});
