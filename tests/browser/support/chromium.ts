import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Route, type Worker } from 'playwright-core';
import { EXTENSION_DIR, buildExtension, buildFixtures } from './build';
import { SITES, fixtureResponse } from './sites';

export { PATHS, SITES, type Site } from './sites';

/**
 * Debian's Chromium, with or without the built extension, serving the fixture composers at the
 * sites' real addresses through request routing, so the production manifest (matches, host
 * permissions) is what gets tested.
 */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** The extension's service worker; null when launched without the extension. */
  worker: Worker | null;
  /** Every URL the browser asked the network for (routed fixtures included). */
  requests: string[];
  /**
   * The DevTools endpoint (ws://127.0.0.1:...) a second client can attach to, when launched with
   * `devtools: true` (support/network.ts); null otherwise.
   */
  devtools: string | null;
  /** Chromium's NetLog, when launched with `netLog: true` (support/netlog.ts reads it); null otherwise. */
  netLog: string | null;
  close(): Promise<void>;
}

export async function launch(options: { extension: boolean; headless?: boolean; devtools?: boolean; netLog?: boolean }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`bash scripts/setup-browser.sh\` first.`);
  }
  buildFixtures();
  if (options.extension) buildExtension();
  const profile = mkdtempSync(join(tmpdir(), 'second-look-profile-'));
  const args = [...FLAGS];
  // Chromium's new headless mode runs extensions; Playwright's own headless switch would not.
  if (options.headless ?? true) args.push('--headless=new');
  if (options.extension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  // Beside Playwright's pipe, a loopback port (picked by Chromium, written to the profile) for a
  // second DevTools client.
  if (options.devtools) args.push('--remote-debugging-port=0');
  // Every host name the network stack resolves, with the context it resolves it for (support/netlog.ts).
  const netLog = options.netLog ? join(profile, 'netlog.json') : null;
  if (netLog) args.push(`--log-net-log=${netLog}`, '--net-log-capture-mode=Default');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args,
    viewport: { width: 1100, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Anything but the fixture sites would be a request to the real internet: refuse it. (Routes
  // registered later are tried first, so this catch-all goes in before the sites.)
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  for (const site of Object.values(SITES)) await context.route(site.pattern, (route) => serve(route));

  let worker: Worker | null = null;
  if (options.extension) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? null;
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  }
  return {
    context,
    worker,
    requests,
    devtools: options.devtools ? await devtoolsEndpoint(profile) : null,
    netLog,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where Chromium says its DevTools port is: DevToolsActivePort in the profile (port, then path). */
async function devtoolsEndpoint(profile: string): Promise<string> {
  const file = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const [port, path] = readFileSync(file, 'utf8').split('\n');
  if (!port || !path) throw new Error(`Chromium wrote no DevTools port to ${file}`);
  return `ws://127.0.0.1:${port}${path}`;
}

async function serve(route: Route): Promise<void> {
  const response = fixtureResponse(route.request().url());
  if (!response) await route.abort('blockedbyclient');
  else await route.fulfill(response);
}
