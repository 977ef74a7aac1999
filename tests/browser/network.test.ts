import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { EXTENSION_ID, openOptions, openPopup } from './support/extension';
import { NetworkWatch, outsideRequests, type WatchedTarget } from './support/network';
import { extensionResolutions, readResolutions } from './support/netlog';
import { composeOnFacebook, markedText, report, setSettings } from './support/page';
import { SCHOOL } from './support/settings';
import * as fx from '../images/fixtures';

/**
 * "No network requests", seen from every target the extension has: its service worker, its
 * offscreen document and the worker Tesseract starts there, its popup and options pages, and the
 * pages its content script runs in (support/network.ts attaches a DevTools client to each, before
 * it runs). Playwright's request log, which the earlier test read, sees pages only.
 *
 * How it was shown to fail (throwaway builds, not committed; each turned the first test red,
 * naming the request):
 * - the worker: `void fetch('https://leak.invalid/worker')` at the top of startBackground()
 *   (background/index.ts), so at the worker's start, which this file watches by reloading the
 *   extension after the watch is attached;
 * - the offscreen document: `void fetch('https://leak.invalid/offscreen')` at the top of
 *   entrypoints/offscreen/main.ts, which runs when the first image is attached;
 * - the content script: `void fetch(location.origin + '/leak')` in startSecondLook(), a request to
 *   the very site it runs on, told from the site's own requests by the content script's file on
 *   the initiator's stack.
 * The second test keeps a lasting check of the same: a probe request from each kind of target
 * must be seen and called outside.
 *
 * Nor does the extension make the browser resolve a host name: a DNS prefetch or preconnect hint,
 * a link or image the browser's predictor warms up, would send a DNS query out with no request for
 * the Network domain to see. Chromium's NetLog (support/netlog.ts) lists every resolution and the
 * context it is for; none may be for an extension context, nor of another host in a site's page.
 * How it was shown to fail (a throwaway build, not committed): with a
 * `<link rel="dns-prefetch" href="https://second-look-dns.invalid">` in the popup's page
 * (entrypoints/popup/index.html), opening the popup gave a resolution of that host for the
 * extension's origin, which extensionResolutions() returns (the first test's runs of that build
 * stopped earlier, at the worker's restart on a loaded machine). The second test keeps a lasting check: a dns-prefetch hint added by a probe to the
 * popup and to a site's page must each be seen and called the extension's.
 */
let browser: Browser;
let watch: NetworkWatch;
let worker: Worker;
const pages: Page[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  return page;
}

beforeAll(async () => {
  browser = await launch({ extension: true, devtools: true, netLog: true });
  watch = await NetworkWatch.start(browser.devtools!);
  // The worker started before the watch could attach: reload the extension, so that its start,
  // and everything after, is watched from the first instruction. The restart took over 30 s in two
  // whole runs on a loaded machine (after the Firefox files), so it may take up to the hook's own limit.
  const restarted = browser.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`), timeout: 120_000 });
  await browser.worker!.evaluate(() => {
    setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50);
  });
  worker = await restarted;
});
afterAll(async () => {
  await watch?.close();
  await browser?.close();
});

const EXTENSION = new RegExp(`^chrome-extension://${EXTENSION_ID}/`);
const extensionPage = (file: string) => new RegExp(`^chrome-extension://${EXTENSION_ID}/${file}`);
const requestsOf = (targets: WatchedTarget[]) => watch.requests.filter((r) => targets.some((t) => t.targetId === r.targetId)).length;

describe('the network, watched in every target', () => {
  it('the extension asks nothing of the network while it is used: options saved, drafts checked on each site, an image analysed, the popup read', async () => {
    // The options page: a pupil name hashed (hash-wasm's WebAssembly), settings saved.
    const options = await openOptions(browser.context, worker);
    pages.push(options);
    await options.getByLabel('Names of the trust and its schools').fill('Penrice Primary Academy');
    await options.getByLabel('Or paste names, one a line').fill('Zebedee Quint');
    await options.getByRole('button', { name: 'Hash the pasted names' }).click();
    await expect.poll(() => options.getByTestId('pupil-count').innerText(), { timeout: 300_000 }).toContain('1 name loaded');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByTestId('status').innerText()).toContain('Saved');
    await setSettings(worker, SCHOOL);

    // Facebook: a draft with a finding, then a photo (analysed in the offscreen document).
    const facebook = await newPage();
    await composeOnFacebook(facebook, 'Well done to Olivia in Year 3 for her reading award! Views are my own.');
    await expect.poll(() => markedText(facebook)).toEqual(['Olivia']);
    await facebook.setInputFiles('[data-testid="media-input"]', { name: 'group.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(fx.demoPhoto(3)) });
    await expect
      .poll(async () => (await report(worker, facebook))?.images?.map((i) => i.status), { timeout: 120_000 })
      .toEqual(['checked']);
    expect((await report(worker, facebook))!.findings.map((f) => f.rule).sort()).toContain('pupil-photo');

    // X and Instagram.
    const x = await newPage();
    await x.goto(SITES.x.url);
    await x.locator('[data-testid="tweetTextarea_0"]').click();
    await x.keyboard.type('Great trip with @jenny_b today');
    await expect.poll(() => markedText(x)).toEqual(['@jenny_b']);
    const instagram = await newPage();
    await instagram.goto(SITES.instagram.url);
    await instagram.locator('textarea[aria-label="Add a comment…"]').click();
    await instagram.keyboard.type('Great trip with @jenny_b today');
    await expect.poll(async () => (await report(worker, instagram))?.findings.length).toBe(1);

    // The popup, reading the Facebook tab.
    const popup = await openPopup(browser.context, worker, facebook);
    pages.push(popup);
    await popup.locator('[data-rule="child-name"]').first().waitFor();

    const outside = outsideRequests(watch.requests, EXTENSION_ID);
    console.info(`requests seen per target:\n  ${watch.summary().join('\n  ')}`);
    expect(outside.map((r) => `${r.targetType} ${r.documentUrl} -> ${r.url} [${r.initiatorScripts[0] ?? ''}]`)).toEqual([]);

    // Every target the extension has was watched, and seen making its own (local) requests: the
    // empty list above is not a watch that saw nothing.
    const workers = watch.find('service_worker', extensionPage('background.js'));
    const offscreen = [...watch.find('other', extensionPage('offscreen.html')), ...watch.find('page', extensionPage('offscreen.html'))];
    const offscreenWorkers = watch.find('worker', EXTENSION);
    const popups = watch.find('page', extensionPage('popup.html'));
    const optionsPages = watch.find('page', extensionPage('options.html'));
    for (const [name, targets] of Object.entries({ workers, offscreen, offscreenWorkers, popups, optionsPages })) {
      expect(targets.length, name).toBeGreaterThan(0);
      expect(targets.every((t) => t.watched), name).toBe(true);
    }
    for (const targets of [offscreen, offscreenWorkers, popups, optionsPages]) expect(requestsOf(targets)).toBeGreaterThan(0);
    for (const site of Object.values(SITES)) expect(requestsOf(watch.find('page', site.pattern))).toBeGreaterThan(0);

    // No host name resolved on the extension's behalf (prefetch and preconnect hints included).
    const resolutions = readResolutions(browser.netLog!);
    console.info(`host names resolved: ${resolutions.map((r) => `${r.host} for ${r.key || '(none)'}${r.speculative ? ' (speculative)' : ''}`).join(', ') || 'none'}`);
    expect(extensionResolutions(resolutions, EXTENSION_ID, Object.values(SITES)).map((r) => `${r.host} for ${r.key}`)).toEqual([]);
  });

  it('a request to the outside from any of those targets is seen and called outside (what makes the test above able to fail)', async () => {
    const before = watch.requests.length;
    const probes = {
      worker: watch.find('service_worker', extensionPage('background.js')).at(-1),
      offscreen: [...watch.find('other', extensionPage('offscreen.html')), ...watch.find('page', extensionPage('offscreen.html'))].at(-1),
      'offscreen-worker': watch.find('worker', EXTENSION).at(-1),
      popup: watch.find('page', extensionPage('popup.html')).at(-1),
      site: watch.find('page', SITES.facebook.pattern).at(-1),
    };
    for (const [name, target] of Object.entries(probes)) {
      expect(target, name).toBeDefined();
      // .invalid never resolves (RFC 6761): nothing leaves the machine even if the request is made.
      await watch.evaluate(target!, `fetch('https://second-look-probe.invalid/${name}').then(() => 0, () => 0)`);
    }
    // And the site asking for its own page is the site's business, not an outside request.
    await watch.evaluate(probes.site!, `fetch('/own-request').then(() => 0, () => 0)`);
    await expect.poll(() => watch.requests.length - before).toBeGreaterThanOrEqual(Object.keys(probes).length + 1);
    const outside = outsideRequests(watch.requests.slice(before), EXTENSION_ID).map((r) => r.url);
    expect(outside.sort()).toEqual(Object.keys(probes).map((name) => `https://second-look-probe.invalid/${name}`).sort());

    // A DNS prefetch hint, which no request shows, from the popup and from a site's page: each
    // resolution is seen in the NetLog and called the extension's.
    for (const name of ['popup', 'site'] as const) {
      await watch.evaluate(
        probes[name]!,
        `(() => { const l = document.createElement('link'); l.rel = 'dns-prefetch'; l.href = 'https://second-look-dns-${name}.invalid'; document.head.append(l); })()`,
      );
    }
    const hinted = () => extensionResolutions(readResolutions(browser.netLog!), EXTENSION_ID, Object.values(SITES)).map((r) => r.host);
    await expect.poll(hinted).toEqual(expect.arrayContaining(['https://second-look-dns-popup.invalid', 'https://second-look-dns-site.invalid']));
  });
});
