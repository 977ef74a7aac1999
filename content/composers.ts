import type { Lifetime } from './lifetime';
import type { ComposerSession } from './session';
import type { SiteAdapter } from './sites';
import { fromUi } from './ui/host';

/** One composer as a whole: the element holding it, and its text boxes in page order. */
export interface Composer {
  scope: HTMLElement;
  sessions: ComposerSession[];
}

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
    // An editor's own edits (every keystroke re-renders some of its nodes) bring no new composer:
    // records inside a composer being checked schedule no query, which would cost as much as the
    // page is big (a 1 MB draft's blocks included).
    const observer = new MutationObserver((records) => {
      if (this.scanFrame || records.every((record) => this.inComposer(record.target))) return;
      this.scanFrame = requestAnimationFrame(() => this.scan());
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
   * The composer a control on the page may send: the innermost composer scope holding it, with
   * every text box of that scope (an X thread's editors, in page order).
   */
  forControl(control: Element): Composer | null {
    const found: Composer[] = [];
    for (const session of this.sessions.values()) {
      if (session.element.contains(control)) continue;
      const scope = session.adapter.scope(session.element);
      if (!scope.contains(control)) continue;
      const same = found.find((c) => c.scope === scope);
      if (same) same.sessions.push(session);
      else found.push({ scope, sessions: [session] });
    }
    // The innermost: no other found scope sits inside it.
    const best = found.find((c) => !found.some((o) => o !== c && c.scope.contains(o.scope))) ?? null;
    best?.sessions.sort(inPageOrder);
    return best;
  }

  /** The composer a text box belongs to: its scope, with every text box sharing it. */
  of(session: ComposerSession): Composer {
    const scope = session.adapter.scope(session.element);
    const sessions = [...this.sessions.values()].filter((s) => s === session || (scope.contains(s.element) && s.adapter.scope(s.element) === scope));
    return { scope, sessions: sessions.sort(inPageOrder) };
  }

  /**
   * Where an attached file belongs: the dialog or form of the file input (a multi-step dialog
   * holds it before its caption box exists), else the composer it was dropped or pasted in, else
   * the composer in use.
   */
  containerFor(target: EventTarget | null): HTMLElement | null {
    if (target instanceof Node) {
      const inside = this.containing(target);
      if (inside) return inside.adapter.scope(inside.element);
      // The dialog before any form inside it: a step's form goes when the step does.
      const scope = target instanceof Element ? (target.closest<HTMLElement>('[role="dialog"]') ?? target.closest<HTMLElement>('form')) : null;
      if (scope) return scope;
    }
    const only = this.current ?? (this.sessions.size === 1 ? ([...this.sessions.values()][0] ?? null) : null);
    return only ? only.adapter.scope(only.element) : null;
  }

  /**
   * The text box that carries a container's attachments into its check: the first one, in page
   * order, of the composer whose scope holds the container or sits inside it.
   */
  carrierOf(container: HTMLElement): ComposerSession | null {
    let carrier: ComposerSession | null = null;
    for (const session of this.sessions.values()) {
      const scope = session.adapter.scope(session.element);
      if (!scope.contains(container) && !container.contains(scope)) continue;
      if (!carrier || inPageOrder(session, carrier) < 0) carrier = session;
    }
    return carrier;
  }

  setActive(session: ComposerSession): void {
    if (this.current === session) return;
    this.current = session;
    this.events.activeChanged();
  }

  detachAll(): void {
    for (const session of this.sessions.values()) this.detach(session);
  }

  /** Whether `node` is a composer being checked, or inside one. */
  private inComposer(node: Node): boolean {
    for (let at: Node | null = node; at; at = at.parentNode) if (at instanceof HTMLElement && this.sessions.has(at)) return true;
    return false;
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

function inPageOrder(a: ComposerSession, b: ComposerSession): number {
  if (a === b) return 0;
  return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The outermost editable element at an event target: a textarea or a contenteditable host. */
function editingHost(target: EventTarget | null): HTMLElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return null;
  let host = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}
