import puppeteer, { type Browser as Puppeteer, type CDPSession, type Protocol } from 'puppeteer-core';
import { SITES } from './sites';

/**
 * Every request of every target in a Chromium browser, seen through the DevTools protocol.
 *
 * Playwright's request log (and its routes) see only pages: an extension's service worker, its
 * offscreen document and the workers those start are invisible to it. So the watch opens a second
 * DevTools client (puppeteer-core, on the port `launch({ devtools: true })` opens beside
 * Playwright's pipe), asks the browser to attach it to every target, present and future, paused
 * before the target runs anything (`Target.setAutoAttach` with `waitForDebuggerOnStart` and
 * `flatten`), and on each one enables the Network domain, asks for the same on the targets that
 * one starts (dedicated workers, out-of-process frames), and only then lets it run. A request is
 * reported by the target that makes it (`Network.requestWillBeSent`, WebSockets and WebTransport
 * included) before any route or network stack answers it, so routing the fixture sites does not
 * hide anything from the watch.
 */

export interface WatchedTarget {
  targetId: string;
  /** The DevTools target type: page, service_worker, worker, iframe, other, ... */
  type: string;
  /** Every address the target had (a tab moves from site to site). */
  urls: string[];
  /** Whether the target accepted Network.enable: its requests are seen. */
  watched: boolean;
  /** The session the watch holds on it, to run a probe there (`evaluate`). */
  session: CDPSession;
}

export interface SeenRequest {
  targetId: string;
  targetType: string;
  url: string;
  /** The document (or worker script) that made the request. */
  documentUrl: string;
  /** The scripts on the initiator's stack (a content script's fetch shows its chrome-extension:// file). */
  initiatorScripts: string[];
  kind: 'request' | 'websocket' | 'webtransport';
}

/** Addresses that never leave the browser: its own pages, data and blob URLs, the extension's files. */
function isLocal(url: string, extensionId: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1);
  if (['data:', 'blob:', 'about:', 'chrome:', 'devtools:', 'chrome-untrusted:'].includes(scheme)) return true;
  return url.startsWith(`chrome-extension://${extensionId}/`);
}

const isSite = (url: string): boolean => Object.values(SITES).some((site) => site.pattern.test(url));

/**
 * The requests that went, or tried to go, somewhere outside the browser on the extension's
 * account: anything but a local address, except a fixture site's page asking its own site for
 * itself (its documents and assets), and even then not when an extension script is on the
 * initiator's stack (a content script fetching from the site it runs on is the extension's request).
 */
export function outsideRequests(requests: SeenRequest[], extensionId: string): SeenRequest[] {
  return requests.filter((r) => {
    if (isLocal(r.url, extensionId)) return false;
    const bySite = (r.targetType === 'page' || r.targetType === 'iframe') && isSite(r.documentUrl) && isSite(r.url);
    const byExtension = r.initiatorScripts.some((script) => script.startsWith('chrome-extension://'));
    return !(bySite && !byExtension);
  });
}

function stackScripts(stack: Protocol.Runtime.StackTrace | undefined): string[] {
  const scripts: string[] = [];
  for (let s = stack; s; s = s.parent) for (const frame of s.callFrames) scripts.push(frame.url);
  return scripts;
}

function initiatorScripts(initiator: Protocol.Network.Initiator | undefined): string[] {
  if (!initiator) return [];
  return [...stackScripts(initiator.stack), ...(initiator.url ? [initiator.url] : [])];
}

export class NetworkWatch {
  readonly targets = new Map<string, WatchedTarget>();
  readonly requests: SeenRequest[] = [];

  private constructor(private readonly client: Puppeteer) {}

  /** Starts watching the browser whose DevTools endpoint is `endpoint` (ws://...). */
  static async start(endpoint: string): Promise<NetworkWatch> {
    // Puppeteer's own view of the targets is not used (the filter keeps it from holding any);
    // the watch works on a browser session of its own.
    const client = await puppeteer.connect({ browserWSEndpoint: endpoint, defaultViewport: null, targetFilter: () => false });
    const watch = new NetworkWatch(client);
    const browser = await client.target().createCDPSession();
    browser.on('Target.targetInfoChanged', ({ targetInfo }) => {
      const target = watch.targets.get(targetInfo.targetId);
      if (target && target.urls.at(-1) !== targetInfo.url) target.urls.push(targetInfo.url);
    });
    await browser.send('Target.setDiscoverTargets', { discover: true });
    await watch.autoAttach(browser, [{ type: 'browser', exclude: true }, { type: 'tab', exclude: true }, {}]);
    return watch;
  }

  /** Attaches to what `session` has and will start, each paused until its requests are watched. */
  private async autoAttach(session: CDPSession, filter?: Protocol.Target.TargetFilter): Promise<void> {
    session.on('Target.attachedToTarget', (event) => void this.attached(session, event));
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, ...(filter ? { filter } : {}) });
  }

  private async attached(parent: CDPSession, { sessionId, targetInfo }: Protocol.Target.AttachedToTargetEvent): Promise<void> {
    const session = parent.connection()?.session(sessionId);
    if (!session) return;
    if (this.targets.has(targetInfo.targetId)) {
      // Reached again through another parent (the browser's session and a page's can both list a
      // worker): it is watched already; let it run and leave this session.
      await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
      await session.detach().catch(() => undefined);
      return;
    }
    const target: WatchedTarget = { targetId: targetInfo.targetId, type: targetInfo.type, urls: [targetInfo.url], watched: false, session };
    this.targets.set(target.targetId, target);
    // A request is reported once however many times it is announced (a redirect, a retry).
    const ids = new Set<string>();
    const seen = (id: string, kind: SeenRequest['kind'], url: string, documentUrl: string, initiator?: Protocol.Network.Initiator) => {
      if (ids.has(`${id} ${url}`)) return;
      ids.add(`${id} ${url}`);
      this.requests.push({ targetId: target.targetId, targetType: target.type, url, documentUrl, initiatorScripts: initiatorScripts(initiator), kind });
    };
    session.on('Network.requestWillBeSent', (e) => seen(e.requestId, 'request', e.request.url, e.documentURL, e.initiator));
    session.on('Network.webSocketCreated', (e) => seen(e.requestId, 'websocket', e.url, target.urls.at(-1)!, e.initiator));
    session.on('Network.webTransportCreated', (e) => seen(e.transportId, 'webtransport', e.url, target.urls.at(-1)!, e.initiator));
    try {
      await session.send('Network.enable');
      target.watched = true;
    } catch {
      // A target without a network of its own (a worklet, the browser's own UI): `watched` says so.
    }
    // The targets this one starts (its workers and frames), paused in turn.
    await this.autoAttach(session).catch(() => undefined);
    await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
  }

  /** The targets whose address (first or later) matches. */
  find(type: string, url: RegExp): WatchedTarget[] {
    return [...this.targets.values()].filter((t) => t.type === type && t.urls.some((u) => url.test(u)));
  }

  /** Runs `expression` in the target's main world (a probe: the tests' own, not the extension's). */
  async evaluate(target: WatchedTarget, expression: string): Promise<unknown> {
    const { result, exceptionDetails } = await target.session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in ${target.type} ${target.urls.at(-1)}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  }

  /** Requests seen per target, as "type address: count" lines (the test's figures). */
  summary(): string[] {
    const counts = new Map<string, number>();
    for (const target of this.targets.values()) counts.set(target.targetId, 0);
    for (const r of this.requests) counts.set(r.targetId, (counts.get(r.targetId) ?? 0) + 1);
    return [...this.targets.values()]
      .filter((t) => !t.urls.every((u) => u === 'about:blank' || u.startsWith('chrome://')))
      .map((t) => `${t.type} ${t.urls.filter((u) => u && u !== 'about:blank').join(' -> ')}: ${counts.get(t.targetId)}${t.watched ? '' : ' (not watched)'}`);
  }

  async close(): Promise<void> {
    await this.client.disconnect();
  }
}
