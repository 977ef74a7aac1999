import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  close(): Promise<void>;
}

export async function launch(options: { extension: boolean; headless?: boolean }): Promise<Browser> {
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
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function serve(route: Route): Promise<void> {
  const response = fixtureResponse(route.request().url());
  if (!response) await route.abort('blockedbyclient');
  else await route.fulfill(response);
}
