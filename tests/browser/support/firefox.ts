import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { Settings } from '../../../settings/schema';
import type { DraftReport } from '../../../protocol/messages';
import { FIREFOX_EXTENSION_DIR, buildFirefoxExtension, buildFixtures } from './build';
import { markBoxes, query, textUnder, type Box, type Step, type UiEval } from './ui';
import { SITES, fixtureResponse, type Site } from './sites';

/**
 * Debian's Firefox ESR with the Firefox (MV2) build installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi. As in Chromium, the fixture composers are served at the
 * sites' real addresses (request interception), so the production manifest is what gets tested.
 */
export const FIREFOX = '/usr/bin/firefox-esr';

/**
 * Fixed internal UUID for the add-on, so its pages have a known moz-extension:// address (Firefox
 * otherwise picks a random one per profile).
 */
const EXTENSION_UUID = '5ec0d100-0000-4000-8000-5ec0d1005ec0';
/** The add-on's origin: its pages, and the principal its requests are made with. */
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * The machine has no internet, and the tests must not depend on it or send anything: Firefox's
 * own background traffic (telemetry, studies, remote settings, captive portal and connectivity
 * checks, updates, DNS over HTTPS, prefetching) is switched off, on top of Puppeteer's defaults.
 */
const OFFLINE_PREFS: Record<string, unknown> = {
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rollouts.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'browser.search.geoip.url': '',
  'geo.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.topsites.contile.enabled': false,
  'browser.discovery.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'services.settings.poll_interval': 86400 * 365,
  // Remote settings still synced at start (firefox.settings.services.mozilla.com, seen by the
  // network watch, support/firefox-network.ts): pointed at nowhere, as Firefox's own remote agent does.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
};

export interface Firefox {
  browser: Browser;
  /** The add-on's id, read from its built manifest. */
  extensionId: string;
  /** Every http(s) address a test page asked for (the fixture sites' included). */
  requests: string[];
  /** A new tab on the site's fixture, served at its real address (or at `url` on that site). */
  open(site: Site, url?: string): Promise<Page>;
  /** One of the add-on's pages (`options.html`, `popup.html?tab=<id>`) in a tab of its own. */
  extensionPage(path: string): Promise<Page>;
  /** The page's tab id, as the add-on knows it. */
  tabId(page: Page): Promise<number>;
  /** The toolbar badge Firefox shows for the page's tab. */
  badgeText(page: Page): Promise<string>;
  /** What the popup is told for the page's tab (the `get-findings` message). */
  report(page: Page): Promise<DraftReport | null>;
  setSettings(settings: Settings | Record<string, unknown>): Promise<void>;
  /**
   * Errors Firefox logged for the add-on's own pages and scripts (background, options, content
   * script): uncaught exceptions and CSP violations, as the Browser Console would show them.
   */
  extensionErrors(): Promise<string[]>;
  close(): Promise<void>;
}

/** The WebExtension API an extension page sees, as much of it as the tests call. */
interface ExtensionApi {
  tabs: {
    query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}

/**
 * Puppeteer's raw WebDriver BiDi connection. Not in its public types, but the only way to reach
 * Firefox's chrome (privileged) scope, where the console service keeps what the background page
 * logged; Firefox allows it only with --remote-allow-system-access.
 */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * `beforeInstall` runs once the browser is up, before the add-on is installed: the network watch
 * starts there, so that the background page is watched from its first instruction.
 */
export async function launchFirefox(options: { beforeInstall?: (browser: Browser) => Promise<void> } = {}): Promise<Firefox> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR is not installed at ${FIREFOX}: run \`bash scripts/setup-browser.sh\` first.`);
  }
  buildFixtures();
  buildFirefoxExtension();
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const extensionId = manifest.browser_specific_settings.gecko.id;

  // Puppeteer makes a fresh profile in a temporary folder and removes it on close.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // --remote-allow-system-access: lets the tests open the add-on's own pages (moz-extension://)
    // and read the console service (extensionErrors).
    args: ['--no-remote', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...OFFLINE_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: EXTENSION_UUID }),
    },
    defaultViewport: { width: 1100, height: 800 },
    // A release build honours services.settings.server (OFFLINE_PREFS) only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  try {
    await options.beforeInstall?.(browser);
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== extensionId) throw new Error(`installed add-on ${installed}, expected ${extensionId}`);
    const probe = await openExtensionPage(browser, 'options.html');
    return firefox(browser, probe, extensionId);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * One of the add-on's pages in a tab of its own: its scripts have the full WebExtension API, so
 * the tests ask the browser through it what the add-on set (badge) or knows (findings).
 */
async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  // The load moves the tab into the extension process, which Puppeteer's navigation tracking
  // does not follow: start it, then wait until the page itself answers from its new address.
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await page
      .evaluate(() => location.href + (typeof (globalThis as { browser?: unknown }).browser === 'object' ? '' : '#no-api'))
      .catch(() => null);
    if (ready === url) return page;
    if (Date.now() > deadline) throw new Error(`the add-on's page ${url} did not load (last seen: ${ready})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function firefox(browser: Browser, probe: Page, extensionId: string): Firefox {
  const requests: string[] = [];
  /**
   * The tab's id as the add-on sees it: the page is brought to the front and the probe asks for the
   * active tab (asking by URL would need host permissions, which the add-on does not have).
   */
  async function tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const ids = await probe.evaluate(async () =>
      (await (globalThis as unknown as { browser: ExtensionApi }).browser.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id),
    );
    if (ids.length !== 1 || ids[0] === undefined) throw new Error(`no single active tab for ${page.url()} (found ${ids.length})`);
    return ids[0];
  }

  return {
    browser,
    extensionId,
    requests,
    extensionPage: (path) => openExtensionPage(browser, path),
    tabId: tabIdOf,
    async open(site, url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void answer(request, requests));
      await page.goto(url ?? SITES[site].url);
      return page;
    },
    // Each runs in the probe (an extension page), where `browser` is the WebExtension API.
    async badgeText(page) {
      const tabId = await tabIdOf(page);
      return probe.evaluate((tabId) => (globalThis as unknown as { browser: ExtensionApi }).browser.browserAction.getBadgeText({ tabId }), tabId);
    },
    async report(page) {
      const tabId = await tabIdOf(page);
      const message = { type: 'get-findings' };
      return probe.evaluate(
        (tabId, message) => (globalThis as unknown as { browser: ExtensionApi }).browser.tabs.sendMessage(tabId, message),
        tabId,
        message,
      ) as Promise<DraftReport | null>;
    },
    async setSettings(settings) {
      await probe.evaluate((settings) => (globalThis as unknown as { browser: ExtensionApi }).browser.storage.local.set({ settings }), settings as Record<string, unknown>);
    },
    async extensionErrors() {
      const connection = (browser as unknown as { connection?: BidiConnection }).connection;
      if (!connection) throw new Error('puppeteer-core no longer exposes its BiDi connection: cannot read the console');
      const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
      const context = tree.contexts[0]?.context;
      if (!context) throw new Error("no chrome window to read Firefox's console from");
      const origin = `moz-extension://${EXTENSION_UUID}/`;
      const { result } = (await connection.send('script.evaluate', {
        expression: `Services.console.getMessageArray()
          .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && m.sourceName.startsWith(${JSON.stringify(origin)}))
          .map((m) => '[' + m.category + '] ' + m.sourceName.slice(${origin.length}) + ':' + m.lineNumber + ' ' + m.errorMessage)
          .join('\\n')`,
        target: { context },
        awaitPromise: false,
      })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
      if (result.type !== 'success') throw new Error(`reading Firefox's console failed: ${result.exceptionDetails?.text}`);
      return result.result?.value ? result.result.value.split('\n') : [];
    },
    async close() {
      await browser.close();
    },
  };
}

/** Serves the fixture sites; refuses anything else on http(s) (it would be the real internet). */
async function answer(request: HTTPRequest, requests: string[]): Promise<void> {
  const url = request.url();
  if (!/^https?:/.test(url)) return request.continue();
  requests.push(url);
  const response = fixtureResponse(url);
  if (!response) return request.abort('blockedbyclient');
  return request.respond(response);
}

/**
 * Runs `fn(root, ...args)` with Second Look's closed shadow root, the way only a privileged client
 * can: WebDriver BiDi serializes closed shadow roots when asked (`includeShadowTree: 'all'`), and
 * the reference it gives is passed back into a sandbox of the tab (never the page's own world).
 */
export function firefoxUi(page: Page): UiEval {
  return async (fn, ...args) => {
    const connection = (page.browser() as unknown as { connection?: BidiConnection }).connection;
    if (!connection) throw new Error("puppeteer-core no longer exposes its BiDi connection: cannot reach Second Look's layer");
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    const target = { context, sandbox: 'second-look-test' };
    const host = (await connection.send('script.evaluate', {
      expression: "document.querySelector('second-look-ui')",
      target,
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    })) as { result: { type: string; result?: { value?: { shadowRoot?: { sharedId?: string } | null } } } };
    const sharedId = host.result.result?.value?.shadowRoot?.sharedId;
    const { result } = (await connection.send('script.callFunction', {
      functionDeclaration: `async function (root, argsJson) { return JSON.stringify(await (${fn.toString()})(root, ...JSON.parse(argsJson))); }`,
      arguments: [sharedId ? { sharedId } : { type: 'null' }, { type: 'string', value: JSON.stringify(args) }],
      target,
      awaitPromise: true,
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (result.type !== 'success') throw new Error(`in Second Look's layer: ${result.exceptionDetails?.text}`);
    const value = result.result?.value;
    return value === undefined ? (undefined as never) : JSON.parse(value);
  };
}

async function markRuns(page: Page): Promise<{ text: string; box: Box }[]> {
  const boxes = await firefoxUi(page)(markBoxes);
  return boxes.length ? page.evaluate(textUnder, boxes) : [];
}

export async function markedText(page: Page): Promise<string[]> {
  return (await markRuns(page)).map((r) => r.text.trim()).sort();
}

export async function markRects(page: Page): Promise<({ text: string } & Box)[]> {
  return (await markRuns(page)).map((r) => ({ text: r.text.trim(), ...r.box }));
}

export async function overlayRects(page: Page): Promise<Box[]> {
  return (await firefoxUi(page)(markBoxes)).map(({ x, y, width, height }) => ({ x, y, width, height }));
}

/** The fixture's record of what the site's own submit handler sent. */
export function posts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.fixture.posts);
}

/** The editor library's model, as the fixture exposes it. */
export function model(page: Page, name: string): Promise<unknown> {
  return page.evaluate((name) => window.fixture.models[name]?.(), name);
}

/** Second Look's own controls live in one closed shadow root (content/ui/host.ts). */
export const GATE: Step[] = [{ role: 'alertdialog' }];
export const CARD: Step[] = [{ role: 'dialog', name: { source: '^Second Look', flags: '' } }];

/** The text of Second Look's element matching `steps`, or null while there is none. */
export function uiText(page: Page, steps: Step[]): Promise<string | null> {
  return firefoxUi(page)(query, steps, 'text') as Promise<string | null>;
}

/** Waits for Second Look's element matching `steps` to show (or, with `gone`, to go). */
export async function waitForUi(page: Page, steps: Step[], gone = false): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (((await firefoxUi(page)(query, steps, 'count')) === 0) !== gone) {
    if (Date.now() > deadline) throw new Error(`Second Look's ${JSON.stringify(steps)} did not ${gone ? 'go' : 'show'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The buttons inside Second Look's element matching `scope`, by their text. */
export function uiButtons(page: Page, scope: Step[]): Promise<string[]> {
  return firefoxUi(page)(
    (root, scope: Step[]) => {
      const found = [] as string[];
      const all = root ? [...root.querySelectorAll<HTMLElement>('button')] : [];
      const IMPLICIT: Record<string, string> = { dialog: '[role="dialog"]', alertdialog: '[role="alertdialog"]' };
      const step = scope[0]!;
      const within = root ? [...root.querySelectorAll<HTMLElement>(IMPLICIT[step.role!] ?? '*')] : [];
      const container = within.find((e) => {
        if (typeof step.name !== 'object') return true;
        return new RegExp(step.name.source, step.name.flags).test(e.getAttribute('aria-label') ?? '');
      });
      for (const b of all) if (container?.contains(b)) found.push(b.textContent?.trim() ?? '');
      return found;
    },
    scope,
  );
}

/** Clicks, with the pointer, the button named `name` inside Second Look's element matching `scope`. */
export async function pressUiButton(page: Page, scope: Step[], name: string): Promise<void> {
  const steps: Step[] = [...scope, { role: 'button', name, exact: true }];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = (await firefoxUi(page)(query, steps, 'box')) as { x: number; y: number; visible: boolean; enabled: boolean } | null;
    if (box?.visible && box.enabled) {
      await page.mouse.click(box.x, box.y);
      return;
    }
    if (Date.now() > deadline) throw new Error(`no "${name}" button in Second Look's ${JSON.stringify(scope)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Moves the pointer onto a marked word, in steps as a hand moves, and waits for its card. */
export async function explainMark(page: Page, text: string): Promise<void> {
  const mark = (await markRects(page)).find((r) => r.text === text);
  if (!mark) throw new Error(`"${text}" is not marked`);
  // A click in the marked words puts the caret there; the counter opens the card of the finding
  // at the caret (hovering or the caret alone opens nothing: the page would see it, content/cards.ts).
  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  const counter: Step[] = [{ role: 'button', name: { source: '^Second Look: \\d+ things? to check', flags: '' } }];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = (await firefoxUi(page)(query, counter, 'box')) as { x: number; y: number; visible: boolean } | null;
    if (box?.visible) {
      await page.mouse.click(box.x, box.y);
      break;
    }
    if (Date.now() > deadline) throw new Error("no Second Look counter with findings by the composer");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await waitForUi(page, CARD);
}

/** What an editor shows (innerText), or a textarea's value. */
export function editorText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (e) => (e instanceof HTMLTextAreaElement ? e.value : (e as HTMLElement).innerText));
}
