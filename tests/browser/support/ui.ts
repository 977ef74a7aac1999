import type { CDPSession, Page } from 'playwright-core';

/**
 * Second Look's layer is a closed shadow root (content/ui/host.ts): no script of the page can
 * reach it, and so neither can Playwright's locators or `page.evaluate`. The tests read and use it
 * the way only a privileged client can: through the DevTools protocol, which sees closed shadow
 * roots (`DOM.getDocument` with `pierce`, then `DOM.resolveNode`), and, in Firefox, through
 * WebDriver BiDi's serialization of closed shadow roots (support/firefox.ts). Nothing here, and
 * nothing in the extension, hands the root to the page.
 */

/** Runs `fn(root, ...args)` with Second Look's closed shadow root (null when there is none). */
export type UiEval = <A extends unknown[], R>(fn: (root: ShadowRoot | null, ...args: A) => R, ...args: A) => Promise<Awaited<R>>;

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.localName === 'second-look-ui') return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

const GROUP = 'second-look-test';

/** The UiEval of a Chromium page, over the DevTools protocol. */
export function chromiumUi(page: Page): UiEval {
  return async (fn, ...args) => {
    const session = await cdp(page);
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    const call = `async function (argsJson) { return JSON.stringify(await (${fn.toString()})(this && this.nodeType === 11 ? this : null, ...JSON.parse(argsJson))); }`;
    let objectId: string | undefined;
    if (shadow) {
      const resolved = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup: GROUP });
      objectId = resolved.object.objectId;
    } else {
      const global = await session.send('Runtime.evaluate', { expression: 'globalThis', objectGroup: GROUP });
      objectId = global.result.objectId;
    }
    try {
      const result = await session.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: call,
        arguments: [{ value: JSON.stringify(args) }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (result.exceptionDetails) throw new Error(`in Second Look's layer: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
      const value = result.result.value as string | undefined;
      return value === undefined ? (undefined as never) : JSON.parse(value);
    } finally {
      await session.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => undefined);
    }
  };
}

// --- What the tests read: marks -------------------------------------------------------------

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The mark boxes in the layer, with their style (block, warn, active). Runs with the root. */
export function markBoxes(root: ShadowRoot | null): (Box & { style: string })[] {
  return [...(root?.querySelectorAll<HTMLElement>('[data-mark]') ?? [])].map((m) => {
    const r = m.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, style: m.dataset.mark ?? '' };
  });
}

/**
 * The words of the page's editable text under the given boxes: each run of characters whose
 * middle is inside a box, with the box of its first character. Runs in the page; it reads only
 * the page's own text and geometry, so it needs no privilege.
 */
export function textUnder(boxes: Box[]): { text: string; box: Box }[] {
  const runs: { text: string; box: Box }[] = [];
  let current: { text: string; box: Box } | null = null;
  const range = document.createRange();
  const editors = [...document.querySelectorAll<HTMLElement>('[contenteditable=""], [contenteditable="true"]')].filter(
    (e) => !e.parentElement?.closest('[contenteditable=""], [contenteditable="true"]'),
  );
  for (const editor of editors) {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        const cx = r.x + r.width / 2;
        const cy = r.y + r.height / 2;
        const box = r.width > 0 ? boxes.find((b) => cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height) : undefined;
        if (box) {
          if (current) current.text += node.data[i];
          else {
            current = { text: node.data[i]!, box };
            runs.push(current);
          }
        } else if (r.width > 0 || !/\s/.test(node.data[i]!)) current = null;
      }
    }
    current = null;
  }
  return runs;
}

async function markRuns(page: Page, styles?: string[]): Promise<{ text: string; box: Box }[]> {
  const boxes = (await chromiumUi(page)(markBoxes)).filter((b) => !styles || styles.includes(b.style));
  return boxes.length ? page.evaluate(textUnder, boxes) : [];
}

/** The words Second Look marks in the page's editors, sorted. */
export async function markedText(page: Page): Promise<string[]> {
  return (await markRuns(page)).map((r) => r.text.trim()).sort();
}

/** The words drawn as the open card's (active) mark. */
export async function activeMarkedText(page: Page): Promise<string[]> {
  return (await markRuns(page, ['active'])).map((r) => r.text.trim()).sort();
}

/** Each marked word and where it is on screen, for pointing at it. */
export async function markRects(page: Page): Promise<({ text: string } & Box)[]> {
  return (await markRuns(page)).map((r) => ({ text: r.text.trim(), ...r.box }));
}

/** Every mark box (textareas' marks included, whose text is not in the DOM). */
export async function overlayRects(page: Page): Promise<Box[]> {
  return (await chromiumUi(page)(markBoxes)).map(({ x, y, width, height }) => ({ x, y, width, height }));
}

// --- What the tests use: the card, the gate, the counters ------------------------------------

export interface Step {
  css?: string;
  role?: string;
  name?: string | { source: string; flags: string };
  exact?: boolean;
}

/** Elements matching a chain of steps in the layer; what each returns is asked of the last. Runs with the root. */
export function query(root: ShadowRoot | null, steps: Step[], ask: 'count' | 'text' | 'box' | 'state' | 'element'): unknown {
  const IMPLICIT: Record<string, string> = { button: 'button, [role="button"]', dialog: '[role="dialog"], dialog', alertdialog: '[role="alertdialog"]' };
  let scope: Element[] = root ? [...root.children] : [];
  let first = true;
  for (const step of steps) {
    const selector = step.css ?? IMPLICIT[step.role!] ?? `[role="${step.role}"]`;
    const found: Element[] = [];
    for (const s of scope) {
      if (first && s.matches(selector)) found.push(s);
      for (const e of s.querySelectorAll(selector)) found.push(e);
    }
    first = false;
    scope = found.filter((e) => {
      if (step.name === undefined) return true;
      const name = (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (typeof step.name === 'object') return new RegExp(step.name.source, step.name.flags).test(name);
      return step.exact ? name === step.name : name.toLowerCase().includes(step.name.toLowerCase());
    });
  }
  const element = scope[0] as HTMLElement | undefined;
  if (ask === 'count') return scope.length;
  if (!element) return null;
  if (ask === 'element') return element;
  if (ask === 'text') return element.innerText;
  const r = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
  if (ask === 'state') return { visible, enabled: !(element as HTMLButtonElement).disabled };
  const x = r.x + r.width / 2;
  const y = r.y + r.height / 2;
  // What a click at its middle would land on: not this element when it is scrolled out of its box
  // or covered (a user could not click it there either).
  const hit = root?.elementFromPoint(x, y) ?? null;
  const reachable = !!hit && element.contains(hit);
  return { x, y, visible, reachable, enabled: !(element as HTMLButtonElement).disabled };
}

const POLL_MS = 50;

/**
 * A locator for Second Look's closed layer, with the part of Playwright's Locator the tests use.
 * Clicks are real pointer clicks at the element's middle, as a user's would be, once that point
 * is on the element itself (not scrolled out of its box, not under something else).
 */
export class UiLocator {
  constructor(
    private readonly page: Page,
    private readonly steps: Step[],
  ) {}

  getByRole(role: string, options: { name?: string | RegExp; exact?: boolean } = {}): UiLocator {
    const name = options.name instanceof RegExp ? { source: options.name.source, flags: options.name.flags } : options.name;
    return new UiLocator(this.page, [...this.steps, { role, ...(name !== undefined ? { name } : {}), ...(options.exact ? { exact: true } : {}) }]);
  }

  locator(css: string): UiLocator {
    return new UiLocator(this.page, [...this.steps, { css }]);
  }

  private ask<T>(what: 'count' | 'text' | 'box' | 'state'): Promise<T> {
    return chromiumUi(this.page)(query, this.steps, what) as Promise<T>;
  }

  /** Runs `fn` on the first element matched, in the page (with the privilege above). */
  async evaluate<R>(fn: (element: Element) => R): Promise<Awaited<R>> {
    await this.waitFor({ state: 'attached' });
    const composed = `(root, steps) => (${fn.toString()})((${query.toString()})(root, steps, 'element'))`;
    return chromiumUi(this.page)(composed as unknown as (root: ShadowRoot | null, steps: Step[]) => R, this.steps);
  }

  count(): Promise<number> {
    return this.ask<number>('count');
  }

  async waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const deadline = Date.now() + (options.timeout ?? 30_000);
    for (;;) {
      const seen = await this.ask<{ visible: boolean } | null>('state');
      const done =
        state === 'attached' ? seen !== null : state === 'detached' ? seen === null : state === 'visible' ? !!seen?.visible : !seen?.visible;
      if (done) return;
      if (Date.now() > deadline) throw new Error(`Second Look's ${JSON.stringify(this.steps)} did not become ${state}`);
      await this.page.waitForTimeout(POLL_MS);
    }
  }

  async innerText(): Promise<string> {
    await this.waitFor({ state: 'attached' });
    return (await this.ask<string | null>('text')) ?? '';
  }

  async click(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const box = await this.ask<{ x: number; y: number; visible: boolean; reachable: boolean; enabled: boolean } | null>('box');
      if (box?.visible && box.reachable && box.enabled) {
        await this.page.mouse.click(box.x, box.y);
        return;
      }
      if (Date.now() > deadline) {
        const why = !box?.visible ? 'is not there' : !box.reachable ? 'is scrolled out of view or covered' : 'is disabled';
        throw new Error(`Second Look's ${JSON.stringify(this.steps)} ${why}: a user could not click it`);
      }
      await this.page.waitForTimeout(POLL_MS);
    }
  }
}

/** Second Look's layer in a Chromium page. */
export function ui(page: Page): UiLocator {
  return new UiLocator(page, []);
}
