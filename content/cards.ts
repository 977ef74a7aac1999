import type { Lifetime } from './lifetime';
import type { Finding } from '../rules/engine/types';
import { applySuggestion, editFor } from './apply';
import type { Composers } from './composers';
import type { ComposerSession } from './session';
import type { ApplyProblem, CardView, ImageView, MarkStyle } from './ui/App';
import { fromUi } from './ui/host';

// A hover card stays this long after the pointer leaves the marked words, so it can be reached.
const HOVER_CLOSE_MS = 300;
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

interface OpenCard {
  session: ComposerSession;
  finding: Finding;
  /** How it was opened: hover cards close when the pointer leaves; the others stay. */
  via: 'hover' | 'caret' | 'chip';
  /** Why the last Apply changed nothing, if it did not. */
  applyProblem: ApplyProblem;
}

/** What the cards need from the page around them. */
export interface CardHost {
  /** While the gate's dialog is open, hovering opens no card. */
  gateOpen(): boolean;
  /** Redraws a composer's marks (the open card's finding is drawn as active). */
  repaint(session: ComposerSession): void;
  changed(): void;
  /** The thumbnail and safe copy of an image finding's card. */
  image(session: ComposerSession, finding: Finding): ImageView | null;
}

/**
 * The card that explains a finding (reason, policy clause, suggestion, Apply, Ignore): opened
 * by hovering marked words, by moving the caret into them, or from the composer's counter.
 */
export class Cards {
  private card: OpenCard | null = null;
  private pointerInCard = false;
  private hoverCloseTimer: ReturnType<typeof setTimeout> | undefined;
  private hoverFrame = 0;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;

  constructor(
    private readonly composers: Composers,
    private readonly host: CardHost,
  ) {}

  listen(ctx: Lifetime): void {
    ctx.addEventListener(document, 'mousemove', (event) => this.onMouseMove(event), { passive: true });
    ctx.addEventListener(document, 'keyup', (event) => this.onCaretMove(event), { capture: true });
    ctx.addEventListener(document, 'mouseup', (event) => this.onCaretMove(event), { capture: true });
    ctx.addEventListener(document, 'pointerdown', (event) => this.onPointerDown(event), { capture: true });
  }

  open(session: ComposerSession, finding: Finding, via: OpenCard['via']): void {
    clearTimeout(this.hoverCloseTimer);
    if (this.card?.session === session && this.card.finding === finding) return;
    const previous = this.card?.session;
    this.card = { session, finding, via, applyProblem: null };
    if (previous && previous !== session) this.host.repaint(previous);
    this.host.repaint(session);
    this.host.changed();
  }

  close(): void {
    const session = this.card?.session;
    this.card = null;
    this.pointerInCard = false;
    if (session) this.host.repaint(session);
    this.host.changed();
  }

  /** How a finding's marks are drawn: the open card's finding stands out. */
  styleOf(session: ComposerSession, finding: Finding): MarkStyle {
    return this.card?.session === session && this.card.finding === finding ? 'active' : finding.severity;
  }

  /** Follows the card's finding through an edit of its composer; closes the card if it is gone. */
  follow(session: ComposerSession): void {
    if (this.card?.session !== session) return;
    const same = session.visible().find((f) => f.rule === this.card?.finding.rule && f.excerpt === this.card.finding.excerpt);
    if (same) {
      // Found again in a newer check: Apply can be tried on the text as it is now.
      if (this.card.applyProblem === 'moved' && same !== this.card.finding) this.card.applyProblem = null;
      this.card.finding = same;
    } else {
      this.card = null;
      this.pointerInCard = false;
    }
  }

  /** The composer left the page: its card goes with it. */
  forget(session: ComposerSession): void {
    if (this.card?.session === session) this.card = null;
  }

  view(): CardView | null {
    const card = this.card;
    if (!card) return null;
    const { session, finding } = card;
    const findings = session.visible();
    const index = findings.indexOf(finding);
    // By the composer, never by the words it is about: the page can hit-test the card (and, in
    // Chromium, see what it covers), so where it sits must not say where a finding is.
    const anchor = session.element.getBoundingClientRect();
    const { account, identity } = session.account();
    const edit = session.checked ? editFor(finding, session.checked) : null;
    return {
      finding,
      takeFocus: card.via === 'chip',
      anchor,
      index,
      total: findings.length,
      account,
      identity,
      applyProblem: card.applyProblem,
      apply: edit ? () => void this.apply(session, finding) : null,
      image: this.host.image(session, finding),
      ignore: () => {
        session.ignore(finding);
        const next = session.visible()[Math.min(index, session.visible().length - 1)];
        if (next) this.open(session, next, card.via === 'hover' ? 'chip' : card.via);
        else this.close();
      },
      step: (by) => {
        const next = findings[(index + by + findings.length) % findings.length];
        if (next) this.open(session, next, card.via === 'hover' ? 'chip' : card.via);
      },
      switchAccount: () => {
        this.close();
        session.switchAccount();
      },
      close: () => {
        this.close();
        session.element.focus({ preventScroll: true });
      },
      hover: (inside) => {
        this.pointerInCard = inside;
        if (inside) clearTimeout(this.hoverCloseTimer);
        else if (card.via === 'hover') this.scheduleHoverClose();
      },
    };
  }

  private async apply(session: ComposerSession, finding: Finding): Promise<void> {
    const result = await applySuggestion(session, finding);
    if (result !== 'applied' && this.card?.session === session) {
      this.card = { ...this.card, applyProblem: result };
      this.host.changed();
    }
  }

  private onMouseMove(event: MouseEvent): void {
    // Only the user's pointer opens a card: a page script moving a fake pointer over its own words
    // and hit-testing for the card would learn which are flagged.
    if (this.composers.size === 0 || !event.isTrusted) return;
    this.pointer = { x: event.clientX, y: event.clientY, target: event.target };
    this.hoverFrame ||= requestAnimationFrame(() => this.hitTest());
  }

  /** Opens the card of the marked words under the pointer (marks themselves take no events). */
  private hitTest(): void {
    this.hoverFrame = 0;
    const pointer = this.pointer;
    if (!pointer || this.host.gateOpen()) return;
    const session = pointer.target instanceof Node ? this.composers.containing(pointer.target) : null;
    const hit = session?.visibleIn(session.checked?.shown() ?? null).find((f) =>
      session.checked?.rects(f.start, f.end).some((r) => pointer.x >= r.left - 1 && pointer.x <= r.right + 1 && pointer.y >= r.top - 1 && pointer.y <= r.bottom + 1),
    );
    if (session && hit) this.open(session, hit, 'hover');
    else if (this.card?.via === 'hover' && !this.pointerInCard) this.scheduleHoverClose();
  }

  private scheduleHoverClose(): void {
    clearTimeout(this.hoverCloseTimer);
    this.hoverCloseTimer = setTimeout(() => {
      if (this.card?.via === 'hover' && !this.pointerInCard) this.close();
    }, HOVER_CLOSE_MS);
  }

  /** A card opened from the counter closes when the user clicks anywhere else on the page. */
  private onPointerDown(event: PointerEvent): void {
    if (this.card?.via === 'chip' && !fromUi(event)) this.close();
  }

  /** Moving the caret into marked words (keyboard or click) opens their card. */
  private onCaretMove(event: Event): void {
    // Nor does a fake key or click after a caret the page placed itself.
    if (!event.isTrusted || fromUi(event) || !(event.target instanceof Node)) return;
    if (event instanceof KeyboardEvent && !NAVIGATION_KEYS.has(event.key)) return;
    const session = this.composers.containing(event.target);
    const caret = session?.checked?.caret();
    if (!session || caret == null) return;
    const finding = session.visibleIn([caret - 1, caret + 1]).find((f) => f.start <= caret && caret <= f.end);
    if (finding) this.open(session, finding, 'caret');
    else if (this.card?.via === 'caret') this.close();
  }
}
