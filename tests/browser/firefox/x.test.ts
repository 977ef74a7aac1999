import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { CARD, GATE, editorText, explainMark, launchFirefox, markedText, model, posts, pressUiButton, uiButtons, uiText, waitForUi, type Firefox } from '../support/firefox';
import { draftBlocks } from '../support/page';
import { SCHOOL } from '../support/settings';

// The Firefox build in Firefox ESR on X's Draft.js composer (a React app).
let firefox: Firefox;
let page: Page;

const EDITOR = '[data-testid="tweetTextarea_0"]';
const POST = '[data-testid="tweetButtonInline"]';
// 'Views are my own.': a personal post naming a year group needs the disclaimer; these tests are about the pupil's name.
const BLOCKED = 'Well done to Olivia in Year 3 for her reading award! Views are my own.';
const WARNED = 'Great trip today with @jenny_b and the team.';

beforeAll(async () => {
  firefox = await launchFirefox();
  await firefox.setSettings(SCHOOL);
});
afterAll(() => firefox?.close());

beforeEach(async () => {
  await page?.close();
  page = await firefox.open('x');
});

async function compose(text: string): Promise<void> {
  await page.click(EDITOR);
  await page.keyboard.type(text);
}

describe('Firefox ESR: X (Draft.js)', () => {
  it('marks the words, the card names the @handle posting, and the badge counts the finding', async () => {
    await compose(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    expect(await firefox.report(page)).toMatchObject({ text: BLOCKED, platform: 'x', account: 'personal' });
    await expect.poll(() => firefox.badgeText(page)).toBe('1');
    await explainMark(page, 'Olivia');
    expect(await uiText(page, CARD)).toContain('(@jsmith_teaches)');
  });

  it('the Post button is gated; "Go back and edit" leaves the draft exactly as typed', async () => {
    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.click(POST);
    await waitForUi(page, GATE);
    expect(await uiButtons(page, GATE)).toEqual(['Go back and edit', 'Post anyway']);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, EDITOR)).toBe(WARNED);
    expect(draftBlocks(await model(page, 'composer'))).toEqual([WARNED]);
  });

  it('Ctrl+Enter is gated like the button, and "Post anyway" sends once', async () => {
    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForUi(page, GATE);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, EDITOR)).toBe(WARNED);
    await pressUiButton(page, GATE, 'Post anyway');
    await expect.poll(() => posts(page)).toEqual([WARNED]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await posts(page)).toEqual([WARNED]);
  });

  it('a blocking finding offers no "Post anyway"; "Go back and edit" keeps the draft', async () => {
    await compose(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await page.click(POST);
    await waitForUi(page, GATE);
    expect(await uiButtons(page, GATE)).toEqual(['Go back and edit']);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, EDITOR)).toBe(BLOCKED);
  });

  it('Firefox logged no error for the add-on', async () => {
    expect(await firefox.extensionErrors()).toEqual([]);
  });
});
