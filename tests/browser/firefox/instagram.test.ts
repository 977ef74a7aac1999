import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { GATE, editorText, launchFirefox, markedText, model, overlayRects, posts, pressUiButton, uiButtons, uiText, waitForUi, type Firefox } from '../support/firefox';
import { lexicalParagraphs } from '../support/page';
import { SCHOOL } from '../support/settings';

// The Firefox build in Firefox ESR on Instagram: a Lexical caption in the "Create" dialog, and a
// plain textarea for comments (marked with overlay boxes, since a textarea has no text ranges).
let firefox: Firefox;
let page: Page;

const CAPTION = '[aria-label="Write a caption..."]';
const COMMENT = 'textarea[aria-label="Add a comment…"]';
const WARNED = 'Great trip today with @jenny_b and the team.';

beforeAll(async () => {
  firefox = await launchFirefox();
  await firefox.setSettings(SCHOOL);
});
afterAll(() => firefox?.close());

beforeEach(async () => {
  await page?.close();
  page = await firefox.open('instagram');
});

describe('Firefox ESR: Instagram', () => {
  it('the caption: marked, counted on the badge, Share gated; "Go back and edit" keeps it, "Post anyway" shares once', async () => {
    await page.click('#create');
    await page.click(CAPTION);
    await page.keyboard.type(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    expect(await firefox.report(page)).toMatchObject({ platform: 'instagram', account: 'personal' });
    await expect.poll(() => firefox.badgeText(page)).toBe('1');
    await page.click('#share');
    await waitForUi(page, GATE);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, CAPTION)).toBe(WARNED);
    expect(lexicalParagraphs(await model(page, 'caption'))).toEqual([WARNED]);

    await page.click('#share');
    await waitForUi(page, GATE);
    await pressUiButton(page, GATE, 'Post anyway');
    await expect.poll(() => posts(page)).toEqual([WARNED]);
    // The dialog closed with its composer: nothing left to count.
    await expect.poll(() => firefox.badgeText(page)).toBe('');
  });

  it('a comment: overlay mark on the words, Enter gated, "Go back and edit" keeps the text as typed', async () => {
    const text = 'Well done Olivia Smith, great @jenny_b';
    await page.click(COMMENT);
    await page.keyboard.type(text);
    await expect.poll(async () => (await overlayRects(page)).length).toBe(2);
    await expect.poll(() => firefox.badgeText(page)).toBe('2');
    await page.keyboard.press('Enter');
    await waitForUi(page, GATE);
    expect(await uiText(page, GATE)).toContain("A pupil's name");
    expect(await uiButtons(page, GATE)).toEqual(['Go back and edit']);
    await pressUiButton(page, GATE, 'Go back and edit');
    await waitForUi(page, GATE, true);
    expect(await posts(page)).toEqual([]);
    expect(await editorText(page, COMMENT)).toBe(text);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('Firefox logged no error for the add-on', async () => {
    expect(await firefox.extensionErrors()).toEqual([]);
  });
});
