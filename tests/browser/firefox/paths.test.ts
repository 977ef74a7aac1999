import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { GATE, editorText, launchFirefox, markedText, model, posts, pressUiButton, uiButtons, uiText, waitForUi, type Firefox } from '../support/firefox';
import { lexicalParagraphs } from '../support/page';
import { PATHS } from '../support/sites';
import { SCHOOL } from '../support/settings';
import * as fx from '../../images/fixtures';

// The core of the Chromium paths tests in Firefox ESR (the Firefox build): a Facebook reply sent
// with Enter, a Page post sent from its "Post settings" step, an X thread's "Post all", an X reply
// dialog over the timeline, Instagram's Create with its photo picked at step 1, and a comment in
// an Instagram post's modal.
let firefox: Firefox;
let page: Page | null = null;
const files = mkdtempSync(join(tmpdir(), 'second-look-firefox-paths-'));

const BLOCKED = 'Well done to Olivia in Year 3 for her reading award!';
const WARNED = 'Great trip today with @jenny_b and the team.';
const CLEAN = 'Lovely sunny sports day today.';

beforeAll(async () => {
  firefox = await launchFirefox();
  await firefox.setSettings(SCHOOL);
});
afterAll(async () => {
  await firefox?.close();
  rmSync(files, { recursive: true, force: true });
});

async function open(site: 'facebook' | 'x' | 'instagram'): Promise<Page> {
  await page?.close();
  page = await firefox.open(site, PATHS[site]);
  return page;
}

async function type(p: Page, selector: string, text: string): Promise<void> {
  await p.click(selector);
  await p.keyboard.type(text);
}

async function ctrlEnter(p: Page): Promise<void> {
  await p.keyboard.down('Control');
  await p.keyboard.press('Enter');
  await p.keyboard.up('Control');
}

/** The gate is up before the site's handler ran; "Go back and edit" leaves the editor as it was. */
async function heldThenBack(p: Page, editor: string, send: () => Promise<void>): Promise<void> {
  const before = await p.$eval(editor, (e) => e.outerHTML);
  const text = await editorText(p, editor);
  await send();
  await waitForUi(p, GATE);
  expect(await posts(p)).toEqual([]);
  await pressUiButton(p, GATE, 'Go back and edit');
  await waitForUi(p, GATE, true);
  expect(await posts(p)).toEqual([]);
  expect(await editorText(p, editor)).toBe(text);
  expect(await p.$eval(editor, (e) => e.outerHTML)).toBe(before);
}

async function postAnywayOnce(p: Page, send: () => Promise<void>, expected: string[]): Promise<void> {
  await send();
  await waitForUi(p, GATE);
  await pressUiButton(p, GATE, 'Post anyway');
  await expect.poll(() => posts(p)).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await posts(p)).toEqual(expected);
}

describe('Firefox ESR: the real ways out', () => {
  it('Facebook reply "Reply to <name>": Enter is held, back leaves it as typed, "Post anyway" sends once', async () => {
    const p = await open('facebook');
    await p.click('#feed-post .comment:first-of-type [role="button"][aria-label="Reply"]');
    const reply = '[aria-label="Reply to Sam Jones"]';
    await p.waitForSelector(reply);
    await type(p, reply, WARNED);
    await expect.poll(() => markedText(p)).toEqual(['@jenny_b']);
    await heldThenBack(p, reply, () => p.keyboard.press('Enter'));
    expect(lexicalParagraphs(await model(p, 'reply-1'))).toEqual([WARNED]);
    await postAnywayOnce(p, () => p.keyboard.press('Enter'), [WARNED]);
  });

  it('Facebook Page post: "Next" passes, "Post" in "Post settings" is held; the Page is read as official', async () => {
    const p = await open('facebook');
    await p.click('#page-opener');
    await p.waitForSelector('#page-composer');
    await type(p, '#page-composer', BLOCKED);
    await expect.poll(() => markedText(p)).toEqual(['Olivia']);
    expect(await firefox.report(p)).toMatchObject({ account: 'official', identity: 'Penrice Primary Academy' });
    await p.click('[role="dialog"] [aria-label="Next"]');
    await p.waitForSelector('#page-post', { visible: true });
    expect(await uiText(p, GATE)).toBeNull();
    await p.click('#page-post');
    await waitForUi(p, GATE);
    expect(await uiButtons(p, GATE)).toEqual(['Go back and edit']);
    await pressUiButton(p, GATE, 'Go back and edit');
    expect(await posts(p)).toEqual([]);
    expect(lexicalParagraphs(await model(p, 'page'))).toEqual([BLOCKED]);
  });

  it('X thread: a finding in the second post holds "Post all" and Ctrl+Enter; "Post anyway" sends the thread once', async () => {
    const p = await open('x');
    await p.click('[data-testid="SideNav_NewTweet_Button"]');
    await type(p, '[role="dialog"] [data-testid="tweetTextarea_0"]', CLEAN);
    await p.click('[role="dialog"] [data-testid="addButton"]');
    await type(p, '[role="dialog"] [data-testid="tweetTextarea_1"]', WARNED);
    await expect.poll(() => markedText(p)).toEqual(['@jenny_b']);
    await heldThenBack(p, '[role="dialog"] [data-testid="tweetTextarea_1"]', () => p.click('[role="dialog"] [data-testid="tweetButton"]'));
    await p.click('[role="dialog"] [data-testid="tweetTextarea_0"]');
    await heldThenBack(p, '[role="dialog"] [data-testid="tweetTextarea_0"]', () => ctrlEnter(p));
    await postAnywayOnce(p, () => p.click('[role="dialog"] [data-testid="tweetButton"]'), [CLEAN, WARNED]);
  });

  it('X reply dialog over the timeline: the inline draft does not hold it, and a clean reply goes at once', async () => {
    const p = await open('x');
    await type(p, 'main [data-testid="tweetTextarea_0"]', WARNED);
    await expect.poll(() => markedText(p)).toEqual(['@jenny_b']);
    await p.click('#tweet-1 [data-testid="reply"]');
    await type(p, '[role="dialog"] [data-testid="tweetTextarea_0"]', CLEAN);
    await expect.poll(async () => (await firefox.report(p))?.text).toBe(CLEAN);
    await p.click('[role="dialog"] [data-testid="tweetButton"]');
    await expect.poll(() => posts(p)).toEqual([CLEAN]);
    expect(await uiText(p, GATE)).toBeNull();
  });

  it('Instagram Create: a photo picked at step 1 is judged with the caption, and Share is held', async () => {
    const p = await open('instagram');
    await p.click('#create');
    const path = join(files, 'group.jpg');
    writeFileSync(path, fx.demoPhoto(3));
    const input = (await p.waitForSelector('[data-testid="create-input"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    for (const title of ['Crop', 'Edit']) {
      await p.waitForFunction((t) => [...document.querySelectorAll('[role="dialog"] h1')].some((h) => h.textContent === t), {}, title);
      await p.click('[role="dialog"] [aria-label="Next"]');
    }
    await type(p, '#caption', CLEAN);
    await expect.poll(async () => (await firefox.report(p))?.images?.every((i) => i.status !== 'checking') ?? false, { timeout: 90_000 }).toBe(true);
    await expect.poll(async () => (await firefox.report(p))?.findings.map((f) => f.rule).sort()).toEqual(['location', 'pupil-photo']);
    await p.click('#share');
    await waitForUi(p, GATE);
    expect(await uiText(p, GATE)).toContain('A photo that may show pupils');
    await pressUiButton(p, GATE, 'Go back and edit');
    expect(await posts(p)).toEqual([]);
  });

  it("Instagram modal comment: posted by the signed-in account, not the author in view; Enter held; sent once", async () => {
    const p = await open('instagram');
    await p.click('#open-post');
    await type(p, '#post-modal textarea', WARNED);
    await expect.poll(async () => (await firefox.report(p))?.findings.length).toBe(1);
    expect(await firefox.report(p)).toMatchObject({ identity: 'jsmith.teaches', account: 'personal' });
    await heldThenBack(p, '#post-modal textarea', () => p.keyboard.press('Enter'));
    await postAnywayOnce(p, () => p.click('#comment-post'), [WARNED]);
  });
});
