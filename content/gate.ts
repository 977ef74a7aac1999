import type { Lifetime } from './lifetime';
import type { Finding } from '../rules/engine/types';
import type { Attachments } from './attachments';
import type { Composers } from './composers';
import type { ComposerSession } from './session';
import type { GateView } from './ui/App';
import { fromUi } from './ui/host';

interface OpenGate {
  session: ComposerSession;
  findings: Finding[];
  proceed(): void;
}

/**
 * The Post gate: Post/Share/Reply (clicked, or Enter or Space on the button) and the keystroke
 * that sends (Ctrl/Cmd+Enter, or Enter where the site sends with it) are stopped while findings
 * remain, and a dialog asks: back to the draft, or, when nothing blocks, post anyway. The draft
 * itself is left as it is; posting anyway replays the site's own action.
 */
export class PostGate {
  private gate: OpenGate | null = null;
  /** True while the gate lets the site's own action through: our listeners stand aside. */
  private replaying = false;

  constructor(
    private readonly composers: Composers,
    private readonly attachments: Attachments,
    /** Closes any open card: the gate's dialog replaces it. */
    private readonly closeCard: () => void,
    private readonly changed: () => void,
  ) {}

  listen(ctx: Lifetime): void {
    // The gate listens first (capture on window) so it can stop a post before the site sees it.
    ctx.addEventListener(window, 'click', (event) => this.onClick(event), { capture: true });
    ctx.addEventListener(window, 'keydown', (event) => this.onKeyDown(event), { capture: true });
  }

  get isOpen(): boolean {
    return this.gate !== null;
  }

  /** The composer left the page: its gate goes with it. */
  forget(session: ComposerSession): void {
    if (this.gate?.session === session) this.gate = null;
  }

  view(): GateView | null {
    const gate = this.gate;
    if (!gate) return null;
    return {
      notes: this.attachments
        .statuses(gate.session)
        .filter((a) => a.status === 'failed')
        .map((a) => `"${a.name}" could not be fully checked (${a.errors.join('; ')}): look at it yourself before posting.`),
      findings: gate.findings,
      canPostAnyway: !gate.findings.some((f) => f.severity === 'block'),
      back: () => this.close('edit'),
      postAnyway: () => this.close('post'),
    };
  }

  private onClick(event: MouseEvent): void {
    if (this.replaying || this.composers.size === 0 || fromUi(event) || !(event.target instanceof Node)) return;
    for (const session of this.composers.all()) {
      const button = session.adapter.submitButton(session.element);
      if (button?.contains(event.target)) {
        this.intercept(event, session, () => pressButton(button));
        return;
      }
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.replaying || this.composers.size === 0 || event.isComposing || fromUi(event)) return;
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (!(event.target instanceof Node)) return;
    const session = this.composers.containing(event.target);
    if (session && event.key === 'Enter') {
      const sends =
        event.ctrlKey || event.metaKey || (session.adapter.enterSends(session.element) && !event.shiftKey && !event.altKey);
      if (sends) this.intercept(event, session, () => replayKey(session.element, event));
      return;
    }
    // Enter or Space on a focused Post button.
    for (const s of this.composers.all()) {
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
    // A composer nobody has written in is checked once the user (never a page script) posts it.
    if (!session.isActive) {
      if (!event.isTrusted) return;
      session.activate();
    }
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
      this.open(session, proceed);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void Promise.resolve(images)
      .then(() => session.settle())
      .then(() => {
        if (!this.needsGate(session)) proceed();
        else this.open(session, proceed);
      });
  }

  /** Findings remain, or an attached image could not be fully checked (which is never a pass). */
  private needsGate(session: ComposerSession): boolean {
    return session.visible().length > 0 || this.attachments.statuses(session).some((a) => a.status === 'failed');
  }

  private open(session: ComposerSession, proceed: () => void): void {
    this.closeCard();
    this.gate = { session, findings: session.visible(), proceed };
    this.changed();
  }

  private close(then: 'edit' | 'post'): void {
    const gate = this.gate;
    if (!gate) return;
    this.gate = null;
    this.changed();
    if (then === 'post' && !gate.findings.some((f) => f.severity === 'block')) gate.proceed();
    else gate.session.element.focus({ preventScroll: true });
  }
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
