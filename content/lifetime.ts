import { browser } from 'wxt/browser';

/** How often an idle page looks whether the extension is still there (a property read). */
const POLL_MS = 1_000;

/** The one thing the lifetime asks the browser: whether this script's extension is still loaded. */
export interface RuntimeProbe {
  readonly id: string | undefined;
}

/**
 * How long the content script runs: until the extension that injected it is reloaded, updated,
 * disabled or removed, and not a moment less. Then every listener added through it is removed and
 * every `onInvalidated` callback runs (the layer is taken down, observers disconnected).
 *
 * Only the browser can end it: `browser.runtime.id` is gone once the extension's context is
 * invalidated, which is looked at every second and before each event the script handles. Nothing
 * the page can send counts. WXT 0.20's own ContentScriptContext (which WXT still creates and
 * hands to `main`) also ends itself on a `window.postMessage` naming its "started" message, which
 * any page script can post (the extension id is public), so Second Look does not use it.
 */
export class Lifetime {
  private readonly controller = new AbortController();
  private readonly poll: ReturnType<typeof setInterval>;

  constructor(private readonly runtime: RuntimeProbe = browser.runtime) {
    this.poll = setInterval(() => this.isInvalid, POLL_MS);
    this.onInvalidated(() => clearInterval(this.poll));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension is gone; looking is what notices it. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && !this.extensionLoaded()) this.controller.abort('Second Look was reloaded or removed');
    return this.signal.aborted;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback, { once: true });
    return () => this.signal.removeEventListener('abort', callback);
  }

  /** Adds a listener that is removed when the lifetime ends, and never runs after it. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(
      type,
      (event) => {
        if (!this.isInvalid) handler(event);
      },
      { ...options, signal: this.signal },
    );
  }

  private extensionLoaded(): boolean {
    try {
      return this.runtime.id != null;
    } catch {
      // Firefox throws on a dead extension's objects instead of returning undefined.
      return false;
    }
  }
}
