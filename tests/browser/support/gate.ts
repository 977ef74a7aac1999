import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { markedText, posts, ui } from './page';

/** The gate's dialog (in Second Look's closed layer, read as only a privileged client can) and what the tests check around it, in Chromium. */
export const gate = (page: Page) => ui(page).getByRole('alertdialog');

/** The editor's DOM as it is: compared before and after, the gate must leave it untouched. */
export function editorHtml(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((e) => e.outerHTML);
}

export function editorText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((e) => (e instanceof HTMLTextAreaElement ? e.value : (e as HTMLElement).innerText.replace(/\n$/, '')));
}

export function clicks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => window.fixture.clicks);
}

/**
 * Tries to send with `send` while findings are marked: the gate opens before the site's own
 * handler runs, "Go back and edit" leaves the editor exactly as it was (text and DOM).
 */
export async function heldThenBack(page: Page, editor: string, marked: string[], send: () => Promise<void>): Promise<void> {
  await expect.poll(() => markedText(page)).toEqual(marked);
  const before = await editorHtml(page, editor);
  const text = await editorText(page, editor);
  await send();
  await gate(page).waitFor();
  expect(await posts(page)).toEqual([]);
  await gate(page).getByRole('button', { name: 'Go back and edit' }).click();
  await gate(page).waitFor({ state: 'detached' });
  expect(await posts(page)).toEqual([]);
  expect(await editorText(page, editor)).toBe(text);
  expect(await editorHtml(page, editor)).toBe(before);
}

/** Sends again and presses "Post anyway": the site's handler runs exactly once. */
export async function postAnywayOnce(page: Page, send: () => Promise<void>, expected: string[]): Promise<void> {
  await send();
  await gate(page).getByRole('button', { name: 'Post anyway' }).click();
  await expect.poll(() => posts(page)).toEqual(expected);
  await page.waitForTimeout(300);
  expect(await posts(page)).toEqual(expected);
}

/** A clean draft goes out at once: no dialog, one post. */
export async function sendsAtOnce(page: Page, send: () => Promise<void>, expected: string[]): Promise<void> {
  await send();
  await expect.poll(() => posts(page)).toEqual(expected);
  expect(await gate(page).count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await posts(page)).toEqual(expected);
}
