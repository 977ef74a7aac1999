import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Account } from '../../rules/engine/ids';
import type { Box, Finding } from '../../rules/engine/types';
import type { Severity } from '../../rules/engine/ids';
import { policyName } from '../../packs';
import { ruleLabel } from '../../rules/engine/facts';
import { isImageDataUrl } from '../../protocol/messages';

/** How a mark is drawn: by the finding's severity, or as the one whose card is open. */
export type MarkStyle = Severity | 'active';
import { describeScore, explainWhy } from '../../rules/engine/explain';

/** Everything Second Look shows on a page, as plain data and callbacks from the controller. */
export interface UiProps {
  chips: ChipView[];
  card: CardView | null;
  gate: GateView | null;
  /** Per composer being checked: its box, and the marks over its flagged words. */
  overlay: OverlayView[];
}

/**
 * One composer's marks: boxes over the flagged words, from the text's client rects, drawn in this
 * closed layer (never in the page's editor, nor in the document's shared highlight registry).
 *
 * They are drawn inside one box as big as the composer's, there whatever was found. Chromium's
 * IntersectionObserver v2 (`trackVisibility`) tells a page whether anything at all is over an
 * element of its own (any layer, any pointer-events, even a box that paints nothing): marks alone
 * would tell a page probing each word which ones were marked. With this box over the whole
 * composer every word is covered alike, marked or not. It paints nothing and takes no pointer.
 */
export interface OverlayView {
  id: number;
  /** The composer's box on screen. */
  box: DOMRect;
  marks: { rect: DOMRect; style: MarkStyle }[];
}

export interface ChipView {
  id: number;
  rect: DOMRect;
  count: number;
  /** A check has answered for this composer (before that, the counter says it is checking). */
  checked: boolean;
  blocking: boolean;
  /** Checking is unavailable for now (the background worker is restarting): the draft is not known to be clean. */
  unavailable: boolean;
  open(): void;
}

export interface CardView {
  /** The finding explained; null when there is none to explain (the card says so, in the same box). */
  finding: Finding | null;
  /** The finding it explained was edited away while it was open (finding is null). */
  edited: boolean;
  /** Counts the times a card was asked for: each time, keyboard focus moves into it. */
  asked: number;
  /** A check has answered for this composer (else the card says it is still being checked). */
  checked: boolean;
  /** The composer's box on screen; the card sits by it (the same place for every finding). */
  anchor: DOMRect;
  index: number;
  total: number;
  account: Account;
  identity: string | null;
  /** Set when the last Apply changed nothing; the card says why. */
  applyProblem: ApplyProblem;
  apply: (() => void) | null;
  /** For a finding about an attached image: its thumbnail and the safe copy. */
  image: ImageView | null;
  ignore(): void;
  step(by: 1 | -1): void;
  /** Shows the post's first finding. */
  first(): void;
  switchAccount(): void;
  close(): void;
}

/**
 * Why Apply changed nothing: the editor did not take the change, or the words were edited after
 * they were checked (the draft is being checked again).
 */
export type ApplyProblem = 'failed' | 'moved' | null;

export interface ImageView {
  name: string;
  /** A small JPEG of the image (data: URL); null when the image service made none. */
  thumbnail: string | null;
  /** The faces, names or logo the finding is about, as fractions of the image. */
  boxes: Box[];
  /** The safe copy is being made. */
  busy: boolean;
  error: string | null;
  download(): void;
  /** Replace the attachment with the safe copy (only where it came from the site's file input). */
  swap: (() => void) | null;
}

export interface GateView {
  /** Attached images that could not be fully checked, said in words. */
  notes: string[];
  findings: Finding[];
  canPostAnyway: boolean;
  back(): void;
  postAnyway(): void;
}

const SEVERITY_TEXT = { block: 'Must change', warn: 'Check before posting' } as const;

export function App({ chips, card, gate, overlay }: UiProps) {
  return (
    <div class="layer">
      {overlay.map(({ id, box, marks }) => (
        <div
          key={id}
          class="cover"
          style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
        >
          {marks.map(({ rect, style }, i) => (
            <div
              key={i}
              class={`mark ${style}`}
              data-mark={style}
              style={{
                left: `${rect.left - box.left}px`,
                top: `${rect.top - box.top}px`,
                width: `${rect.width}px`,
                height: `${rect.height}px`,
              }}
            />
          ))}
        </div>
      ))}
      {chips.map((chip) => (
        <Chip key={chip.id} {...chip} />
      ))}
      {card && <Card {...card} />}
      {gate && <Gate {...gate} />}
    </div>
  );
}

/**
 * The counter by a composer being checked. It is there whatever was found, in one box of one size
 * (.chip), so where it takes the pointer tells the page nothing; what it shows is in the closed
 * layer. It is always a button: a click opens the card of the finding at the caret, or the card
 * that says there is nothing to explain, so whether a click opens a card says nothing either.
 */
function Chip({ rect, count, checked, blocking, unavailable, open }: ChipView) {
  const things = count === 1 ? '1 thing' : `${count} things`;
  const place = { left: `${rect.right - 34}px`, top: `${rect.bottom - 30}px` };
  let state: string;
  let label: string;
  let shown: string;
  if (unavailable) {
    const found = count > 0 ? ` (${things} found before)` : '';
    [state, shown, label] = ['unavailable', '?', `Second Look: this post is not checked${found}: checking is unavailable for now, trying again`];
  } else if (count > 0) {
    [state, shown, label] = ['found', count > 99 ? '99+' : String(count), `Second Look: ${things} to check in this post`];
  } else if (checked) {
    [state, shown, label] = ['clean', '✓', 'Second Look: nothing to check in this post'];
  } else {
    [state, shown, label] = ['pending', '…', 'Second Look: checking this post'];
  }
  const look = state === 'found' ? (blocking ? 'block' : 'warn') : state;
  return (
    <button type="button" class={`chip ${look}`} data-state={state} style={place} aria-label={label} title={label} onClick={open}>
      {shown}
    </button>
  );
}

/** Every card's height in pixels (less in a shorter window). */
const CARD_HEIGHT = 340;

function Card(props: CardView) {
  const { finding, anchor, account, identity, asked } = props;
  const ref = useRef<HTMLDivElement>(null);
  // Opened by the user's click or key: keyboard focus goes into the card (Tab to its buttons,
  // Escape back to the composer). A layout effect, so focus is in the card when it is first
  // painted: an Escape pressed as soon as it shows closes it, not a key lost to the composer.
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [asked, finding]);
  // One size for every card, whatever it holds: the page can hit-test it, so its box must not say
  // which rule was found or how long its words are. Only the explanation scrolls (.body); the
  // header, Apply/Ignore and the account switch stay in view whatever the explanation's length,
  // so every button is where the user sees it and can click it. Below the composer, or
  // above it when there is no room below; when neither fits, as low as keeps it whole on screen.
  const height = Math.min(CARD_HEIGHT, innerHeight - 16);
  const below = anchor.bottom + 8;
  const above = anchor.top - height - 8;
  const top = below + height <= innerHeight - 8 ? below : above >= 8 ? above : Math.max(8, innerHeight - height - 8);
  const left = Math.max(8, Math.min(anchor.left, innerWidth - 388));
  const other: Account = account === 'personal' ? 'official' : 'personal';
  return (
    <div
      ref={ref}
      class="card"
      tabIndex={-1}
      role="dialog"
      aria-label={`Second Look: ${finding ? ruleLabel(finding.rule) : props.edited ? 'words changed' : props.checked ? 'nothing to check' : 'checking'}`}
      style={{ left: `${left}px`, top: `${top}px`, height: `${height}px` }}
      onKeyDown={(event) => event.key === 'Escape' && props.close()}
    >
      {finding ? <Explanation {...props} finding={finding} /> : <Nothing {...props} />}
      <div class="account">
        Checked as {account === 'official' ? 'an official' : 'a personal'} account
        {identity ? ` (${identity})` : ''}.
        <button type="button" class="link" onClick={props.switchAccount}>
          Check as {other} instead
        </button>
      </div>
    </div>
  );
}

/**
 * The card's words when it has no finding to explain, in the same box as a finding's: the post has
 * none, is still being checked, or the words it explained were edited away while it was open.
 */
function Nothing({ checked, edited, total, close, first }: CardView) {
  const others = total === 1 ? '1 thing' : `${total} things`;
  const [badge, title, text] = edited
    ? ['Changed', 'These words were changed', total > 0 ? `The words this card explained are no longer in the draft. There ${total === 1 ? 'is' : 'are'} ${others} still to check.` : 'The words this card explained are no longer in the draft, and nothing else is left to check.']
    : checked
      ? total > 0
        ? ['To check', `${others} to check in this post`, 'Put the caret in the marked words you want explained, then click the counter or press the shortcut.']
        : ['Nothing found', 'Nothing to check in this post', "Second Look found nothing in this draft against your school's policy. When words are marked, put the caret in them and click the counter or press the shortcut to read why."]
      : ['Checking', 'This post is being checked', 'Second Look has not finished checking this draft yet. Ask again in a moment.'];
  return (
    <>
      <header>
        <span class="severity clean">{badge}</span>
        <button type="button" class="close" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      <div class="body">
        <h2>{title}</h2>
        <p>{text}</p>
      </div>
      <div class="actions">
        {total > 0 && (
          <button type="button" class="primary" onClick={first}>
            Show the first
          </button>
        )}
        <button type="button" onClick={close}>
          Back to the post
        </button>
      </div>
    </>
  );
}

/** A finding's reason, policy clause and suggestion, and what can be done about it. */
function Explanation(props: CardView & { finding: Finding }) {
  const { finding, index, total } = props;
  return (
    <>
      <header>
        <span class={`severity ${finding.severity}`}>{SEVERITY_TEXT[finding.severity]}</span>
        <span class="nav">
          {total > 1 && (
            <>
              <button type="button" class="link" aria-label="Previous finding" onClick={() => props.step(-1)}>
                ‹
              </button>
              {index + 1} of {total}
              <button type="button" class="link" aria-label="Next finding" onClick={() => props.step(1)}>
                ›
              </button>
            </>
          )}
        </span>
        <button type="button" class="close" aria-label="Close" onClick={props.close}>
          ×
        </button>
      </header>
      <div class="body">
        <h2>{ruleLabel(finding.rule)}</h2>
        {props.image && <Thumbnail {...props.image} />}
        <p>{finding.message}</p>
        {finding.why && (
          <p class="why">
            Why: {explainWhy(finding)}. How sure: {describeScore(finding.score)}
          </p>
        )}
        <blockquote>{finding.clause.quote}</blockquote>
        <p class="cite">
          {finding.clause.section} — {policyName(finding.clause.pack)}
        </p>
        {finding.suggestion && !props.image && (
          <p class="suggestion">
            Suggestion: <q>{finding.suggestion}</q>
          </p>
        )}
      </div>
      {props.applyProblem === 'failed' && <p class="error">The site did not take the change; please edit the text yourself.</p>}
      {props.applyProblem === 'moved' && (
        <p class="error">These words were edited after they were checked, so nothing was changed. Checking again…</p>
      )}
      {props.image?.error && <p class="error">The safe copy could not be made: {props.image.error}</p>}
      <div class="actions">
        {props.image?.swap && (
          <button type="button" class="primary" disabled={props.image.busy} onClick={props.image.swap}>
            Use a safe copy instead
          </button>
        )}
        {props.image && (
          <button type="button" disabled={props.image.busy} onClick={props.image.download}>
            Download a safe copy
          </button>
        )}
        {props.apply && (
          <button type="button" class="primary" onClick={props.apply}>
            Apply
          </button>
        )}
        <button type="button" onClick={props.ignore}>
          Ignore
        </button>
      </div>
    </>
  );
}

/** The attached image with what the finding is about boxed on it. */
function Thumbnail({ name, thumbnail, boxes }: ImageView) {
  return (
    <figure class="thumbnail">
      <div class="frame">
        {isImageDataUrl(thumbnail) ? <img src={thumbnail} alt={`The attached image ${name}`} /> : <div class="missing">{name}</div>}
        {boxes.map((b, i) => (
          <span
            key={i}
            class="box"
            data-box
            style={{ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` }}
          />
        ))}
      </div>
      <figcaption>{name}</figcaption>
    </figure>
  );
}

const KEY_GUARD_MS = 500;

function Gate({ notes, findings, canPostAnyway, back, postAnyway }: GateView) {
  const first = useRef<HTMLButtonElement>(null);
  // Focus the safe choice, so Enter or Space from the keyboard goes back to editing.
  useEffect(() => first.current?.focus(), []);
  // A key pressed as part of the send (the second Enter of Enter Enter) must not answer the
  // dialog before it has been seen: Enter and Space do nothing in its first half second.
  const opened = useRef(performance.now());
  const early = (event: KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && performance.now() - opened.current < KEY_GUARD_MS) {
      event.preventDefault();
      return true;
    }
    return false;
  };
  return (
    <div class="backdrop">
      <div
        class="gate"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="second-look-gate-title"
        onKeyDown={(event) => !early(event) && event.key === 'Escape' && back()}
        onKeyUp={(event) => early(event)}
      >
        <h2 id="second-look-gate-title">Before you post: {findings.length + notes.length === 1 ? '1 thing' : `${findings.length + notes.length} things`} to check</h2>
        <ul>
          {findings.map((f, i) => (
            <li key={i}>
              <strong>{ruleLabel(f.rule)}</strong> (“{f.excerpt}”): {f.message}
            </li>
          ))}
        </ul>
        {notes.map((note, i) => (
          <p key={i} class="error">
            {note}
          </p>
        ))}
        {!canPostAnyway && <p>Your school's policy does not allow posting this as it is.</p>}
        <div class="actions">
          <button ref={first} type="button" class="primary" onClick={back}>
            Go back and edit
          </button>
          {canPostAnyway && (
            <button type="button" onClick={postAnyway}>
              Post anyway
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
