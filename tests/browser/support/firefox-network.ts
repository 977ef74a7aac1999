import type { Browser } from 'puppeteer-core';
import { SITES } from './sites';

/**
 * Every HTTP request Firefox makes, whoever makes it, for the Firefox tests' "no network requests".
 *
 * WebDriver BiDi's network events (`network.beforeRequestSent`, `responseStarted`, `fetchError`)
 * are reported per browsing context, and only for the contexts BiDi knows: tabs, the add-on's
 * pages when they are opened in a tab (options, popup) and the content script's requests from a
 * site's tab. The add-on's background page lives in a windowless browser that no BiDi context
 * stands for: a fetch() made there is never reported (seen on Firefox ESR 153, subscribed to all
 * contexts). So the watch that counts is one level down, in the parent process, where every HTTP
 * channel of every process is opened: an observer of `http-on-modify-request` (and of
 * `http-on-failed-opening-request`, a request refused before it was opened), installed through
 * BiDi's `script.evaluate` in Firefox's own chrome window, which `--remote-allow-system-access`
 * opens to the tests. Each channel's load info names who asked (the triggering principal: a site's
 * origin, the add-on's moz-extension:// origin and add-on id, Firefox itself, or a content
 * script's expanded principal that holds both the page and the add-on) and the browsing context it
 * was made for (the background page, an add-on page, a site's tab), read when the request is made.
 * A content script's fetch() is made from its sandbox, not from the tab's window: it has no
 * browsing context, and is known by its expanded principal alone.
 * WebSockets open an HTTP channel too, so their handshakes are seen. Not seen: the add-on's own
 * files (moz-extension://), data: and blob: addresses, which never leave the browser, and
 * non-HTTP traffic (WebRTC).
 *
 * The BiDi subscription is kept beside it as a cross-check: whatever BiDi reports, the observer
 * must have seen too.
 */

export interface FirefoxRequest {
  /** The channel's id (a redirect keeps it: it is reported once per address). */
  channel: string;
  url: string;
  method: string;
  /** What asked for it: nsIContentPolicy's type (TYPE_FETCH, TYPE_SCRIPT, TYPE_DOCUMENT, ...). */
  type: string;
  /**
   * Who asked: an origin, 'system' (Firefox itself), 'expanded:[Expanded Principal [<site>,
   * moz-extension://…]]' (a content script), or '?' if it could not be read.
   */
  triggering: string;
  /** The add-on whose principal asked ('' when none did). */
  addonId: string;
  /**
   * The top-level document of the browsing context it was made for, as it was then (for a
   * document load, the document being loaded); '' when it was made for no browsing context.
   */
  context: string;
  topic: 'http-on-modify-request' | 'http-on-failed-opening-request';
}

export interface BidiNetworkEvent {
  event: 'network.beforeRequestSent' | 'network.responseStarted' | 'network.fetchError';
  /** The BiDi browsing context the event was reported for. */
  context: string | null;
  url: string;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, listener: (params: { context?: string | null; request?: { url: string } }) => void): void;
}

type EvaluateResult = { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };

const BIDI_EVENTS = ['network.beforeRequestSent', 'network.responseStarted', 'network.fetchError'] as const;

/** Runs in Firefox's chrome window (privileged): installs the observer, once. */
const INSTALL = `(() => {
  if (window.__secondLookNetwork) return 'installed already';
  const seen = (window.__secondLookNetwork = []);
  const ids = new Set();
  // XPCOM constants do not enumerate: the names are listed.
  const types = Object.fromEntries(['OTHER', 'SCRIPT', 'IMAGE', 'STYLESHEET', 'OBJECT', 'DOCUMENT', 'SUBDOCUMENT', 'PING', 'XMLHTTPREQUEST',
    'DTD', 'FONT', 'MEDIA', 'WEBSOCKET', 'CSP_REPORT', 'XSLT', 'BEACON', 'FETCH', 'IMAGESET', 'WEB_MANIFEST', 'SAVEAS_DOWNLOAD', 'SPECULATIVE',
    'UA_FONT', 'WEB_TRANSPORT', 'WEB_IDENTITY', 'WEBVTT', 'JSON', 'TEXT', 'PROXIED_WEBRTC_MEDIA']
    .filter((t) => typeof Ci.nsIContentPolicy['TYPE_' + t] === 'number').map((t) => [Ci.nsIContentPolicy['TYPE_' + t], 'TYPE_' + t]));
  // Nothing here may throw: a request whose details cannot be read is still recorded, with '?'.
  const safe = (read, otherwise = '?') => { try { return read() ?? otherwise; } catch { return otherwise; } };
  const name = (p) => !p ? '' : safe(() => p.isSystemPrincipal ? 'system'
    // An expanded principal's origin lists the ones it holds: "[Expanded Principal [https://x.com, moz-extension://…]]".
    : p.isExpandedPrincipal ? 'expanded:' + p.origin
    : p.origin);
  const documentOf = (bc) => bc ? safe(() => bc.top.currentWindowGlobal?.documentURI?.spec ?? bc.top.currentURI?.spec ?? '') : '';
  const addonOf = (p) => !p ? '' : safe(() => p.addonId, '');
  const observer = { observe(subject, topic) {
    const channel = subject.QueryInterface(Ci.nsIHttpChannel);
    const url = safe(() => channel.URI.spec);
    const key = safe(() => channel.channelId) + ' ' + url;
    if (ids.has(key)) return;
    ids.add(key);
    const info = safe(() => channel.loadInfo, null);
    const type = safe(() => types[info.externalContentPolicyType] ?? String(info.externalContentPolicyType));
    const id = safe(() => info.browsingContextID || info.workerAssociatedBrowsingContextID, 0);
    const bc = id ? safe(() => BrowsingContext.get(id), null) : null;
    const loadsDocument = type === 'TYPE_DOCUMENT' || (type === 'TYPE_SUBDOCUMENT' && bc && !bc.parent);
    const principal = safe(() => info.triggeringPrincipal, null);
    const addonId = addonOf(principal) || addonOf(safe(() => info.loadingPrincipal, null));
    seen.push({ channel: String(safe(() => channel.channelId)), url, method: safe(() => channel.requestMethod), type,
      triggering: name(principal), addonId, context: loadsDocument ? url : documentOf(bc), topic });
  } };
  Services.obs.addObserver(observer, 'http-on-modify-request');
  Services.obs.addObserver(observer, 'http-on-failed-opening-request');
  return 'installed';
})()`;

export class FirefoxNetworkWatch {
  readonly bidi: BidiNetworkEvent[] = [];

  private constructor(
    private readonly connection: BidiConnection,
    private readonly chrome: string,
  ) {}

  /** Starts watching `browser` (launched with --remote-allow-system-access). */
  static async start(browser: Browser): Promise<FirefoxNetworkWatch> {
    const connection = (browser as unknown as { connection?: BidiConnection }).connection;
    if (!connection) throw new Error('puppeteer-core no longer exposes its BiDi connection: cannot watch the network');
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
    const chrome = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
    if (!chrome) throw new Error("no Firefox chrome window to install the network observer in (is --remote-allow-system-access given?)");
    const watch = new FirefoxNetworkWatch(connection, chrome);
    await watch.evaluate(INSTALL);
    for (const event of BIDI_EVENTS) {
      connection.on(event, (params) => watch.bidi.push({ event, context: params.context ?? null, url: params.request?.url ?? '' }));
    }
    // No `contexts`: every context, present and future.
    await connection.send('session.subscribe', { events: [...BIDI_EVENTS] });
    return watch;
  }

  private async evaluate(expression: string): Promise<string> {
    const { result } = (await this.connection.send('script.evaluate', { expression, target: { context: this.chrome }, awaitPromise: false })) as EvaluateResult;
    if (result.type !== 'success') throw new Error(`in Firefox's chrome window: ${result.exceptionDetails?.text}`);
    return result.result?.value ?? '';
  }

  /** Every HTTP request seen so far, in the order they were made. */
  async requests(): Promise<FirefoxRequest[]> {
    return JSON.parse(await this.evaluate('JSON.stringify(window.__secondLookNetwork)')) as FirefoxRequest[];
  }
}

const isSite = (url: string): boolean => Object.values(SITES).some((site) => site.pattern.test(url));

/** Whether the add-on asked: its principal, a content script's (which holds the add-on's), or one of its pages. */
export function byExtension(r: FirefoxRequest, extensionId: string, extensionOrigin: string): boolean {
  return r.addonId === extensionId || r.triggering.includes(extensionOrigin) || r.context.startsWith(`${extensionOrigin}/`);
}

/**
 * Firefox's own background traffic: asked for by Firefox itself (the system principal) for no
 * browsing context (remote settings, for one, unless the profile's prefs stop it). Reported apart
 * from the add-on's: an add-on's request is always made with its own principal.
 */
export function byFirefox(r: FirefoxRequest, extensionId: string, extensionOrigin: string): boolean {
  return r.triggering === 'system' && r.context === '' && !byExtension(r, extensionId, extensionOrigin);
}

/**
 * The requests that went, or tried to go, outside the browser on the add-on's account: every HTTP
 * request but a fixture site's tab asking its own site for itself (its documents and assets, the
 * test's own navigation included), and even then not when the add-on asked (a content script
 * fetching from the site it runs on), and but Firefox's own (`byFirefox`). A request whose asker
 * could not be read counts.
 */
export function outsideFirefoxRequests(requests: FirefoxRequest[], extensionId: string, extensionOrigin: string): FirefoxRequest[] {
  return requests.filter((r) => {
    // Who asked could not be read: not known to be the site's, so counted against the add-on.
    if (r.triggering === '?') return true;
    if (byFirefox(r, extensionId, extensionOrigin)) return false;
    return !(isSite(r.context) && isSite(r.url) && !byExtension(r, extensionId, extensionOrigin));
  });
}

/** Requests per context, as "label: count" lines (the test's figures); `contexts` name the ones to count. */
export function firefoxSummary(requests: FirefoxRequest[], contexts: Record<string, (r: FirefoxRequest) => boolean>): string[] {
  const lines = Object.entries(contexts).map(([label, test]) => `${label}: ${requests.filter(test).length}`);
  const rest = requests.filter((r) => !Object.values(contexts).some((test) => test(r)));
  return [...lines, `anything else: ${rest.length}${rest.length ? ` (${rest.map((r) => `${r.context || '-'} -> ${r.url}`).join(', ')})` : ''}`];
}
