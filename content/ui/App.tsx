import { useEffect, useRef } from 'preact/hooks';
import type { Account } from '../../rules/ids';
import type { Finding } from '../../rules/types';
import type { MarkStyle } from '../highlighter';
import { RULE_LABELS, policyName } from '../labels';

/** Everything Second Look shows on a page, as plain data and callbacks from the controller. */
export interface UiProps {
  chips: ChipView[];
  card: CardView | null;
  gate: GateView | null;
  /** Marks drawn as boxes, where the Highlight API cannot (textareas, older browsers). */
  overlay: { rect: DOMRect; style: MarkStyle }[];
}

export interface ChipView {
  id: number;
  rect: DOMRect;
  count: number;
  blocking: boolean;
  open(): void;
}

export interface CardView {
  finding: Finding;
  /** Move keyboard focus into the card (opened from the counter, not by hovering). */
  takeFocus: boolean;
  /** Where the finding's text is on screen; the card sits next to it. */
  anchor: DOMRect;
  index: number;
  total: number;
  account: Account;
  identity: string | null;
  /** Set when the last Apply did not take; the card says so. */
  applyFailed: boolean;
  apply: (() => void) | null;
  ignore(): void;
  step(by: 1 | -1): void;
  switchAccount(): void;
  close(): void;
  /** Pointer entering (true) or leaving (false) the card, so hover cards stay while used. */
  hover(inside: boolean): void;
}

export interface GateView {
  findings: Finding[];
  canPostAnyway: boolean;
  back(): void;
  postAnyway(): void;
}

const SEVERITY_TEXT = { block: 'Must change', warn: 'Check before posting' } as const;

export function App({ chips, card, gate, overlay }: UiProps) {
  return (
    <div class="layer">
      {overlay.map(({ rect, style }, i) => (
        <div
          key={i}
          class={`mark ${style}`}
          data-mark={style}
          style={{ left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` }}
        />
      ))}
      {chips.map((chip) => (
        <Chip key={chip.id} {...chip} />
      ))}
      {card && <Card {...card} />}
      {gate && <Gate {...gate} />}
    </div>
  );
}

function Chip({ rect, count, blocking, open }: ChipView) {
  const things = count === 1 ? '1 thing' : `${count} things`;
  return (
    <button
      type="button"
      class={`chip ${blocking ? 'block' : 'warn'}`}
      style={{ left: `${rect.right - 34}px`, top: `${rect.bottom - 30}px` }}
      aria-label={`Second Look: ${things} to check in this post`}
      title={`Second Look: ${things} to check`}
      onClick={open}
    >
      {count}
    </button>
  );
}

function Card(props: CardView) {
  const { finding, anchor, index, total, account, identity, takeFocus } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus, finding]);
  // Below the marked words, or above them when there is no room below.
  const below = anchor.bottom + 8;
  const height = ref.current?.offsetHeight ?? 260;
  const top = below + height > innerHeight && anchor.top - height - 8 > 0 ? anchor.top - height - 8 : below;
  const left = Math.max(8, Math.min(anchor.left, innerWidth - 388));
  const other: Account = account === 'personal' ? 'official' : 'personal';
  return (
    <div
      ref={ref}
      class="card"
      tabIndex={-1}
      role="dialog"
      aria-label={`Second Look: ${RULE_LABELS[finding.rule]}`}
      style={{ left: `${left}px`, top: `${top}px` }}
      onMouseEnter={() => props.hover(true)}
      onMouseLeave={() => props.hover(false)}
      onKeyDown={(event) => event.key === 'Escape' && props.close()}
    >
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
      <h2>{RULE_LABELS[finding.rule]}</h2>
      <p>{finding.message}</p>
      {finding.why && <p class="why">Why: {finding.why}</p>}
      <blockquote>{finding.clause.quote}</blockquote>
      <p class="cite">
        {finding.clause.section} — {policyName(finding.clause.pack)}
      </p>
      {finding.suggestion && (
        <p class="suggestion">
          Suggestion: <q>{finding.suggestion}</q>
        </p>
      )}
      {props.applyFailed && <p class="error">The site did not take the change; please edit the text yourself.</p>}
      <div class="actions">
        {props.apply && (
          <button type="button" class="primary" onClick={props.apply}>
            Apply
          </button>
        )}
        <button type="button" onClick={props.ignore}>
          Ignore
        </button>
      </div>
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

function Gate({ findings, canPostAnyway, back, postAnyway }: GateView) {
  const first = useRef<HTMLButtonElement>(null);
  // Focus the safe choice, so Enter or Space from the keyboard goes back to editing.
  useEffect(() => first.current?.focus(), []);
  return (
    <div class="backdrop">
      <div
        class="gate"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="second-look-gate-title"
        onKeyDown={(event) => event.key === 'Escape' && back()}
      >
        <h2 id="second-look-gate-title">Before you post: {findings.length === 1 ? '1 thing' : `${findings.length} things`} to check</h2>
        <ul>
          {findings.map((f, i) => (
            <li key={i}>
              <strong>{RULE_LABELS[f.rule]}</strong> (“{f.excerpt}”): {f.message}
            </li>
          ))}
        </ul>
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
