import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { badgeText, explainMark, lexicalParagraphs, markedText, model, overlayRects, posts, report, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

// Instagram: a Lexical caption in the "Create new post" dialog, and a plain textarea for comments.
let browser: Browser;
let page: Page;

const CAPTION = '[aria-label="Write a caption..."]';
const COMMENT = 'textarea[aria-label="Add a comment…"]';
const WARNED = 'Great trip today with @jenny_b and the team.';

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  await page.goto(SITES.instagram.url);
});

const gate = () => ui(page).getByRole('alertdialog');
const card = () => ui(page).getByRole('dialog', { name: /^Second Look/ });

/** Where the browser draws `word` inside the one-line textarea, measured independently. */
function wordBox(prefix: string, word: string) {
  return page.locator(COMMENT).evaluate(
    (area, [prefix, word]) => {
      const textarea = area as HTMLTextAreaElement;
      const style = getComputedStyle(textarea);
      const measure = document.createElement('canvas').getContext('2d')!;
      measure.font = style.font;
      const box = textarea.getBoundingClientRect();
      return {
        left: box.left + textarea.clientLeft + parseFloat(style.paddingLeft) + measure.measureText(prefix!).width,
        width: measure.measureText(word!).width,
        top: box.top,
        bottom: box.bottom,
      };
    },
    [prefix, word],
  );
}

describe('Instagram caption (Lexical, in a dialog)', () => {
  it('marks the words, reads the account from the dialog, and Apply updates the model', async () => {
    await page.click('#create');
    await page.locator(CAPTION).click();
    // With a disclaimer: a personal post pointing at a year group needs one, and this test is
    // about the pupil's name alone.
    await page.keyboard.type('Well done to Olivia in Year 3 for her reading award! Views my own.');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    expect(await report(browser.worker!, page)).toMatchObject({ platform: 'instagram', account: 'personal' });
    await explainMark(page, 'Olivia');
    expect(await card().innerText()).toContain('(jsmith.teaches)');
    await card().getByRole('button', { name: 'Apply' }).click();
    const fixed = 'Well done to a pupil in Year 3 for her reading award! Views my own.';
    await expect.poll(async () => lexicalParagraphs(await model(page, 'caption'))).toEqual([fixed]);
    expect(await page.locator(CAPTION).innerText()).toBe(fixed);
  });

  it('gates Share; "Post anyway" shares once', async () => {
    await page.click('#create');
    await page.locator(CAPTION).click();
    await page.keyboard.type(WARNED);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('1');
    await page.getByRole('button', { name: 'Share' }).click();
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual([WARNED]);
    // The dialog closed with its composer: nothing left to count.
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('');
  });
});

describe('Instagram comment (plain textarea)', () => {
  it('draws overlay marks on exactly the flagged words, following the page as it scrolls', async () => {
    await page.locator(COMMENT).click();
    await page.keyboard.type('Great trip with @jenny_b today');
    await expect.poll(async () => (await overlayRects(page)).length).toBe(1);
    const expected = await wordBox('Great trip with ', '@jenny_b');
    const [drawn] = await overlayRects(page);
    expect(drawn!.x).toBeCloseTo(expected.left, 0);
    expect(drawn!.width).toBeCloseTo(expected.width, 0);
    expect(drawn!.y).toBeGreaterThanOrEqual(expected.top);
    expect(drawn!.y + drawn!.height).toBeLessThanOrEqual(expected.bottom);

    await page.mouse.wheel(0, 120);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    const moved = await wordBox('Great trip with ', '@jenny_b');
    await expect.poll(async () => (await overlayRects(page))[0]?.y).toBeGreaterThanOrEqual(moved.top);
    expect((await overlayRects(page))[0]!.x).toBeCloseTo(moved.left, 0);
  });

  it('Enter sends a comment, so Enter is gated; "Go back" keeps it, "Post anyway" sends it once', async () => {
    await page.locator(COMMENT).click();
    await page.keyboard.type('Great trip with @jenny_b today');
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('1');
    await page.keyboard.press('Enter');
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    expect(await page.locator(COMMENT).inputValue()).toBe('Great trip with @jenny_b today');
    expect(await posts(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual(['Great trip with @jenny_b today']);
  });

  it('Apply edits the textarea as typing would (the site sees an input event)', async () => {
    await page.locator(COMMENT).click();
    await page.keyboard.type('Great trip with @jenny_b today');
    await page.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.addEventListener('input', () => (area.dataset.inputs = String(Number(area.dataset.inputs ?? 0) + 1)));
    });
    await ui(page).getByRole('button', { name: /^Second Look: 1 thing/ }).click();
    const suggestion = (await report(browser.worker!, page))!.findings[0]!.suggestion!;
    await card().getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator(COMMENT).inputValue()).toBe(`Great trip with ${suggestion} today`);
    expect(await page.locator(COMMENT).getAttribute('data-inputs')).toBe('1');
    await expect.poll(async () => (await overlayRects(page)).length).toBe(0);
  });
});
