import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Finding } from '../rules/types';
import { replaceInEditor, replaceInField } from './apply';
import { Attachments } from './attachments';
import { HighlightPainter, canHighlight, type Mark, type MarkStyle } from './highlighter';
import { isGetFindingsMessage, type DraftReport, type FindingsCountMessage } from '../protocol/messages';
import { ComposerSession, type CheckConfig, type RequestCheck } from './session';
import type { SiteAdapter } from './sites';
import { editableSurface, fieldSurface, type Surface } from './surface';
import { App, type CardView, type ChipView, type GateView, type ImageView, type UiProps } from './ui/App';
import { createUiHost, fromUi, type UiHost } from './ui/host';
import { UI_CSS } from './ui/styles';

/** A user-timing mark after each redraw of marks: how the browser benchmark times keystrokes. */
const MARKS_UPDATED = 'second-look:marks';

// A hover card stays this long after the pointer leaves the marked words, so it can be reached.
const HOVER_CLOSE_MS = 300;
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

interface OpenCard {
  session: ComposerSession;
  finding: Finding;
  /** How it was opened: hover cards close when the pointer leaves; the others stay. */
  via: 'hover' | 'caret' | 'chip';
  applyFailed: boolean;
}

interface OpenGate {
  session: ComposerSession;
  findings: Finding[];
  proceed(): void;
}

/**
 * Second Look on one page: finds composers as they appear (dialogs and in-page navigation
 * included), keeps a ComposerSession for each, draws their marks, counters, cards and the gate,
 * and reports the active draft's findings to the badge and the popup.
 */
export class SecondLook {
  private readonly sessions = new Map<HTMLElement, ComposerSession>();
  private readonly painter = canHighlight() ? new HighlightPainter() : null;
  private active: ComposerSession | null = null;
  private ui: UiHost | null = null;
  private card: OpenCard | null = null;
  private gate: OpenGate | null = null;
  private pointerInCard = false;
  private hoverCloseTimer: ReturnType<typeof setTimeout> | undefined;
  private renderFrame = 0;
  private scanFrame = 0;
  private hoverFrame = 0;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private lastBadge = '';
  private warmedUp = false;
  /** True while the gate lets the site's own action through: our listeners stand aside. */
  private replaying = false;
  /** Images attached to the composers; their findings come back with the text's. */
  private readonly attachments: Attachments;
  /** The image finding whose safe copy is being made, and what went wrong last time. */
  private safeCopy: { finding: Finding; error: string | null; busy: boolean } | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapters: SiteAdapter[],
    private config: CheckConfig,
    private readonly requestCheck: RequestCheck,
  ) {
    this.attachments = new Attachments(
      ctx,
      (target) => this.sessionForAttachment(target),
      () => this.config.settings.logo,
      () => {
        this.updateBadge();
        this.scheduleRender();
      },
    );
  }

  start(): void {
    const { ctx } = this;
    // Composers come and go with dialogs and in-page navigation. The observer callback only
    // schedules one selector query per frame, so a page without a composer pays almost nothing.
    const observer = new MutationObserver(() => {
      this.scanFrame ||= requestAnimationFrame(() => this.scan());
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    this.scan();

    ctx.addEventListener(document, 'focusin', (event) => this.onFocusIn(event), { capture: true });
    ctx.addEventListener(document, 'mousemove', (event) => this.onMouseMove(event), { passive: true });
    ctx.addEventListener(document, 'keyup', (event) => this.onCaretMove(event), { capture: true });
    ctx.addEventListener(document, 'mouseup', (event) => this.onCaretMove(event), { capture: true });
    ctx.addEventListener(document, 'pointerdown', (event) => this.onPointerDown(event), { capture: true });
    ctx.addEventListener(document, 'scroll', () => this.scheduleRender(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.scheduleRender());
    // The gate listens first (capture on window) so it can stop a post before the site sees it.
    ctx.addEventListener(window, 'click', (event) => this.onClick(event), { capture: true });
    ctx.addEventListener(window, 'keydown', (event) => this.onKeyDown(event), { capture: true });
    this.attachments.start();

    const onMessage = (message: unknown) => (isGetFindingsMessage(message) ? Promise.resolve(this.report()) : undefined);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      for (const session of this.sessions.values()) this.detach(session);
      this.ui?.remove();
    });
  }

  updateSettings(config: CheckConfig): void {
    // Storage changes that leave the settings in force as they were need no new check.
    if (JSON.stringify(config) === JSON.stringify(this.config)) return;
    this.config = config;
    for (const session of this.sessions.values()) session.updateSettings(config);
  }

  /** What the popup shows: the draft in use in this tab and its findings. */
  report(): DraftReport | null {
    const session = this.active;
    if (!session?.checked) return null;
    const { account, identity } = session.account();
    return {
      text: session.checked.text,
      account,
      identity,
      platform: session.adapter.platform,
      findings: session.visible(),
      images: this.attachments.statuses(session),
      thumbnails: this.attachments.analysed(session).map((a) => a.thumbnail),
    };
  }

  // --- Composers -------------------------------------------------------------------------

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
    if (!this.warmedUp) {
      this.warmedUp = true;
      // Starting the worker and the engine's first check (its lexicons) take about 100 ms: do
      // that while the user settles into the composer, not on their first keystroke. Composer
      // 0 is no session's; the answer is not needed, and a failure shows on the first real check.
      const draft = { text: 'Warming up.', platform: adapter.platform, account: 'personal' } as const;
      this.requestCheck({ type: 'check', composer: 0, draft, settings: this.config.settings, whole: true }).catch(() => undefined);
    }
  }

  private attach(element: HTMLElement, adapter: SiteAdapter): ComposerSession {
    const existing = this.sessions.get(element);
    if (existing) return existing;
    const surface: Surface =
      element instanceof HTMLTextAreaElement
        ? fieldSurface(element, () => this.ensureUi().scratch)
        : editableSurface(element);
    const session = new ComposerSession(surface, adapter, this.config, this.requestCheck, (s) => this.onSessionChanged(s));
    this.sessions.set(element, session);
    session.refresh();
    return session;
  }

  private detach(session: ComposerSession): void {
    session.dispose();
    this.attachments.forget(session);
    this.sessions.delete(session.element);
    this.painter?.clear(session);
    if (this.card?.session === session) this.card = null;
    if (this.gate?.session === session) this.gate = null;
    if (this.active === session) this.active = [...this.sessions.values()].find((s) => s.visible().length) ?? null;
    this.updateBadge();
    this.scheduleRender();
  }

  private setActive(session: ComposerSession): void {
    if (this.active === session) return;
    this.active = session;
    this.updateBadge();
  }

  private onSessionChanged(session: ComposerSession): void {
    if (session.element.contains(document.activeElement)) this.setActive(session);
    if (this.card?.session === session) {
      // Follow the card's finding through the edit; close the card if the finding is gone.
      const same = session.visible().find((f) => f.rule === this.card?.finding.rule && f.excerpt === this.card.finding.excerpt);
      if (same) this.card.finding = same;
      else {
        this.card = null;
        this.pointerInCard = false;
      }
    }
    this.paint(session);
    this.updateBadge();
    this.scheduleRender();
    performance.clearMarks(MARKS_UPDATED);
    performance.mark(MARKS_UPDATED);
  }

  private paint(session: ComposerSession): void {
    if (!this.painter || session.surface.isField) return;
    const marks: Mark[] = [];
    for (const finding of session.visible()) {
      if (finding.image) continue; // shown on the card's thumbnail, not in the text
      const range = session.checked?.range(finding.start, finding.end);
      if (range) marks.push({ range, style: this.styleOf(session, finding) });
    }
    this.painter.set(session, marks);
  }

  private styleOf(session: ComposerSession, finding: Finding): MarkStyle {
    return this.card?.session === session && this.card.finding === finding ? 'active' : finding.severity;
  }

  // --- Badge -----------------------------------------------------------------------------

  private updateBadge(): void {
    const findings = this.active?.visible() ?? [];
    const message: FindingsCountMessage = {
      type: 'findings-count',
      count: findings.length,
      blocking: findings.some((f) => f.severity === 'block'),
    };
    const key = `${message.count}/${message.blocking}`;
    if (key === this.lastBadge || this.ctx.isInvalid) return;
    this.lastBadge = key;
    // Fails only while the extension is being reloaded or updated; the next change resends.
    browser.runtime.sendMessage(message).catch(() => undefined);
  }

  // --- Cards -----------------------------------------------------------------------------

  private openCard(session: ComposerSession, finding: Finding, via: OpenCard['via']): void {
    clearTimeout(this.hoverCloseTimer);
    if (this.card?.session === session && this.card.finding === finding) return;
    const previous = this.card?.session;
    this.card = { session, finding, via, applyFailed: false };
    if (previous && previous !== session) this.paint(previous);
    this.paint(session);
    this.scheduleRender();
  }

  private closeCard(): void {
    const session = this.card?.session;
    this.card = null;
    this.pointerInCard = false;
    if (session) this.paint(session);
    this.scheduleRender();
  }

  private onMouseMove(event: MouseEvent): void {
    if (this.sessions.size === 0) return;
    this.pointer = { x: event.clientX, y: event.clientY, target: event.target };
    this.hoverFrame ||= requestAnimationFrame(() => this.hitTest());
  }

  /** Opens the card of the marked words under the pointer (marks themselves take no events). */
  private hitTest(): void {
    this.hoverFrame = 0;
    const pointer = this.pointer;
    if (!pointer || this.gate) return;
    const session = pointer.target instanceof Node ? this.sessionContaining(pointer.target) : null;
    const hit = session?.visible().find((f) =>
      !f.image &&
      session.checked?.rects(f.start, f.end).some((r) => pointer.x >= r.left - 1 && pointer.x <= r.right + 1 && pointer.y >= r.top - 1 && pointer.y <= r.bottom + 1),
    );
    if (session && hit) this.openCard(session, hit, 'hover');
    else if (this.card?.via === 'hover' && !this.pointerInCard) this.scheduleHoverClose();
  }

  private scheduleHoverClose(): void {
    clearTimeout(this.hoverCloseTimer);
    this.hoverCloseTimer = setTimeout(() => {
      if (this.card?.via === 'hover' && !this.pointerInCard) this.closeCard();
    }, HOVER_CLOSE_MS);
  }

  /** A card opened from the counter closes when the user clicks anywhere else on the page. */
  private onPointerDown(event: PointerEvent): void {
    if (this.card?.via === 'chip' && !fromUi(event)) this.closeCard();
  }

  /** Moving the caret into marked words (keyboard or click) opens their card. */
  private onCaretMove(event: Event): void {
    if (fromUi(event) || !(event.target instanceof Node)) return;
    if (event instanceof KeyboardEvent && !NAVIGATION_KEYS.has(event.key)) return;
    const session = this.sessionContaining(event.target);
    const caret = session?.checked?.caret();
    if (!session || caret == null) return;
    const finding = session.visible().find((f) => !f.image && f.start <= caret && caret <= f.end);
    if (finding) this.openCard(session, finding, 'caret');
    else if (this.card?.via === 'caret') this.closeCard();
  }

  private async apply(session: ComposerSession, finding: Finding): Promise<void> {
    const snapshot = session.checked;
    const edit = snapshot && editFor(finding, snapshot.text);
    if (!snapshot || !edit) return;
    const { element } = session;
    if (element instanceof HTMLTextAreaElement) {
      replaceInField(element, edit.start, edit.end, edit.insert);
    } else {
      const range = edit.start === edit.end ? caretRangeAt(snapshot, edit.start) : snapshot.range(edit.start, edit.end);
      if (range) await replaceInEditor(element, range, edit.insert);
    }
    const expected = snapshot.text.slice(0, edit.start) + edit.insert + snapshot.text.slice(edit.end);
    if (!(await textBecomes(session, expected)) && this.card?.session === session) {
      this.card = { ...this.card, applyFailed: true };
      this.scheduleRender();
    }
  }

  // --- Gate ------------------------------------------------------------------------------

  private onClick(event: MouseEvent): void {
    if (this.replaying || this.sessions.size === 0 || fromUi(event) || !(event.target instanceof Node)) return;
    for (const session of this.sessions.values()) {
      const button = session.adapter.submitButton(session.element);
      if (button?.contains(event.target)) {
        this.intercept(event, session, () => pressButton(button));
        return;
      }
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.replaying || this.sessions.size === 0 || event.isComposing || fromUi(event)) return;
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (!(event.target instanceof Node)) return;
    const session = this.sessionContaining(event.target);
    if (session && event.key === 'Enter') {
      const sends =
        event.ctrlKey || event.metaKey || (session.adapter.enterSends(session.element) && !event.shiftKey && !event.altKey);
      if (sends) this.intercept(event, session, () => replayKey(session.element, event));
      return;
    }
    // Enter or Space on a focused Post button.
    for (const s of this.sessions.values()) {
      const button = s.adapter.submitButton(s.element);
      if (button?.contains(event.target)) {
        this.intercept(event, s, () => pressButton(button));
        return;
      }
    }
  }

  /**
   * Stops a post while findings remain, and asks; the draft itself is left as it is. A long
   * draft whose whole-draft check is still running is held until it answers, then either let
   * through (nothing found) or gated.
   */
  private intercept(event: Event, session: ComposerSession, replay: () => void): void {
    // Judge the text as it is now, including the keystroke just before this click.
    session.refresh();
    const proceed = () => {
      this.replaying = true;
      try {
        replay();
      } finally {
        this.replaying = false;
      }
    };
    // Images still being analysed hold the post too, until their findings are in.
    const images = this.attachments.pending(session);
    if (session.isSettled() && !images) {
      if (!this.needsGate(session)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      this.openGate(session, proceed);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void Promise.resolve(images)
      .then(() => session.settle())
      .then(() => {
        if (!this.needsGate(session)) proceed();
        else this.openGate(session, proceed);
      });
  }

  /** Findings remain, or an attached image could not be fully checked (which is never a pass). */
  private needsGate(session: ComposerSession): boolean {
    return session.visible().length > 0 || this.attachments.statuses(session).some((a) => a.status === 'failed');
  }

  private openGate(session: ComposerSession, proceed: () => void): void {
    this.closeCard();
    this.gate = { session, findings: session.visible(), proceed };
    this.scheduleRender();
  }

  private closeGate(then: 'edit' | 'post'): void {
    const gate = this.gate;
    if (!gate) return;
    this.gate = null;
    this.scheduleRender();
    if (then === 'post' && !gate.findings.some((f) => f.severity === 'block')) gate.proceed();
    else gate.session.element.focus({ preventScroll: true });
  }

  // --- Rendering -------------------------------------------------------------------------

  private ensureUi(): UiHost {
    this.ui ??= createUiHost(UI_CSS);
    return this.ui;
  }

  private scheduleRender(): void {
    if (this.renderFrame || this.ctx.isInvalid) return;
    this.renderFrame = requestAnimationFrame(() => {
      this.renderFrame = 0;
      this.render();
    });
  }

  private render(): void {
    const props = this.props();
    if (!this.ui && props.chips.length === 0 && !props.card && !props.gate && props.overlay.length === 0) return;
    render(h(App, props), this.ensureUi().container);
  }

  private props(): UiProps {
    const chips: ChipView[] = [];
    const overlay: UiProps['overlay'] = [];
    for (const session of this.sessions.values()) {
      const findings = session.visible();
      const rect = session.element.getBoundingClientRect();
      if (findings.length === 0 || rect.width === 0) continue;
      chips.push({
        id: session.id,
        rect,
        count: findings.length,
        blocking: findings.some((f) => f.severity === 'block'),
        open: () => this.openCard(session, findings[0]!, 'chip'),
      });
      if (this.painter && !session.surface.isField) continue;
      for (const finding of findings) {
        if (finding.image) continue;
        const style = this.styleOf(session, finding);
        for (const r of session.checked?.rects(finding.start, finding.end) ?? []) overlay.push({ rect: r, style });
      }
    }
    return { chips, overlay, card: this.cardView(), gate: this.gateView() };
  }

  private cardView(): CardView | null {
    const card = this.card;
    if (!card) return null;
    const { session, finding } = card;
    const findings = session.visible();
    const index = findings.indexOf(finding);
    // An image finding has no words to sit by: its card sits by the composer.
    const anchor = (finding.image ? undefined : session.checked?.rects(finding.start, finding.end)[0]) ?? session.element.getBoundingClientRect();
    const { account, identity } = session.account();
    const edit = session.checked ? editFor(finding, session.checked.text) : null;
    return {
      finding,
      takeFocus: card.via === 'chip',
      anchor,
      index,
      total: findings.length,
      account,
      identity,
      applyFailed: card.applyFailed,
      apply: edit ? () => void this.apply(session, finding) : null,
      image: this.imageView(session, finding),
      ignore: () => {
        session.ignore(finding);
        const next = session.visible()[Math.min(index, session.visible().length - 1)];
        if (next) this.openCard(session, next, card.via === 'hover' ? 'chip' : card.via);
        else this.closeCard();
      },
      step: (by) => {
        const next = findings[(index + by + findings.length) % findings.length];
        if (next) this.openCard(session, next, card.via === 'hover' ? 'chip' : card.via);
      },
      switchAccount: () => {
        this.closeCard();
        session.switchAccount();
      },
      close: () => {
        this.closeCard();
        session.element.focus({ preventScroll: true });
      },
      hover: (inside) => {
        this.pointerInCard = inside;
        if (inside) clearTimeout(this.hoverCloseTimer);
        else if (card.via === 'hover') this.scheduleHoverClose();
      },
    };
  }

  /** The thumbnail (faces or names boxed) and the safe-copy actions of an image finding's card. */
  private imageView(session: ComposerSession, finding: Finding): ImageView | null {
    const attachment = this.attachments.attachmentOf(session, finding);
    if (!finding.image || !attachment) return null;
    const state = this.safeCopy && sameFinding(this.safeCopy.finding, finding) ? this.safeCopy : null;
    return {
      name: attachment.name,
      thumbnail: attachment.thumbnail,
      boxes: finding.image.boxes,
      busy: state?.busy ?? false,
      error: state?.error ?? null,
      download: () => void this.makeSafeCopy(session, finding, 'download'),
      swap: attachment.input ? () => void this.makeSafeCopy(session, finding, 'swap') : null,
    };
  }

  private async makeSafeCopy(session: ComposerSession, finding: Finding, then: 'download' | 'swap'): Promise<void> {
    this.safeCopy = { finding, error: null, busy: true };
    this.scheduleRender();
    try {
      const file = await this.attachments.safeCopy(session, finding);
      // Where the site's file input can take it, the copy replaces the original; else it downloads.
      if (then === 'swap' && this.attachments.swap(session, finding, file)) this.safeCopy = null;
      else {
        this.attachments.download(file, this.ensureUi().container);
        this.safeCopy = { finding, error: null, busy: false };
      }
    } catch (error) {
      this.safeCopy = { finding, error: error instanceof Error ? error.message : String(error), busy: false };
    }
    this.scheduleRender();
  }

  private gateView(): GateView | null {
    const gate = this.gate;
    if (!gate) return null;
    return {
      notes: this.attachments
        .statuses(gate.session)
        .filter((a) => a.status === 'failed')
        .map((a) => `"${a.name}" could not be fully checked (${a.errors.join('; ')}): look at it yourself before posting.`),
      findings: gate.findings,
      canPostAnyway: !gate.findings.some((f) => f.severity === 'block'),
      back: () => this.closeGate('edit'),
      postAnyway: () => this.closeGate('post'),
    };
  }

  /**
   * The composer an attached image belongs to: the one it was dropped or pasted in, else the one
   * in the same dialog or form as the file input, else the one in use.
   */
  private sessionForAttachment(target: EventTarget | null): ComposerSession | null {
    if (target instanceof Node) {
      const inside = this.sessionContaining(target);
      if (inside) return inside;
      const scope = target instanceof Element ? target.closest('[role="dialog"], form') : null;
      if (scope) for (const session of this.sessions.values()) if (scope.contains(session.element)) return session;
    }
    return this.active ?? (this.sessions.size === 1 ? ([...this.sessions.values()][0] ?? null) : null);
  }

  private sessionContaining(node: Node): ComposerSession | null {
    for (const session of this.sessions.values()) if (session.element.contains(node)) return session;
    return null;
  }
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.image?.index === b.image?.index && a.excerpt === b.excerpt;
}

/** The outermost editable element at an event target: a textarea or a contenteditable host. */
function editingHost(target: EventTarget | null): HTMLElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return null;
  let host = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/**
 * The change Apply makes. A suggestion replaces the flagged words, except for `disclaimer`,
 * whose suggestion is a sentence to add at the end of the draft.
 */
function editFor(finding: Finding, text: string): { start: number; end: number; insert: string } | null {
  // An image finding's suggestion is the safe copy, which the card offers instead.
  if (finding.suggestion === undefined || finding.image) return null;
  if (finding.rule === 'disclaimer') {
    const end = text.trimEnd().length;
    return { start: end, end, insert: ` ${finding.suggestion}` };
  }
  return { start: finding.start, end: finding.end, insert: finding.suggestion };
}

/**
 * Whether the composer's text becomes `expected` within a few frames: editors may commit an
 * input a task or two later (Draft.js from setImmediate, React from its scheduler).
 */
async function textBecomes(session: ComposerSession, expected: string): Promise<boolean> {
  for (let frame = 0; frame < 20; frame++) {
    if (session.surface.read().text === expected) return true;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return false;
}

/** A caret just after text[offset - 1], where an insertion at `offset` goes. */
function caretRangeAt(snapshot: { range(start: number, end: number): Range | null }, offset: number): Range | null {
  const range = snapshot.range(Math.max(0, offset - 1), offset);
  range?.collapse(offset === 0);
  return range;
}

/** Clicks the Post button the gate stopped, with focus where a real click would leave it. */
function pressButton(button: HTMLElement): void {
  button.focus({ preventScroll: true });
  button.click();
}

/** Sends the keystroke the gate stopped again, from the editor, to the site's own handler. */
function replayKey(element: HTMLElement, original: KeyboardEvent): void {
  element.focus({ preventScroll: true });
  element.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: original.key,
      code: original.code,
      // Draft.js and older handlers read the legacy keyCode.
      keyCode: original.keyCode,
      which: original.which,
      ctrlKey: original.ctrlKey,
      metaKey: original.metaKey,
      shiftKey: original.shiftKey,
      altKey: original.altKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}
