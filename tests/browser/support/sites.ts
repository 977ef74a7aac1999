import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { FIXTURES_DIR } from './build';

/**
 * The fixture composers, served at the sites' real addresses by whichever browser driver routes
 * the request (Playwright for Chromium, Puppeteer for Firefox), so the production manifest
 * (matches, host permissions) is what gets tested.
 */

/** Fixture page for each site's addresses; any path serves the page (the sites route in-page). */
export const SITES = {
  facebook: { url: 'https://www.facebook.com/', page: 'facebook.html', pattern: /^https:\/\/(?:www\.)?facebook\.com\// },
  x: { url: 'https://x.com/home', page: 'x.html', pattern: /^https:\/\/(?:www\.)?(?:x|twitter)\.com\// },
  instagram: { url: 'https://www.instagram.com/', page: 'instagram.html', pattern: /^https:\/\/(?:www\.)?instagram\.com\// },
} as const;

/**
 * The paths fixtures (every real way a post leaves each site: replies, group comments, Page
 * posts, threads, reply and quote dialogs, Instagram's multi-step Create and post modal), served
 * under /paths/ on each site's address.
 */
export const PATHS = {
  facebook: 'https://www.facebook.com/paths/',
  x: 'https://x.com/paths/home',
  instagram: 'https://www.instagram.com/paths/',
} as const;
export type Site = keyof typeof SITES;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface FixtureResponse {
  status: number;
  body: Buffer | string;
  contentType: string;
}

/**
 * What a site's address answers: its built assets under /assets/, its page for any other path.
 * Null for an address that is none of the sites': a request to the real internet, to be refused.
 */
export function fixtureResponse(url: string): FixtureResponse | null {
  const site = Object.values(SITES).find((s) => s.pattern.test(url));
  if (!site) return null;
  const { pathname } = new URL(url);
  const page = pathname.startsWith('/paths/') ? site.page.replace('.html', '-paths.html') : site.page;
  const file = pathname.startsWith('/assets/') ? normalize(join(FIXTURES_DIR, pathname)) : join(FIXTURES_DIR, page);
  if (!file.startsWith(FIXTURES_DIR) || !existsSync(file)) return { status: 404, body: 'not found', contentType: 'text/plain' };
  return { status: 200, body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' };
}
