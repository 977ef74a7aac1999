import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { isExplainMessage } from '../protocol/messages';
import type { Lifetime } from './lifetime';
import { Attachments } from './attachments';
import { Cards } from './cards';
import { Composers } from './composers';
import { PostGate } from './gate';
import { TabReport } from './report';
import { SafeCopies } from './safe-copy';
import { ComposerSession, type CheckConfig, type RequestCheck } from './session';
import type { SiteAdapter } from './sites';
import { editableSurface, fieldSurface, type Surface } from './surface';
import { App, type ChipView, type OverlayView, type UiProps } from './ui/App';
import { createUiHost, type UiHost } from './ui/host';
import { UI_CSS } from './ui/styles';

/**
 * A user-timing mark after each redraw of marks: how the browser benchmark times keystrokes. The
 * page can read the performance timeline, so only the benchmark's build (BENCH_MARKS, set by
 * scripts/bench-browser.mjs) makes it; the extension that is shipped and tested makes none.
 */
const MARKS_UPDATED = 'second-look:marks';
/** The same, when the Post gate's dialog opens: how the benchmark times the gate's answer. */
const GATE_OPENED = 'second-look:gate';
const BENCH_MARKS = import.meta.env.WXT_BENCH_MARKS === '1';

/**
 * Second Look on one page: puts together the composers found (composers.ts, each checked by a
 * ComposerSession), their marks and counters, the cards (cards.ts), the safe copy of images
 * (safe-copy.ts), the Post gate (gate.ts) and what the tab reports to the badge and the popup
 * (report.ts), and draws them all in one closed shadow-root layer
 * (ui/host.ts).
 */
export class SecondLook {
  private ui: UiHost | null = null;
  private renderFrame = 0;
  private warmedUp = false;
  private readonly composers: Composers;
  /** Images attached to the composers; their findings come back with the text's. */
  private readonly attachments: Attachments;
  private readonly cards: Cards;
  private readonly gate: PostGate;
  private readonly safeCopies: SafeCopies;
  private readonly tab: TabReport;

  constructor(
    private readonly ctx: Lifetime,
    adapters: SiteAdapter[],
    private config: CheckConfig,
    private readonly requestCheck: RequestCheck,
  ) {
    this.composers = new Composers(adapters, {
      open: (element, adapter) => this.open(element, adapter),
      closed: (session) => this.closed(session),
      activeChanged: () => this.tab.updateBadge(),
      focused: (adapter) => this.warmUp(adapter),
    });
    this.attachments = new Attachments(
      ctx,
      this.composers,
      () => this.config.settings.logo,
      () => {
        this.tab.updateBadge();
        this.scheduleRender();
      },
    );
    this.tab = new TabReport(ctx, this.composers, this.attachments);
    this.safeCopies = new SafeCopies(this.attachments, () => this.ensureUi().container, () => this.scheduleRender());
    this.cards = new Cards(this.composers, {
      repaint: () => this.scheduleRender(),
      changed: () => this.scheduleRender(),
      image: (session, finding) => this.safeCopies.view(session, finding),
    });
    this.gate = new PostGate(this.composers, this.attachments, () => this.cards.close(), () => {
      this.scheduleRender();
      if (BENCH_MARKS && this.gate.isOpen) performance.mark(GATE_OPENED);
    });
  }

  start(): void {
    const { ctx } = this;
    this.composers.listen(ctx);
    this.cards.listen(ctx);
    ctx.addEventListener(document, 'scroll', () => this.scheduleRender(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.scheduleRender());
    this.gate.listen(ctx);
    this.attachments.start();
    this.tab.listen();
    // Second Look's keyboard shortcut, sent by the background worker (the page never sees the key).
    const onMessage = (message: unknown) => {
      if (isExplainMessage(message)) this.explainAtCaret();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    ctx.onInvalidated(() => {
      this.composers.detachAll();
      this.ui?.remove();
    });
  }

  /**
   * The keyboard shortcut: the card of the finding at the caret in the composer in use (or that
   * there is nothing to explain). Not while the gate's dialog, which lists every finding, is open.
   */
  private explainAtCaret(): void {
    const session = this.composers.active;
    if (!session?.isActive || this.gate.isOpen) return;
    this.cards.explain(session);
  }

  updateSettings(config: CheckConfig): void {
    // Storage changes that leave the settings in force as they were need no new check.
    if (config.version === this.config.version) return;
    this.config = config;
    for (const session of this.composers.all()) session.updateSettings(config);
  }

  private open(element: HTMLElement, adapter: SiteAdapter): ComposerSession {
    this.ensureUi();
    const surface: Surface =
      element instanceof HTMLTextAreaElement
        ? fieldSurface(element, () => this.ensureUi().scratch)
        : editableSurface(element);
    const session = new ComposerSession(surface, adapter, this.config, this.requestCheck, (s) => this.onSessionChanged(s));
    // A text box that appears in a dialog where images were already picked (a multi-step dialog's
    // caption step) carries them into its check.
    queueMicrotask(() => this.attachments.relink());
    return session;
  }

  private closed(session: ComposerSession): void {
    this.attachments.forget(session);
    this.attachments.relink();
    this.cards.forget(session);
    this.gate.forget(session);
    this.tab.updateBadge();
    this.scheduleRender();
  }

  /**
   * Starting the worker and the engine's first check (its lexicons) take about 100 ms: do that
   * while the user settles into the composer, not on their first keystroke. Composer 0 is no
   * session's; the answer is not needed, and a failure shows on the first real check.
   */
  private warmUp(adapter: SiteAdapter): void {
    if (this.warmedUp) return;
    this.warmedUp = true;
    const draft = { text: 'Warming up.', platform: adapter.platform, account: 'personal' } as const;
    this.requestCheck({ type: 'check', composer: 0, draft, settingsVersion: this.config.version, whole: true }).catch(() => undefined);
  }

  private onSessionChanged(session: ComposerSession): void {
    if (session.element.contains(document.activeElement)) this.composers.setActive(session);
    this.cards.follow(session);
    this.tab.updateBadge();
    this.scheduleRender();
    if (BENCH_MARKS) {
      performance.clearMarks(MARKS_UPDATED);
      performance.mark(MARKS_UPDATED);
    }
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

  /**
   * The counters by each composer being checked, their marks, the card, the gate. A counter stands
   * by every composer the user writes in, whatever was found, in one box of one size: a page can
   * hit-test where Second Look takes the pointer (document.elementFromPoint), so that must not
   * depend on what was found. Likewise the marks are drawn inside one box over the composer's
   * whole box, there whatever was found (ui/App.tsx, OverlayView), since a page can also see
   * what is drawn over its elements (IntersectionObserver v2).
   */
  private props(): UiProps {
    const chips: ChipView[] = [];
    const overlay: UiProps['overlay'] = [];
    for (const session of this.composers.all()) {
      const rect = session.element.getBoundingClientRect();
      if (!session.isActive || rect.width === 0) continue;
      chips.push({
        id: session.id,
        rect,
        count: session.visibleCount,
        checked: session.checked !== null,
        blocking: session.blocking,
        unavailable: session.unavailable,
        open: () => this.cards.explain(session),
      });
      overlay.push({ id: session.id, box: rect, marks: this.overlayMarks(session) });
    }
    return { chips, overlay, card: this.cards.view(), gate: this.gate.view() };
  }

  /**
   * Boxes over the marked words the text box shows: a long draft shows a small part of itself, and
   * reading the client rects of every finding in it would cost as much as the draft is long.
   */
  private overlayMarks(session: ComposerSession): OverlayView['marks'] {
    const overlay: OverlayView['marks'] = [];
    for (const finding of session.visibleIn(session.checked?.shown() ?? null)) {
      const style = this.cards.styleOf(session, finding);
      for (const r of session.checked?.rects(finding.start, finding.end) ?? []) overlay.push({ rect: r, style });
    }
    return overlay;
  }
}
