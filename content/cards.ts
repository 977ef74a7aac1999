import type { Lifetime } from './lifetime';
import type { Finding } from '../rules/engine/types';
import { applySuggestion, editFor } from './apply';
import type { Composers } from './composers';
import type { ComposerSession } from './session';
import type { ApplyProblem, CardView, ImageView, MarkStyle } from './ui/App';
import { fromUi } from './ui/host';

interface OpenCard {
  session: ComposerSession;
  /** The finding explained; null when the post has none to explain (the card says so). */
  finding: Finding | null;
  /** Why the last Apply changed nothing, if it did not. */
  applyProblem: ApplyProblem;
  /** The words it explained were edited away while it was open (finding is then null). */
  edited: boolean;
}

/** What the cards need from the page around them. */
export interface CardHost {
  /** Redraws a composer's marks (the open card's finding is drawn as active). */
  repaint(session: ComposerSession): void;
  changed(): void;
  /** The thumbnail and safe copy of an image finding's card. */
  image(session: ComposerSession, finding: Finding): ImageView | null;
}

/**
 * The card that explains a finding (reason, policy clause, suggestion, Apply, Ignore), opened
 * only when the user asks: by clicking the composer's counter, or by Second Look's keyboard
 * shortcut (the `commands` API, background/index.ts). Either way it explains the finding at the
 * caret, or the first one when the caret is in none, or says there is nothing to explain.
 *
 * Never by hovering marked words or moving the caret into them. The page sees its own pointer and
 * caret, and it can see the card appear (it hit-tests it, and Chromium's IntersectionObserver v2
 * reports what it covers): a card that opened because the word under the pointer or at the caret
 * was marked would tell the page which words were (the pupils' names above all), by watching the
 * user or walking the caret over a composer it fills itself. Now nothing the page can observe
 * depends on the word at the caret or pointer: the card opens on a click in the closed layer or a
 * key the page never sees, is one size in one place whatever it shows, and opens as well when
 * there is nothing to explain. The caret is only read, to choose what the card shows.
 */
export class Cards {
  private card: OpenCard | null = null;
  /** Where the caret was last seen in each composer (a click on the counter moves focus away). */
  private readonly carets = new WeakMap<ComposerSession, number>();

  /** Counts the times a card was asked for: each time, it takes focus again. */
  private asked = 0;

  constructor(
    private readonly composers: Composers,
    private readonly host: CardHost,
  ) {}

  listen(ctx: Lifetime): void {
    ctx.addEventListener(document, 'keyup', (event) => this.onCaretMove(event), { capture: true });
    ctx.addEventListener(document, 'mouseup', (event) => this.onCaretMove(event), { capture: true });
    ctx.addEventListener(document, 'pointerdown', (event) => this.onPointerDown(event), { capture: true });
  }

  /** Opens the card of the finding at the caret in `session`, else its first, else a card saying there is none. */
  explain(session: ComposerSession): void {
    const caret = session.checked?.caret() ?? this.carets.get(session) ?? null;
    const findings = session.visible();
    const text = findings.filter((f) => !f.image);
    const atCaret = caret === null ? undefined : text.find((f) => f.start <= caret && caret <= f.end);
    this.open(session, atCaret ?? findings[0] ?? null);
  }

  open(session: ComposerSession, finding: Finding | null): void {
    this.asked++;
    if (this.card?.session === session && this.card.finding === finding) {
      this.host.changed();
      return;
    }
    const previous = this.card?.session;
    this.card = { session, finding, applyProblem: null, edited: false };
    if (previous && previous !== session) this.host.repaint(previous);
    this.host.repaint(session);
    this.host.changed();
  }

  close(): void {
    const session = this.card?.session;
    this.card = null;
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
    const was = this.card.finding;
    if (!was) return;
    const same = session.visible().find((f) => f.rule === was.rule && f.excerpt === was.excerpt);
    if (same) {
      // Found again in a newer check: Apply can be tried on the text as it is now.
      if (this.card.applyProblem === 'moved' && same !== this.card.finding) this.card.applyProblem = null;
      this.card.finding = same;
    } else {
      // Gone with the user's edit. The card stays open and says so: closing it would tell the page
      // that the words the user just changed were the ones it explained.
      this.card.finding = null;
      this.card.edited = true;
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
    const index = finding ? findings.indexOf(finding) : -1;
    // By the composer, never by the words it is about: the page can hit-test the card (and, in
    // Chromium, see what it covers), so where it sits must not say where a finding is.
    const anchor = session.element.getBoundingClientRect();
    const { account, identity } = session.account();
    const edit = finding && session.checked ? editFor(finding, session.checked) : null;
    return {
      finding,
      edited: card.edited,
      asked: this.asked,
      checked: session.checked !== null,
      anchor,
      index,
      total: findings.length,
      account,
      identity,
      applyProblem: card.applyProblem,
      apply: finding && edit ? () => void this.apply(session, finding) : null,
      image: finding ? this.host.image(session, finding) : null,
      ignore: () => {
        if (!finding) return;
        session.ignore(finding);
        const rest = session.visible();
        this.open(session, rest[Math.min(index, rest.length - 1)] ?? null);
      },
      step: (by) => {
        const next = findings[(index + by + findings.length) % findings.length];
        if (next) this.open(session, next);
      },
      first: () => findings[0] && this.open(session, findings[0]),
      switchAccount: () => {
        this.close();
        session.switchAccount();
      },
      close: () => {
        this.close();
        session.element.focus({ preventScroll: true });
      },
    };
  }

  private async apply(session: ComposerSession, finding: Finding): Promise<void> {
    const result = await applySuggestion(session, finding);
    // Done: the card has done its job (the page saw the edit, which it would see anyway).
    if (result === 'applied' && this.card?.session === session && this.card.finding === finding) this.close();
    else if (result !== 'applied' && this.card?.session === session) {
      this.card = { ...this.card, applyProblem: result };
      this.host.changed();
    }
  }

  /**
   * The card closes when the user clicks anywhere else on the page, but stays while they click in
   * its composer to go on writing beside it.
   */
  private onPointerDown(event: PointerEvent): void {
    if (!this.card || !event.isTrusted || fromUi(event)) return;
    if (event.target instanceof Node && this.card.session.element.contains(event.target)) return;
    this.close();
  }

  /**
   * Notes where the user's caret is after a key or click in a composer, for the next card to
   * explain. Nothing is drawn or changed here: what the page can observe must not depend on the
   * word at the caret.
   */
  private onCaretMove(event: Event): void {
    if (!event.isTrusted || fromUi(event) || !(event.target instanceof Node)) return;
    const session = this.composers.containing(event.target);
    const caret = session?.checked?.caret();
    if (session && caret != null) this.carets.set(session, caret);
  }
}
