import { existsSync, readFileSync } from 'node:fs';

/**
 * The host names Chromium's network stack was asked to resolve, read from its NetLog
 * (`launch({ netLog: true })` starts Chromium with `--log-net-log`, support/chromium.ts).
 *
 * A request is not the only way a page or an extension page reaches the network: a
 * `<link rel="dns-prefetch">` or `rel="preconnect"` hint, an image or link URL the browser's
 * predictor decides to warm up, all resolve a host name (a DNS query leaves the machine) with no
 * request that DevTools' Network domain or Playwright's routes ever see. Every resolution goes
 * through the host resolver, which logs a HOST_RESOLVER_MANAGER_REQUEST event naming the host and
 * the network anonymization key of the context it is made for: `chrome-extension://<id>` for the
 * extension's own pages and workers, the site (`https://facebook.com`) for a page and the content
 * script drawing in it.
 *
 * Chromium writes the log as it goes: one JSON object of constants on the first line, then one
 * event a line, each ending in a comma (the closing brackets come only when the browser exits),
 * so it is read line by line while the browser runs.
 */
export interface Resolution {
  /** As the resolver names it: scheme, host and (when not the default) port, e.g. https://example.org. */
  host: string;
  /** The network anonymization key: whose context the resolution is for. */
  key: string;
  /** A prefetch or preconnect (true), or the resolution of a request (false). */
  speculative: boolean;
}

export function readResolutions(path: string): Resolution[] {
  if (!existsSync(path)) throw new Error(`No NetLog at ${path}: was Chromium launched with netLog: true?`);
  const [first, ...lines] = readFileSync(path, 'utf8').split('\n');
  const constants = (JSON.parse(`${first!.replace(/,\s*$/, '')}}`) as { constants: { logEventTypes: Record<string, number> } }).constants;
  const request = constants.logEventTypes.HOST_RESOLVER_MANAGER_REQUEST;
  if (request === undefined) throw new Error(`${path}: this Chromium's NetLog has no HOST_RESOLVER_MANAGER_REQUEST events`);
  const seen: Resolution[] = [];
  for (const line of lines) {
    const text = line.trim().replace(/,$/, '');
    // Not an event: the events array's opening; a half-written last line fails to parse below.
    if (!text.startsWith('{')) continue;
    let event: { type: number; phase?: number; params?: { host?: string; network_anonymization_key?: string; is_speculative?: boolean } };
    try {
      event = JSON.parse(text) as typeof event;
    } catch {
      continue;
    }
    // Phase 1 is the event's beginning, which carries the parameters.
    if (event.type !== request || event.phase !== 1 || !event.params?.host) continue;
    seen.push({ host: event.params.host, key: event.params.network_anonymization_key ?? '', speculative: event.params.is_speculative ?? false });
  }
  return seen;
}

/** A resolver's host ("https://www.facebook.com", "www.facebook.com:443") as a bare host name. */
export function hostName(host: string): string {
  const bare = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return bare.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

/**
 * The resolutions made on the extension's behalf: any for its own contexts (its worker, offscreen
 * document, popup and options pages: the key is its chrome-extension:// origin), and, for a page
 * the content script runs in (a fixture site, keyed by the site), any of a host that is not the
 * site's own (the browser warming up the site's own host for its navigation is the site's
 * business; the fixture pages name no other host, so any other was put there by the extension).
 * The browser's own resolutions for itself (its sign-in and update services, keyed by their own
 * sites or by none) are neither, nor is its autofill service, which Chromium asks about a page's
 * forms under the page's key (BROWSER_SERVICES_FOR_PAGES, by exact host name).
 */
/** Hosts Chromium itself resolves for a page: its autofill service, asked about the forms on a page (the extension has no form code). */
const BROWSER_SERVICES_FOR_PAGES = new Set(['content-autofill.googleapis.com']);

export function extensionResolutions(resolutions: Resolution[], extensionId: string, sites: { url: string; pattern: RegExp }[]): Resolution[] {
  const siteOf = (key: string) => sites.find((site) => site.pattern.test(`${key.split(' ')[0]}/`));
  return resolutions.filter((r) => {
    if (r.key.includes(`chrome-extension://${extensionId}`)) return true;
    const site = siteOf(r.key);
    if (!site || BROWSER_SERVICES_FOR_PAGES.has(hostName(r.host))) return false;
    return !sites.some((s) => s.pattern.test(`https://${hostName(r.host)}/`));
  });
}
