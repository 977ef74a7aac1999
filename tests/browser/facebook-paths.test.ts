import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, launch, type Browser } from './support/chromium';
import { clicks, editorText, gate, heldThenBack, postAnywayOnce, sendsAtOnce } from './support/gate';
import { lexicalParagraphs, markedText, model, posts, report, setSettings } from './support/page';
import { SCHOOL } from './support/settings';

// Facebook's other ways out (fixtures/src/facebook-paths.ts): replies and group comments sent
// with Enter or their own button, and a Page's post sent from a second "Post settings" step.
let browser: Browser;
let page: Page;

// 'Views are my own.': a personal post naming a year group needs the disclaimer; these tests are about the pupil's name.
const BLOCKED = 'Well done to Olivia in Year 3 for her reading award! Views are my own.';
const WARNED = 'Great trip today with @jenny_b and the team.';
const CLEAN = 'Lovely sunny sports day today.';
const REPLY = '[aria-label="Reply to Sam Jones"]';
const GROUP = '[aria-label="Submit your first comment…"]';
const ANSWER = '[aria-label="Write an answer…"]';
const FRENCH = '[aria-label="Écrire un commentaire public…"]';
const PAGE_EDITOR = '#page-composer';

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  await page.goto(PATHS.facebook);
});

async function type(selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.type(text);
}

async function openReply(): Promise<void> {
  await page.locator('.comment', { hasText: 'Sam Jones' }).getByRole('button', { name: 'Reply', exact: true }).click();
  await page.locator(REPLY).waitFor();
}

async function openPageComposer(): Promise<void> {
  await page.locator('#page-opener').click();
  await page.locator(PAGE_EDITOR).waitFor();
}

const dialog = () => page.getByRole('dialog', { name: 'Create post' });

describe('Facebook: reply boxes ("Reply to <name>"), sent with Enter or their own button', () => {
  it('Enter is held before the site sees it; "Go back and edit" leaves the reply exactly as typed', async () => {
    await openReply();
    await type(REPLY, BLOCKED);
    await heldThenBack(page, REPLY, ['Olivia'], () => page.keyboard.press('Enter'));
    expect(lexicalParagraphs(await model(page, 'reply-1'))).toEqual([BLOCKED]);
    // The send button is held the same way, and a blocking finding offers no "Post anyway".
    await page.locator('#reply-1-send').click();
    await gate(page).waitFor();
    expect(await gate(page).getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    await gate(page).getByRole('button', { name: 'Go back and edit' }).click();
    expect(await posts(page)).toEqual([]);
  });

  it('"Post anyway" sends the reply once; a clean reply goes at once', async () => {
    await openReply();
    await type(REPLY, WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await postAnywayOnce(page, () => page.keyboard.press('Enter'), [WARNED]);
    await type(REPLY, CLEAN);
    await expect.poll(async () => (await report(browser.worker!, page))?.text).toBe(CLEAN);
    await sendsAtOnce(page, () => page.keyboard.press('Enter'), [WARNED, CLEAN]);
  });

  it('an Enter that picks an @mention suggestion is not a send', async () => {
    await openReply();
    await type(REPLY, 'Olivia was great, thanks @Sa');
    await page.getByRole('option', { name: 'Sam Jones' }).waitFor();
    await expect.poll(() => markedText(page)).toContain('Olivia');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, REPLY)).toBe('Olivia was great, thanks Sam Jones ');
    expect(await gate(page).count()).toBe(0);
    expect(await posts(page)).toEqual([]);
    // With the list closed, Enter sends again, and is held.
    await page.keyboard.press('Enter');
    await gate(page).waitFor();
    expect(await posts(page)).toEqual([]);
  });
});

describe('Facebook groups: "Submit your first comment…" with "Post comment", "Write an answer…"', () => {
  it('the "Post comment" button and Enter are held; "Post anyway" sends once; clean goes at once', async () => {
    await type(GROUP, WARNED);
    await heldThenBack(page, GROUP, ['@jenny_b'], () => page.locator('#group-comment-send').click());
    await heldThenBack(page, GROUP, ['@jenny_b'], () => page.keyboard.press('Enter'));
    await postAnywayOnce(page, () => page.locator('#group-comment-send').click(), [WARNED]);
    await type(GROUP, CLEAN);
    await expect.poll(async () => (await report(browser.worker!, page))?.text).toBe(CLEAN);
    await sendsAtOnce(page, () => page.locator('#group-comment-send').click(), [WARNED, CLEAN]);
  });

  it('"Write an answer…" sends on Enter, so Enter is held there', async () => {
    await type(ANSWER, BLOCKED);
    await heldThenBack(page, ANSWER, ['Olivia'], () => page.keyboard.press('Enter'));
    expect(lexicalParagraphs(await model(page, 'group-answer'))).toEqual([BLOCKED]);
  });

  it('a send button named in another language is held, and the dialog says why', async () => {
    await type(FRENCH, WARNED);
    await heldThenBack(page, FRENCH, ['@jenny_b'], async () => {
      await page.getByRole('button', { name: 'Publier' }).click();
      await gate(page).waitFor();
      expect(await gate(page).innerText()).toContain('cannot tell whether "Publier" sends your post');
    });
    await postAnywayOnce(page, () => page.getByRole('button', { name: 'Publier' }).click(), [WARNED]);
  });

  it('the buttons around a composer with findings keep working: Like, Share, Insert an emoji, Most relevant', async () => {
    await type(GROUP, BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    const post = page.locator('#group-post');
    for (const name of ['Like', 'Share', 'Insert an emoji', 'Comment with a GIF']) await post.getByRole('button', { name, exact: true }).first().click();
    expect(await gate(page).count()).toBe(0);
    expect(await clicks(page)).toMatchObject({ Like: 1, Share: 1, 'Insert an emoji': 1, 'Comment with a GIF': 1 });
  });
});

describe('Facebook Page post: "Next", then "Post" in the "Post settings" panel', () => {
  it('reads the Page from the composer header: the post is checked as official', async () => {
    await openPageComposer();
    await type(PAGE_EDITOR, 'Sports day at Penrice Primary Academy was brilliant!');
    await expect.poll(async () => (await report(browser.worker!, page))?.account).toBe('official');
    expect((await report(browser.worker!, page))!.identity).toBe('Penrice Primary Academy');
    expect(await markedText(page)).toEqual([]);
  });

  it('"Next" passes; "Post", deep in the next step, is held; back to the draft as typed', async () => {
    await openPageComposer();
    await type(PAGE_EDITOR, BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await dialog().getByRole('button', { name: 'Next' }).click();
    await page.locator('#page-post').waitFor();
    expect(await gate(page).count()).toBe(0);
    await page.locator('#page-post').click();
    await gate(page).waitFor();
    expect(await gate(page).getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    await gate(page).getByRole('button', { name: 'Go back and edit' }).click();
    expect(await posts(page)).toEqual([]);
    expect(lexicalParagraphs(await model(page, 'page'))).toEqual([BLOCKED]);
    await dialog().getByRole('button', { name: 'Back' }).click();
    expect(await editorText(page, PAGE_EDITOR)).toBe(BLOCKED);
  });

  it('"Post anyway" posts once; a clean Page post goes at once', async () => {
    await openPageComposer();
    await type(PAGE_EDITOR, WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await dialog().getByRole('button', { name: 'Next' }).click();
    await postAnywayOnce(page, () => page.locator('#page-post').click(), [WARNED]);

    await openPageComposer();
    await type(PAGE_EDITOR, CLEAN);
    await expect.poll(async () => (await report(browser.worker!, page))?.text).toBe(CLEAN);
    await dialog().getByRole('button', { name: 'Next' }).click();
    await sendsAtOnce(page, () => page.locator('#page-post').click(), [WARNED, CLEAN]);
  });
});

describe('One user action, one send (Facebook)', () => {
  it('Enter, Enter typed straight after the text (its check still out) posts once', async () => {
    await openReply();
    await type(REPLY, CLEAN);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => posts(page)).toEqual([CLEAN]);
    await page.waitForTimeout(500);
    expect(await posts(page)).toEqual([CLEAN]);
  });

  it('a double click on "Post comment", and Enter then a click, post once', async () => {
    await type(GROUP, CLEAN);
    await page.locator('#group-comment-send').dblclick();
    await expect.poll(() => posts(page)).toEqual([CLEAN]);
    await type(GROUP, 'Thank you all.');
    await page.keyboard.press('Enter');
    await page.locator('#group-comment-send').click();
    await expect.poll(() => posts(page)).toEqual([CLEAN, 'Thank you all.']);
    await page.waitForTimeout(500);
    expect(await posts(page)).toEqual([CLEAN, 'Thank you all.']);
  });

  it('with a finding, Enter Enter opens one dialog and "Post anyway" posts once', async () => {
    await openReply();
    await type(REPLY, WARNED);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await gate(page).getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual([WARNED]);
    await page.waitForTimeout(500);
    expect(await posts(page)).toEqual([WARNED]);
    expect(await gate(page).count()).toBe(0);
  });
});
