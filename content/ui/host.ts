/**
 * Second Look's own layer on the page: one closed shadow root, attached to <html> rather than
 * inside the site's app, holding the marks, counters, cards, the gate dialog and the textarea
 * mirror. Created with the first composer, so pages without one get nothing, and never on a
 * finding, so when it appears tells the page nothing.
 *
 * Closed, because the page is not trusted: its scripts see a zero-sized <second-look-ui> element
 * and nothing inside it (`shadowRoot` is null, queries and MutationObservers stop at the host,
 * events from inside are retargeted to it). Only this module holds the root.
 */
export interface UiHost {
  /** Where Preact renders. */
  container: HTMLElement;
  /** Invisible scratch space for measuring textarea text (see surface.ts). */
  scratch: HTMLElement;
  remove(): void;
}

// Events from our UI stop at the host, so the site never sees clicks or keys meant for a card
// (sites close their composer dialogs on outside clicks and bind single-key shortcuts).
const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'pointerdown', 'pointerup', 'mousedown',
  'mouseup', 'click', 'dblclick', 'contextmenu', 'focusin', 'focusout', 'wheel',
] as const;

export function createUiHost(css: string): UiHost {
  const host = document.createElement('second-look-ui');
  // Zero-sized and click-through; only the controls inside take the pointer.
  host.style.cssText =
    'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  // A constructed sheet (CSSOM), not a <style> element, so a strict page CSP cannot drop our styles.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  const scratch = document.createElement('div');
  scratch.className = 'scratch';
  shadow.append(container, scratch);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  return {
    container,
    scratch,
    remove: () => host.remove(),
  };
}

/** Whether an event came from inside Second Look's own layer. */
export function fromUi(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLElement && node.localName === 'second-look-ui');
}
