import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Route, type Worker } from 'playwright-core';
import { EXTENSION_DIR, FIXTURES_DIR, buildExtension, buildFixtures } from './build';

/**
 * Debian's Chromium, with or without the built extension, serving the fixture composers at the
 * sites' real addresses through request routing, so the production manifest (matches, host
 * permissions) is what gets tested.
 */
export const CHROMIUM = '/usr/bin/chromium';

/** Fixture page for each site's addresses; any path serves the page (the sites route in-page). */
export const SITES = {
  facebook: { url: 'https://www.facebook.com/', page: 'facebook.html', pattern: /^https:\/\/(?:www\.)?facebook\.com\// },
  x: { url: 'https://x.com/home', page: 'x.html', pattern: /^https:\/\/(?:www\.)?(?:x|twitter)\.com\// },
  instagram: { url: 'https://www.instagram.com/', page: 'instagram.html', pattern: /^https:\/\/(?:www\.)?instagram\.com\// },
} as const;
export type Site = keyof typeof SITES;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

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
  for (const site of Object.values(SITES)) await context.route(site.pattern, (route) => serve(route, site.page));

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

async function serve(route: Route, page: string): Promise<void> {
  const { pathname } = new URL(route.request().url());
  const file = pathname.startsWith('/assets/') ? normalize(join(FIXTURES_DIR, pathname)) : join(FIXTURES_DIR, page);
  if (!file.startsWith(FIXTURES_DIR) || !existsSync(file)) {
    await route.fulfill({ status: 404, body: 'not found' });
    return;
  }
  await route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
}
