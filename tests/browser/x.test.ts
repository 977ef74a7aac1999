import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { badgeText, draftBlocks, explainMark, markedText, model, posts, report, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

// X's composers are Draft.js editors in a React app that navigates with history.pushState.
let browser: Browser;
let page: Page;

const EDITOR = '[data-testid="tweetTextarea_0"]';
const BLOCKED = 'Well done to Olivia in Year 3 for her reading award!';
// A personal post pointing at a year group needs a disclaimer (the `disclaimer` rule marks "Year 3");
// the Apply tests are about the pupil's name alone, so their draft carries one.
const DISCLAIMED = `${BLOCKED} Views my own.`;
const WARNED = 'Great trip today with @jenny_b and the team.';

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  await page.goto(SITES.x.url);
});

async function compose(text: string): Promise<void> {
  await page.locator(EDITOR).click();
  await page.keyboard.type(text);
}

const editorText = () => page.locator(EDITOR).evaluate((e) => (e as HTMLElement).innerText);
const gate = () => ui(page).getByRole('alertdialog');
const card = () => ui(page).getByRole('dialog', { name: /^Second Look/ });

const explain = (text: string) => explainMark(page, text);

describe('X (Draft.js)', () => {
  it('marks exactly the words each finding covers, and reads the @handle posting', async () => {
    await compose(BLOCKED);
    // The pupil's name, and the year group that needs a disclaimer on a personal account.
    await expect.poll(() => markedText(page)).toEqual(['Olivia', 'Year 3']);
    const draft = await report(browser.worker!, page);
    expect(draft).toMatchObject({ text: BLOCKED, platform: 'x', account: 'personal' });
    expect(draft!.findings.map((f) => [f.rule, f.start, f.end])).toEqual([
      ['child-name', 13, 19],
      ['disclaimer', 23, 29],
    ]);
    await explain('Olivia');
    expect(await card().innerText()).toContain('(@jsmith_teaches)');
  });

  it('Apply replaces the words through Draft.js: the page and the model agree', async () => {
    await compose(DISCLAIMED);
    await explain('Olivia');
    await card().getByRole('button', { name: 'Apply' }).click();
    const fixed = 'Well done to a pupil in Year 3 for her reading award! Views my own.';
    await expect.poll(() => editorText()).toBe(fixed);
    expect(draftBlocks(await model(page, 'composer'))).toEqual([fixed]);
    await expect.poll(() => markedText(page)).toEqual([]);
  });

  it('Apply works block by block in a draft of several paragraphs', async () => {
    await page.locator(EDITOR).click();
    await page.keyboard.type('Well done to Olivia for her award.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('It was a lovely sunny week.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('And thanks to Jack for helping.');
    await expect.poll(() => markedText(page)).toEqual(['Jack', 'Olivia']);
    for (const name of ['Olivia', 'Jack']) {
      await explain(name);
      await card().getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => markedText(page)).not.toContain(name);
    }
    const blocks = ['Well done to a pupil for her award.', 'It was a lovely sunny week.', 'And thanks to a pupil for helping.'];
    await expect.poll(async () => draftBlocks(await model(page, 'composer'))).toEqual(blocks);
    expect(await editorText()).toBe(blocks.join('\n'));
  });

  it('the Post button is gated; "Go back and edit" keeps the draft', async () => {
    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.getByTestId('tweetButtonInline').click();
    await gate().waitFor();
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    await gate().waitFor({ state: 'detached' });
    expect(await posts(page)).toEqual([]);
    expect(await editorText()).toBe(WARNED);
    expect(draftBlocks(await model(page, 'composer'))).toEqual([WARNED]);
  });

  it('"Post anyway" lets the site\'s own handler run once, from the button and from Ctrl+Enter', async () => {
    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.getByTestId('tweetButtonInline').click();
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual([WARNED]);

    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.keyboard.press('Control+Enter');
    await gate().waitFor();
    expect(await posts(page)).toEqual([WARNED]);
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual([WARNED, WARNED]);
    await page.waitForTimeout(200);
    expect(await posts(page)).toHaveLength(2);
  });

  it('follows in-page navigation to a new composer, and the badge follows the draft in use', async () => {
    await compose('Great trip with @jenny_b and @tom_h today.');
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('2');
    await page.getByTestId('reply').click();
    await page.waitForURL('**/status/1');
    // The home composer is gone with its findings.
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('');
    await compose(DISCLAIMED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('1');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await gate().waitFor();
    expect(await gate().getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
  });

  it('runs on twitter.com addresses too', async () => {
    await page.goto('https://twitter.com/home');
    await compose(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia', 'Year 3']);
  });
});
