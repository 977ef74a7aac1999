import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { tabId } from './page';

/**
 * The extension's own pages (popup and options) opened as tabs, and axe-core run on them. The
 * extension id is fixed by the manifest's `key` (docs/deploy.md), so tests and policies can name it.
 */
export const EXTENSION_ID = 'phoenllgakabgohcllbhpbgpmmngooni';

export function extensionIdOf(worker: Worker): string {
  return new URL(worker.url()).host;
}

/** The popup, in a tab of its own, showing what it shows for `target`'s tab. */
export async function openPopup(context: BrowserContext, worker: Worker, target: Page | number): Promise<Page> {
  const id = typeof target === 'number' ? target : await tabId(worker, target);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionIdOf(worker)}/popup.html?tab=${id}`);
  await popup.locator('main.popup h1').waitFor();
  return popup;
}

export async function openOptions(context: BrowserContext, worker: Worker): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionIdOf(worker)}/options.html`);
  await page.getByRole('button', { name: 'Save' }).waitFor();
  return page;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core's violations on the page (WCAG 2.1 A and AA and best practices). Evaluated through the
 * DevTools protocol, so the extension pages' CSP (no inline scripts) does not stop it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/**
 * The elements Tab reaches, in order, from the top of the page: each one's tag, accessible name
 * (roughly) and whether it is visible.
 */
export async function tabStops(page: Page, max = 80): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const label = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : null;
      return `${e.tagName.toLowerCase()}:${(e.getAttribute('aria-label') ?? label ?? e.textContent ?? (e as HTMLInputElement).value ?? '').trim().slice(0, 60)}`;
    });
    if (stop === null || stops.includes(stop)) break;
    stops.push(stop);
  }
  return stops;
}

/**
 * Tabs through the page from the top and returns the controls that Tab never reached: every
 * enabled input, select, textarea, button and link, less the unchecked radios of a group whose
 * checked one was reached (arrow keys move within a radio group).
 */
export async function unreachableByTab(page: Page, max = 200): Promise<string[]> {
  // Start from the top: focus a throwaway element placed first in the page.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('[data-tabbed]')) e.removeAttribute('data-tabbed');
    const start = document.createElement('div');
    start.tabIndex = -1;
    start.id = 'tab-start';
    document.body.prepend(start);
    start.focus();
  });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const again = await page.evaluate(() => {
      const e = document.activeElement;
      // Between the last control and the first, focus rests on the page itself.
      if (!e || e === document.body || e.id === 'tab-start') return false;
      if (e.hasAttribute('data-tabbed')) return true;
      e.setAttribute('data-tabbed', '');
      return false;
    });
    if (again) break;
  }
  return page.evaluate(() => {
    document.getElementById('tab-start')?.remove();
    const controls = [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')].filter(
      (e) => !(e as HTMLInputElement).disabled && e.getClientRects().length > 0,
    );
    const reachedGroups = new Set(
      controls.filter((e) => e instanceof HTMLInputElement && e.type === 'radio' && e.hasAttribute('data-tabbed')).map((e) => (e as HTMLInputElement).name),
    );
    return controls
      .filter((e) => !e.hasAttribute('data-tabbed'))
      .filter((e) => !(e instanceof HTMLInputElement && e.type === 'radio' && reachedGroups.has(e.name)))
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}:${e.textContent?.trim().slice(0, 30) ?? ''}`);
  });
}
