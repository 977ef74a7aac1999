import type { Page, Worker } from 'playwright-core';
import type { Settings } from '../../../settings/schema';
import type { DraftReport } from '../../../protocol/messages';
import { expect } from 'vitest';
import { SITES } from './chromium';

/** What the tests read from pages and from the extension, the way a user or the popup would. */

/** The few extension APIs the tests call inside the service worker (no @types/chrome here). */
declare const chrome: {
  tabs: {
    query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

// Marks and Second Look's controls are in its closed layer, read through the DevTools protocol.
export { activeMarkedText, markRects, markedText, overlayRects, ui } from './ui';
import { markRects, markedText, ui } from './ui';

/** Second Look's card, as a user finds it. */
export const card = (page: Page) => ui(page).getByRole('dialog', { name: /^Second Look/ });

/**
 * How a user reads why words are marked, with the mouse: a click in the marked words (the caret
 * goes there), then a click on the composer's counter, which opens the card of the finding at
 * the caret. (Hovering or moving the caret into marked words opens nothing: the page would see
 * it, content/cards.ts.)
 */
export async function explainMark(page: Page, text: string): Promise<void> {
  await expect.poll(() => markedText(page)).toContain(text);
  const mark = (await markRects(page)).find((r) => r.text === text)!;
  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await ui(page).getByRole('button', { name: /^Second Look: \d+ things? to check/ }).click();
  await card(page).waitFor();
}

/**
 * What Second Look's keyboard shortcut does (manifest `commands`, background/commands.ts): the
 * worker's message to the tab. The key itself cannot be pressed here: the DevTools protocol
 * hands keys to the page, past the browser's shortcut handling.
 */
export async function pressShortcut(worker: Worker, page: Page): Promise<void> {
  const id = await tabId(worker, page);
  await worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'explain' }).catch(() => undefined), id);
}

/**
 * The browser's id for the page's tab, as the extension sees it: the page is brought to the front
 * and the extension asks for the active tab. (Asking by URL would need host permissions, which the
 * shipped extension does not have: package.test.ts pins its permissions.)
 */
export async function tabId(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const tabs = await worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  if (tabs.length !== 1 || tabs[0]!.id === undefined) throw new Error(`no single active tab for ${page.url()} (found ${tabs.length})`);
  return tabs[0]!.id;
}

/** The toolbar badge for the page's tab, read from the extension's service worker. */
export async function badgeText(worker: Worker, page: Page): Promise<string> {
  const id = await tabId(worker, page);
  return worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), id);
}

/** What the popup is told for the page's tab (the `get-findings` message). */
export async function report(worker: Worker, page: Page): Promise<DraftReport | null> {
  const id = await tabId(worker, page);
  return worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'get-findings' }), id) as Promise<DraftReport | null>;
}

export function setSettings(worker: Worker, settings: Settings | Record<string, unknown>): Promise<void> {
  return worker.evaluate((settings) => chrome.storage.local.set({ settings }), settings);
}

/** The fixture's record of what the site's own submit handler sent. */
export function posts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.fixture.posts);
}

/** The editor library's model, as the fixture exposes it. */
export function model(page: Page, name: string): Promise<unknown> {
  return page.evaluate((name) => window.fixture.models[name]?.(), name);
}

/** The text a Lexical model holds: its paragraphs, as Lexical joins them ("\n\n"). */
export function lexicalParagraphs(state: unknown): string[] {
  const root = (state as { root: { children: { children: { text?: string }[] }[] } }).root;
  return root.children.map((p) => p.children.map((t) => t.text ?? '').join(''));
}

/** The text of each Draft.js block in a raw model. */
export function draftBlocks(raw: unknown): string[] {
  return (raw as { blocks: { text: string }[] }).blocks.map((b) => b.text);
}

/** The post composer in the Facebook fixture's "Create post" dialog (a Lexical editor). */
export const FACEBOOK_COMPOSER = '[role="dialog"] [role="textbox"]';

/** Opens the Facebook fixture in `page`, opens its "Create post" dialog and types `text` there. */
export async function composeOnFacebook(page: Page, text: string): Promise<void> {
  await page.goto(SITES.facebook.url);
  await page.click('#open-composer');
  await page.locator(FACEBOOK_COMPOSER).click();
  await page.keyboard.type(text);
}
