import type { Lifetime } from './lifetime';
import type { Finding } from '../rules/engine/types';
import type { Attachments } from './attachments';
import type { Composer, Composers } from './composers';
import type { ComposerSession } from './session';
import { controlAt, label, suggestionsOpen } from './sites/dom';
import type { GateView } from './ui/App';
import { fromUi } from './ui/host';

interface OpenGate {
  composer: Composer;
  findings: Finding[];
  /** Said in words: what the gate could not tell (a control it does not know, images it could not check). */
  notes: string[];
  proceed(): void;
}

/**
 * The Post gate. It judges a composer as a whole (every text box of it, an X thread's included,
 * and every image attached at any step of its dialog) and stops every action that sends it while
 * findings remain: the site's send control at whatever step and depth (clicked, or Enter or
 * Space on it), Ctrl/Cmd+Enter, Enter where the box sends with it (not when Enter picks an
 * @mention suggestion), and a form's submit. A control whose name the gate does not know (another
 * language, new wording) is held too, and the dialog says so: the gate fails safe, never open.
 * The dialog asks: back to the draft, or, when nothing blocks, post anyway, which replays the
 * site's own action once. The draft itself is never touched.
 *
 * One user action, one send: while a send waits for a check still running, further sends of the
 * same composer (a double click, Enter then Enter, Enter then a click) are swallowed, and only
 * the first is replayed.
 */
export class PostGate {
  private gate: OpenGate | null = null;
  /** The composer whose send waits for its check, if any. */
  private held: HTMLElement | null = null;
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
    ctx.addEventListener(window, 'submit', (event) => this.onSubmit(event), { capture: true });
  }

  get isOpen(): boolean {
    return this.gate !== null;
  }

  /** A text box left the page: the gate forgets it, and closes when its composer has none left. */
  forget(session: ComposerSession): void {
    const gate = this.gate;
    if (!gate?.composer.sessions.includes(session)) return;
    gate.composer.sessions = gate.composer.sessions.filter((s) => s !== session);
    if (gate.composer.sessions.length === 0) this.gate = null;
  }

  view(): GateView | null {
    const gate = this.gate;
    if (!gate) return null;
    return {
      notes: gate.notes,
      findings: gate.findings,
      canPostAnyway: !gate.findings.some((f) => f.severity === 'block'),
      back: () => this.close('edit'),
      postAnyway: () => this.close('post'),
    };
  }

  private onClick(event: MouseEvent): void {
    if (this.replaying || this.composers.size === 0 || fromUi(event)) return;
    const control = controlAt(event.target);
    if (control) this.onControl(event, control);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.replaying || this.composers.size === 0 || event.isComposing || fromUi(event)) return;
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (!(event.target instanceof Node)) return;
    const session = this.composers.containing(event.target);
    if (session) {
      if (event.key !== 'Enter') return;
      const element = session.element;
      const sends =
        event.ctrlKey || event.metaKey || (session.adapter.enterSends(element) && !event.shiftKey && !event.altKey && !suggestionsOpen(element));
      if (sends) this.intercept(event, this.composers.of(session), null, () => replayKey(element, event));
      return;
    }
    // Enter or Space on a focused control acts as a press on it.
    const control = controlAt(event.target);
    if (control && control === event.target) this.onControl(event, control);
  }

  private onSubmit(event: Event): void {
    if (this.replaying || this.composers.size === 0 || !(event.target instanceof HTMLFormElement)) return;
    const form = event.target;
    const composer = this.composers.forControl(form) ?? this.composerInside(form);
    if (!composer) return;
    const submitter = (event as SubmitEvent).submitter;
    this.intercept(event, composer, null, () => form.requestSubmit(submitter && form.contains(submitter) ? submitter : null));
  }

  /** A press on a control: gated when it may send a composer, by what the site says it does. */
  private onControl(event: Event, control: HTMLElement): void {
    const composer = this.composers.forControl(control);
    if (!composer) return;
    const kind = composer.sessions[0]!.adapter.classify(control);
    if (kind === 'other') return;
    const unknown = kind === 'unknown' ? label(control) : null;
    this.intercept(event, composer, unknown, () => press(control));
  }

  /** The text boxes inside a form none of whose scopes holds it (the form is their edge). */
  private composerInside(form: HTMLFormElement): Composer | null {
    const sessions = [...this.composers.all()].filter((s) => form.contains(s.element));
    return sessions.length ? { scope: form, sessions } : null;
  }

  /**
   * Stops a send while findings remain, and asks; the draft itself is left as it is. A composer
   * whose checks are still running (text just typed, images being analysed) is held until they
   * answer, then either let through (nothing found) or gated.
   */
  private intercept(event: Event, composer: Composer, unknown: string | null, replay: () => void): void {
    // The dialog is open, or an earlier send of this composer is waiting: this one is the same
    // user action repeated, and goes nowhere.
    if (this.gate || (this.held && (this.held === composer.scope || this.held.contains(composer.scope) || composer.scope.contains(this.held)))) {
      stop(event);
      return;
    }
    // Judge the text as it is now, including the keystroke just before this click.
    for (const session of composer.sessions) session.refresh();
    const proceed = () => {
      this.replaying = true;
      try {
        replay();
      } finally {
        this.replaying = false;
      }
    };
    const images = this.attachments.pending(composer.sessions);
    if (!images && composer.sessions.every((s) => s.isSettled())) {
      if (!this.needsGate(composer)) return;
      stop(event);
      this.open(composer, unknown, proceed);
      return;
    }
    stop(event);
    const held = composer.scope;
    this.held = held;
    void Promise.resolve(images)
      .then(() => Promise.all(composer.sessions.map((s) => s.settle())))
      .then(() => {
        if (this.held === held) this.held = null;
        if (!this.needsGate(composer)) proceed();
        else this.open(composer, unknown, proceed);
      });
  }

  /**
   * Findings remain, or the text or an attached image could not be fully checked (which is
   * never a pass).
   */
  private needsGate(composer: Composer): boolean {
    return (
      composer.sessions.some((s) => s.visible().length > 0 || s.unavailable) ||
      this.attachments.statuses(composer.sessions).some((a) => a.status === 'failed')
    );
  }

  private open(composer: Composer, unknown: string | null, proceed: () => void): void {
    const notes = this.attachments
      .statuses(composer.sessions)
      .filter((a) => a.status === 'failed')
      .map((a) => `"${a.name}" could not be fully checked (${a.errors.join('; ')}): look at it yourself before posting.`);
    if (composer.sessions.some((s) => s.unavailable))
      notes.unshift('This post could not be checked: Second Look is unavailable for now (its background worker did not answer). Read it yourself before posting.');
    if (unknown !== null) {
      const name = unknown ? `"${unknown}"` : 'This button';
      notes.unshift(`Second Look cannot tell whether ${name} sends your post, so it stopped it while there are things to check.`);
    }
    this.closeCard();
    this.gate = { composer, findings: composer.sessions.flatMap((s) => s.visible()), notes, proceed };
    this.changed();
  }

  private close(then: 'edit' | 'post'): void {
    const gate = this.gate;
    if (!gate) return;
    this.gate = null;
    this.changed();
    if (then === 'post' && !gate.findings.some((f) => f.severity === 'block')) gate.proceed();
    else {
      const first = gate.composer.sessions.find((s) => s.visible().length > 0) ?? gate.composer.sessions[0];
      first?.element.focus({ preventScroll: true });
    }
  }
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** Presses the control the gate stopped, with focus where a real click would leave it. */
function press(control: HTMLElement): void {
  control.focus({ preventScroll: true });
  control.click();
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
