import type { Lifetime } from './lifetime';
import type { ComposerSession } from './session';
import type { SiteAdapter } from './sites';
import { fromUi } from './ui/host';

/** What the page does when composers come, go, or are put to use. */
export interface ComposerEvents {
  /** A session for a composer just found. */
  open(element: HTMLElement, adapter: SiteAdapter): ComposerSession;
  /** A composer's session was disposed: it left the page, or the script was stopped. */
  closed(session: ComposerSession): void;
  /** A different composer is in use. */
  activeChanged(): void;
  /** Someone focused a composer the site adapter knows. */
  focused(adapter: SiteAdapter): void;
}

/**
 * The composers on the page, found as they appear (dialogs and in-page navigation included),
 * one ComposerSession each, and which of them is in use.
 */
export class Composers {
  private readonly sessions = new Map<HTMLElement, ComposerSession>();
  private current: ComposerSession | null = null;
  private scanFrame = 0;

  constructor(
    private readonly adapters: SiteAdapter[],
    private readonly events: ComposerEvents,
  ) {}

  listen(ctx: Lifetime): void {
    // Composers come and go with dialogs and in-page navigation. The observer callback only
    // schedules one selector query per frame, so a page without a composer pays almost nothing.
    const observer = new MutationObserver(() => {
      this.scanFrame ||= requestAnimationFrame(() => this.scan());
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    this.scan();
    ctx.addEventListener(document, 'focusin', (event) => this.onFocusIn(event), { capture: true });
    for (const type of USER_INPUT) ctx.addEventListener(document, type, (event) => this.onUserInput(event), { capture: true });
  }

  /** The composer in use: the one last focused or edited. */
  get active(): ComposerSession | null {
    return this.current;
  }

  get size(): number {
    return this.sessions.size;
  }

  all(): IterableIterator<ComposerSession> {
    return this.sessions.values();
  }

  containing(node: Node): ComposerSession | null {
    for (const session of this.sessions.values()) if (session.element.contains(node)) return session;
    return null;
  }

  /**
   * The composer an attached image belongs to: the one it was dropped or pasted in, else the one
   * in the same dialog or form as the file input, else the one in use.
   */
  forAttachment(target: EventTarget | null): ComposerSession | null {
    if (target instanceof Node) {
      const inside = this.containing(target);
      if (inside) return inside;
      const scope = target instanceof Element ? target.closest('[role="dialog"], form') : null;
      if (scope) for (const session of this.sessions.values()) if (scope.contains(session.element)) return session;
    }
    return this.current ?? (this.sessions.size === 1 ? ([...this.sessions.values()][0] ?? null) : null);
  }

  setActive(session: ComposerSession): void {
    if (this.current === session) return;
    this.current = session;
    this.events.activeChanged();
  }

  detachAll(): void {
    for (const session of this.sessions.values()) this.detach(session);
  }

  private scan(): void {
    this.scanFrame = 0;
    const site = this.adapters[0];
    if (site) for (const element of document.querySelectorAll<HTMLElement>(site.composers)) this.attach(element, site);
    for (const session of this.sessions.values()) if (!session.element.isConnected) this.detach(session);
  }

  /** Text boxes the site adapter does not know are checked once someone focuses them. */
  private onFocusIn(event: FocusEvent): void {
    if (fromUi(event)) return;
    const element = editingHost(event.target);
    if (!element) return;
    const adapter = this.adapters.find((a) => element.matches(a.composers));
    if (!adapter) return;
    this.setActive(this.attach(element, adapter));
    this.events.focused(adapter);
  }

  /**
   * The user pressed a key, pressed the pointer, pasted or dropped in a composer: check it from
   * now on. Only trusted events count: the page can focus a text box and fire synthetic events at
   * it, and even `execCommand` input is trusted, but keys, pointer presses, pastes and drops it
   * cannot make.
   */
  private onUserInput(event: Event): void {
    if (!event.isTrusted || fromUi(event) || !(event.target instanceof Node)) return;
    const session = this.containing(event.target);
    if (!session) return;
    session.activate();
    this.setActive(session);
  }

  private attach(element: HTMLElement, adapter: SiteAdapter): ComposerSession {
    const existing = this.sessions.get(element);
    if (existing) return existing;
    const session = this.events.open(element, adapter);
    this.sessions.set(element, session);
    session.refresh();
    return session;
  }

  private detach(session: ComposerSession): void {
    session.dispose();
    this.sessions.delete(session.element);
    if (this.current === session) this.current = [...this.sessions.values()].find((s) => s.visible().length) ?? null;
    this.events.closed(session);
  }
}

/** Events only the user makes (when trusted): what starts the checking of a composer. */
const USER_INPUT = ['keydown', 'pointerdown', 'paste', 'drop', 'compositionstart'] as const;

/** The outermost editable element at an event target: a textarea or a contenteditable host. */
function editingHost(target: EventTarget | null): HTMLElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return null;
  let host = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}
