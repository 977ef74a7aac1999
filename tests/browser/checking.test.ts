import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { Pack } from '../../packs/schema';
import { launch, type Browser } from './support/chromium';
import { FACEBOOK_COMPOSER, composeOnFacebook, markedText, report, ui } from './support/page';
import { SCHOOL } from './support/settings';

// How drafts travel to the background worker and back: what a check message carries, and
// what becomes of a check when the worker is stopped under it.
let browser: Browser;
let page: Page;

/** The extension APIs called in the service worker (no @types/chrome here). */
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
};

beforeAll(async () => {
  browser = await launch({ extension: true });
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
});

/**
 * An imported pack of about 2 MB (a school's own policy can run long): its tagging rule cites
 * `quote`, and thousands of other clauses make it large.
 */
function largePack(quote: string, severity: 'warn' | 'block'): Pack {
  const clauses = [{ id: 'tagging', section: 'Tagging', quote, source: 'ours' }];
  for (let i = 0; i < 8_000; i++)
    clauses.push({ id: `c-${i}`, section: `Section ${i}`, quote: `Clause ${i}: ${'staff keep what they post professional at all times. '.repeat(4)}`, source: 'ours' });
  return { id: 'ours', name: 'Our Policy', organisation: 'Penrice Primary Academy', clauses, rules: { tagging: { severity, clauses: ['tagging'] } } };
}

function usePack(worker: Worker, pack: Pack): Promise<void> {
  return worker.evaluate(
    ({ settings, pack }) => chrome.storage.local.set({ settings, packFile: { name: 'ours.json', pack } }),
    { settings: { ...SCHOOL, pack: 'ours.json' }, pack },
  );
}

/** Starts recording the check messages the worker receives: their keys and size. */
function spyOnChecks(worker: Worker): Promise<void> {
  return worker.evaluate(() => {
    const seen: { keys: string[]; size: number }[] = [];
    (globalThis as unknown as { seenChecks: typeof seen }).seenChecks = seen;
    chrome.runtime.onMessage.addListener((message) => {
      const m = message as { type?: string } | null;
      if (m?.type === 'check') seen.push({ keys: Object.keys(m), size: JSON.stringify(m).length });
      return undefined;
    });
  });
}

function seenChecks(worker: Worker): Promise<{ keys: string[]; size: number }[]> {
  return worker.evaluate(() => (globalThis as unknown as { seenChecks: { keys: string[]; size: number }[] }).seenChecks);
}

describe('check messages', () => {
  const QUOTE_ONE = 'Staff must never tag anyone in a post without their consent.';
  const QUOTE_TWO = 'Tagging pupils, parents or colleagues is forbidden on every account.';

  it('carry the draft and a settings version, never the pack; a changed pack takes effect at once', async () => {
    const worker = browser.worker!;
    const pack = largePack(QUOTE_ONE, 'warn');
    expect(JSON.stringify(pack).length).toBeGreaterThan(2_000_000);
    await usePack(worker, pack);
    await spyOnChecks(worker);
    const draft = 'Great trip today with @jenny_b and the team.';
    await composeOnFacebook(page, draft);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await expect.poll(async () => (await report(worker, page))?.findings.map((f) => [f.severity, f.clause.quote]), { timeout: 10_000 }).toEqual([['warn', QUOTE_ONE]]);

    const checks = await seenChecks(worker);
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      expect(check.keys).not.toContain('pack');
      expect(check.keys).not.toContain('settings');
      expect(check.keys).toContain('settingsVersion');
      // The draft, its platform and account, and a few fields: a pack would be megabytes.
      expect(check.size).toBeLessThan(draft.length + 500);
    }

    // The options page imports a new version of the pack: the open draft is checked with it,
    // without another keystroke.
    await usePack(worker, largePack(QUOTE_TWO, 'block'));
    await expect.poll(async () => (await report(worker, page))?.findings.map((f) => [f.severity, f.clause.quote]), { timeout: 10_000 }).toEqual([['block', QUOTE_TWO]]);
    expect(await page.locator('[role="dialog"] [role="textbox"]').innerText()).toBe(draft);
  });
});

/** The extension's service worker as it runs now (a stopped worker comes back as a new one). */
async function currentWorker(): Promise<Worker> {
  const running = browser.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? browser.context.waitForEvent('serviceworker', { timeout: 30_000 });
}

/** Keeps the worker's thread busy for `ms` (a long check, a slow machine): it answers nothing meanwhile. */
function busy(worker: Worker, ms: number): void {
  void worker
    .evaluate((ms) => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    }, ms)
    .catch(() => undefined);
}

/** Stops the extension's service worker, as Chrome does when it has been idle (CDP ServiceWorker.stopWorker). */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => versions.push(...event.versions));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.some((v) => v.scriptURL.startsWith('chrome-extension://'))).toBe(true);
  for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  await cdp.detach();
}

describe('a check the background worker does not answer', () => {
  const DRAFT = 'Great trip today with @jenny_b';
  const MORE = ' and Olivia Smith from Year 3.';
  const unavailable = () => ui(page).locator('[data-state="unavailable"]');

  it('is sent again when the worker is stopped under it: its findings arrive without another edit', async () => {
    const worker = await currentWorker();
    await worker.evaluate((settings) => chrome.storage.local.set({ settings }), SCHOOL);
    await composeOnFacebook(page, DRAFT);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);

    // The worker is busy when the edit's check arrives, and is stopped before it answers.
    await worker.evaluate(() => void ((globalThis as unknown as { before: boolean }).before = true));
    busy(worker, 10_000);
    await page.waitForTimeout(300);
    // One edit (as a paste or an autocorrection makes), so one check: the one cut off.
    await page.keyboard.insertText(MORE);
    await page.waitForTimeout(300);
    await stopWorker(page);

    // The findings of the edit arrive (the tag and the pupil's name; "Great trip today with ...
    // Year 3" places nobody, so location does not mark the sentence).
    await expect.poll(async () => (await report(await currentWorker(), page))?.findings.map((f) => f.excerpt), { timeout: 30_000 }).toEqual(expect.arrayContaining(['@jenny_b', 'Olivia Smith']));
    expect((await markedText(page)).join(' ')).toContain('Olivia Smith');
    expect(await page.locator(FACEBOOK_COMPOSER).innerText()).toBe(DRAFT + MORE);
    expect(await unavailable().count()).toBe(0);
    // It was a new worker that answered: the one stopped had the mark set above.
    expect(await (await currentWorker()).evaluate(() => (globalThis as unknown as { before?: boolean }).before)).toBeUndefined();
  });

  it('says checking is unavailable while the worker does not answer, never that the draft is clean', async () => {
    const worker = await currentWorker();
    await composeOnFacebook(page, DRAFT);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    busy(worker, 12_000);
    await page.waitForTimeout(300);
    await page.keyboard.type(MORE);
    // The check times out (5 s for a short draft) and is sent again: meanwhile the counter says so.
    await unavailable().waitFor({ timeout: 11_000 });
    // Its label says the post is not checked because checking is unavailable.
    expect(await ui(page).locator('[data-state="unavailable"][aria-label*="not checked"][aria-label*="unavailable"]').count()).toBe(1);
    // The worker answers again: the findings arrive, and the counter counts them.
    // The findings of the edit arrive (the tag and the pupil's name; "Great trip today with ...
    // Year 3" places nobody, so location does not mark the sentence).
    await expect.poll(async () => (await report(await currentWorker(), page))?.findings.map((f) => f.excerpt), { timeout: 30_000 }).toEqual(expect.arrayContaining(['@jenny_b', 'Olivia Smith']));
    expect((await markedText(page)).join(' ')).toContain('Olivia Smith');
    await expect.poll(() => unavailable().count()).toBe(0);
  });
});
