import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { EXTENSION_ID } from './support/extension';
import { FACEBOOK_COMPOSER, badgeText, composeOnFacebook, markedText, posts, pressShortcut, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

// Only the browser ends Second Look on a page (content/lifetime.ts): the page's own scripts,
// which know the extension id, cannot switch it off by posting messages or dispatching events.
let browser: Browser;
let page: Page;

// 'Views are my own.': a personal post naming a year group needs the disclaimer; these tests are about the pupil's name.
const BLOCKED = 'Well done to Olivia in Year 3 for her reading award! Views are my own.';
const gate = () => ui(page).getByRole('alertdialog');
const card = () => ui(page).getByRole('dialog', { name: /^Second Look/ });
const postButton = () => page.getByRole('dialog', { name: 'Create post' }).getByRole('button', { name: 'Post', exact: true });

/**
 * What a hostile page script does to stop the content script: WXT 0.20's "content script
 * started" message, posted to the window as WXT posts it and as a newer WXT dispatches it, many
 * times, under fresh message ids, for this extension and for no extension in particular.
 */
function switchOffAttempts(extensionId: string): void {
  const names = ['content', 'content-scripts/content', undefined];
  const types = [`${extensionId}:content:wxt:content-script-started`, 'wxt:content-script-started', `${extensionId}:content:wxt:locationchange`];
  for (let i = 0; i < 3; i++) {
    for (const type of types) {
      for (const contentScriptName of names) {
        const messageId = Math.random().toString(36).slice(2);
        window.postMessage({ type, contentScriptName, messageId }, '*');
        window.postMessage({ type, contentScriptName, messageId: `${messageId}-${i}` }, '*');
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId } }));
        window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId } }));
      }
    }
  }
}

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());

describe("the content script's lifetime", () => {
  it("a page posting WXT's \"started\" message changes nothing: marks, cards, badge and the Post gate go on", async () => {
    await page.goto(SITES.facebook.url);
    // Before the draft (the script is running and waiting) and again once it is being checked.
    await page.evaluate(switchOffAttempts, EXTENSION_ID);
    await page.waitForTimeout(300);
    await page.click('#open-composer');
    await page.locator(FACEBOOK_COMPOSER).click();
    await page.keyboard.type(BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await page.evaluate(switchOffAttempts, EXTENSION_ID);
    await page.waitForTimeout(300);

    await page.keyboard.type(' And Jack.');
    await expect.poll(() => markedText(page)).toEqual(['Jack', 'Olivia']);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('2');
    // The card opens on the user's shortcut (the worker's message), as before the page's messages.
    await page.keyboard.press('Home');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await pressShortcut(browser.worker!, page);
    await card().waitFor();
    await page.keyboard.press('Escape');
    await card().waitFor({ state: 'detached' });
    await postButton().click();
    await gate().waitFor();
    expect(await gate().getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    expect(await posts(page)).toEqual([]);
  });

  it('ends when the extension is reloaded: the layer goes and the page is left as it was', async () => {
    await composeOnFacebook(page, BLOCKED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    expect(await page.locator('second-look-ui').count()).toBe(1);
    // What an update does to a running page: the old script's extension context is gone.
    await browser.worker!.evaluate(() => {
      setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50);
    });
    await expect.poll(() => page.locator('second-look-ui').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => markedText(page)).toEqual([]);
    // Its listeners are gone too: the Post button is the site's own again.
    await postButton().click();
    await expect.poll(() => posts(page)).toEqual([BLOCKED]);
  });
});
