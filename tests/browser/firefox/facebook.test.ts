import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { CARD, GATE, editorText, explainMark, launchFirefox, markedText, model, posts, pressUiButton, uiButtons, uiText, waitForUi, type Firefox } from '../support/firefox';
import { lexicalParagraphs } from '../support/page';
import { SCHOOL } from '../support/settings';

// The Firefox (MV2) build in Firefox ESR, on Facebook's Lexical composers: the core of what the
// Chromium tests check, in the other engine (its own highlight registry, event order and APIs).
let firefox: Firefox;
let page: Page;

const COMPOSER = '[role="dialog"] [role="textbox"]';
const POST = '[role="dialog"][aria-label="Create post"] [aria-label="Post"]';
const COMMENT = '[aria-label^="Comment as"]';
// 'Views are my own.': a personal post naming a year group needs the disclaimer; these tests are about the pupil's name.
const BLOCKED = 'Well done to Olivia in Year 3 for her reading award! Views are my own.';

beforeAll(async () => {
  firefox = await launchFirefox();
  await firefox.setSettings(SCHOOL);
});
afterAll(() => firefox?.close());

beforeEach(async () => {
  await page?.close();
  page = await firefox.open('facebook');
});

async function compose(text: string): Promise<void> {
  await page.click('#open-composer');
  await page.click(COMPOSER);
  await page.keyboard.type(text);
}

describe('Firefox ESR: Facebook (Lexical)', () => {
  it('marks exactly the words a finding covers, and the badge counts it', async () => {
    await compose(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    const draft = await firefox.report(page);
    expect(draft).toMatchObject({ text: BLOCKED, platform: 'facebook', account: 'personal' });
    expect(draft!.findings.map((f) => [f.rule, f.start, f.end])).toEqual([['child-name', 13, 19]]);
    await expect.poll(() => firefox.badgeText(page)).toBe('1');
  });

  it('a click in a mark, then on the counter, opens its card: the reason, the policy clause and the suggestion', async () => {
    await compose(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await explainMark(page, 'Olivia');
    const [finding] = (await firefox.report(page))!.findings;
    await expect.poll(() => uiText(page, CARD)).toContain(finding!.message);
    const text = (await uiText(page, CARD))!;
    expect(text).toContain(finding!.clause.quote);
    expect(text).toContain(finding!.suggestion!);
  });

  it('the Post button is gated; "Go back and edit" leaves the draft exactly as typed', async () => {
    await compose(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await page.click(POST);
    await waitForUi(page, GATE);
    expect(await uiText(page, GATE)).toContain("A pupil's name");
    expect(await uiButtons(page, GATE)).toEqual(['Go back and edit']);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, COMPOSER)).toBe(BLOCKED);
    expect(lexicalParagraphs(await model(page, 'composer'))).toEqual([BLOCKED]);
  });

  it('Enter sends a comment, so Enter is gated there; Shift+Enter still starts a line; "Post anyway" sends once', async () => {
    const text = 'Great trip with @jenny_b';
    await page.click(COMMENT);
    await page.keyboard.type(text);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Shift');
    expect(await uiText(page, GATE)).toBeNull();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await waitForUi(page, GATE);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, COMMENT)).toBe(text);
    expect(lexicalParagraphs(await model(page, 'comment'))).toEqual([text]);

    await page.keyboard.press('Enter');
    await waitForUi(page, GATE);
    await pressUiButton(page, GATE, 'Post anyway');
    await expect.poll(() => posts(page)).toEqual([text]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await posts(page)).toEqual([text]);
  });

  it('the badge counts the findings of the draft being edited, and clears with them', async () => {
    await compose('Great trip with @jenny_b and @tom_h today.');
    await expect.poll(() => firefox.badgeText(page)).toBe('2');
    await page.keyboard.type(' Well done, Olivia!');
    await expect.poll(() => firefox.badgeText(page)).toBe('3');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await expect.poll(() => firefox.badgeText(page)).toBe('');
  });

  it('a clean draft posts at once, with no dialog', async () => {
    await compose('Lovely sunny sports day today.');
    await expect.poll(async () => (await firefox.report(page))?.text).toBe('Lovely sunny sports day today.');
    expect((await firefox.report(page))!.findings).toEqual([]);
    await page.click(POST);
    await expect.poll(() => posts(page)).toEqual(['Lovely sunny sports day today.']);
    expect(await uiText(page, GATE)).toBeNull();
  });

  it('Firefox logged no error for the add-on: no CSP violation, no exception in its background or pages', async () => {
    expect(await firefox.extensionErrors()).toEqual([]);
    expect(firefox.requests.filter((url) => !url.startsWith('https://www.facebook.com/'))).toEqual([]);
  });
});
