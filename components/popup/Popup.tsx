import { useEffect, useState } from 'preact/hooks';
import type { AttachmentStatus, DraftReport } from '../../protocol/messages';
import { policyName } from '../../packs';
import { ruleLabel, type RuleId } from '../../rules/engine/facts';
import type { Finding } from '../../rules/engine/types';
import { describeScore, explainWhy } from '../../rules/engine/explain';
import type { SettingsState } from '../../settings/resolve';
import { ProblemList } from '../ProblemList';

/** What the popup shows: the tab's draft as the content script reports it, and the settings in force. */
export interface PopupData {
  /** The tab's draft; null when its page has a composer but nothing is being written. */
  report: DraftReport | null;
  /** Whether Second Look runs in the tab at all (a Facebook, X or Instagram page). */
  inTab: boolean;
  state: SettingsState;
}

export interface PopupProps {
  /** Loads (and reloads) what to show. */
  load(): Promise<PopupData>;
  /** Subscribes to settings changes; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  openOptions(): void;
}

const SEVERITY = {
  block: { symbol: '⛔', text: 'Blocks posting: change this before you post' },
  warn: { symbol: '⚠', text: 'Warning: check this; you can post anyway' },
} as const;

export function Popup({ load, watch, openOptions }: PopupProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const refresh = () =>
      load()
        .then((d) => {
          setData(d);
          setFailure(null);
        })
        .catch((error: unknown) => setFailure(String(error)));
    void refresh();
    return watch(() => void refresh());
  }, [load, watch]);

  return (
    <main class="popup">
      <h1>Second Look</h1>
      {failure && <p class="problem" role="alert">Could not read this tab: {failure}</p>}
      {!data && !failure && <p aria-live="polite">Looking at this tab…</p>}
      {data && <Body data={data} openOptions={openOptions} />}
    </main>
  );
}

function Body({ data, openOptions }: { data: PopupData; openOptions(): void }) {
  const { report, state, inTab } = data;
  return (
    <>
      <dl class="facts">
        <dt>Policy</dt>
        <dd data-testid="pack">{state.pack.name}</dd>
        <dt>Checked as</dt>
        <dd data-testid="account">
          {report
            ? `${report.account === 'official' ? 'An official' : 'A personal'} account${report.identity ? ` (${report.identity})` : ''}`
            : 'A personal account, unless the site shows an official one'}
        </dd>
        <dt>Settings</dt>
        <dd data-testid="managed">
          {state.locked
            ? 'Set and locked by your organisation'
            : state.isManaged
              ? 'Partly set by your organisation'
              : 'Set on this computer (not managed by an organisation)'}
        </dd>
      </dl>
      {state.problems.length > 0 && <ProblemList problems={state.problems} />}
      <Draft report={report} inTab={inTab} />
      <p>
        <button type="button" onClick={openOptions}>
          Settings
        </button>
      </p>
    </>
  );
}

function Draft({ report, inTab }: { report: DraftReport | null; inTab: boolean }) {
  if (!inTab)
    return (
      <p class="notice" data-testid="status">
        There is no post being written here. Second Look checks posts in the Facebook, X and Instagram composers.
      </p>
    );
  if (!report || (report.text.trim() === '' && !report.images?.length))
    return (
      <p class="notice" data-testid="status">
        There is no post being written in this tab yet. Start typing in a composer and open this again.
      </p>
    );
  const { findings } = report;
  const images = report.images ?? [];
  const unchecked = images.filter((i) => i.status !== 'checked');
  return (
    <>
      <h2 id="draft-heading">Your draft</h2>
      {report.text.trim() === '' ? (
        <p class="muted" data-testid="draft">
          (no text yet)
        </p>
      ) : (
        <DraftText text={report.text} findings={findings.filter((f) => !f.image)} />
      )}
      {images.length > 0 && <Images images={images} />}
      {findings.length === 0 ? (
        unchecked.length === 0 && (
          <p class="ok" data-testid="status">
            ✓ Nothing found: this draft follows the policy as far as Second Look can tell.
          </p>
        )
      ) : (
        <Findings findings={findings} thumbnails={report.thumbnails ?? []} />
      )}
    </>
  );
}

const IMAGE_STATUS = {
  checking: '… Being checked',
  checked: '✓ Checked',
  failed: '⛔ Not fully checked',
} as const;

/** The attached images and how far each was checked; one not fully checked is never a pass. */
function Images({ images }: { images: AttachmentStatus[] }) {
  return (
    <section aria-labelledby="images-heading" data-testid="images">
      <h3 id="images-heading">Attached images</h3>
      <ul class="images">
        {images.map((image, i) => (
          <li key={i} data-status={image.status}>
            <span class="image-name">{image.name}</span>: <span class={`image-status ${image.status}`}>{IMAGE_STATUS[image.status]}</span>
            {image.status === 'failed' && (
              <div class="problem">
                <p>Second Look could not check all of this image, so look at it yourself before posting:</p>
                <ul>
                  {image.errors.map((e, j) => (
                    <li key={j}>{e}</li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The draft as text (never as HTML), with the flagged words marked. */
function DraftText({ text, findings }: { text: string; findings: Finding[] }) {
  const parts: (string | { text: string; rule: RuleId })[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at || f.end > text.length) continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push({ text: text.slice(f.start, f.end), rule: f.rule });
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p class="draft" aria-labelledby="draft-heading" data-testid="draft">
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i} title={ruleLabel(p.rule)}>{p.text}</mark>))}
    </p>
  );
}

function Findings({ findings, thumbnails }: { findings: Finding[]; thumbnails: (string | null)[] }) {
  // Grouped by rule, in the order each rule is first met in the draft.
  const groups = new Map<RuleId, Finding[]>();
  for (const f of [...findings].sort((a, b) => a.start - b.start)) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return (
    <>
      <h2>{findings.length === 1 ? '1 thing to check' : `${findings.length} things to check`}</h2>
      {[...groups].map(([rule, list]) => (
        <section key={rule} class="rule" aria-labelledby={`rule-${rule}`} data-rule-group={rule}>
          <h3 id={`rule-${rule}`}>
            {ruleLabel(rule)} <span class="muted">({list.length})</span>
          </h3>
          <ul class="findings">
            {list.map((f, i) => (
              <FindingItem key={i} finding={f} thumbnail={f.image ? (thumbnails[f.image.index] ?? null) : null} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function FindingItem({ finding: f, thumbnail }: { finding: Finding; thumbnail: string | null }) {
  const severity = SEVERITY[f.severity];
  const image = f.image;
  return (
    <li class="finding" data-rule={f.rule} data-severity={f.severity}>
      <p>
        <span class={`severity ${f.severity}`}>
          <span aria-hidden="true">{severity.symbol} </span>
          {severity.text}
        </span>
      </p>
      {image ? (
        <>
          <p class="excerpt">
            <span class="muted">In the attached image: </span>
            {image.name}
            {f.excerpt !== image.name && <> (“{f.excerpt}”)</>}
          </p>
          {thumbnail && (
            <div class="thumbnail">
              <img src={thumbnail} alt={`The attached image ${image.name}, with what was found boxed`} />
              {image.boxes.map((b, i) => (
                <span key={i} class="box" data-box style={{ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` }} />
              ))}
            </div>
          )}
        </>
      ) : (
        <p class="excerpt">
          <span class="muted">In your draft: </span>“{f.excerpt}”
        </p>
      )}
      <p class="reason">{f.message}</p>
      {f.why && (
        <p class="why muted">
          Why it was flagged: {explainWhy(f)}. How sure: {describeScore(f.score)}
        </p>
      )}
      <figure class="clause">
        <blockquote>{f.clause.quote}</blockquote>
        <figcaption class="muted">
          {policyName(f.clause.pack)}, “{f.clause.section}”
        </figcaption>
      </figure>
      {f.suggestion && (
        <p class="suggestion">
          Suggestion: <q>{f.suggestion}</q>
        </p>
      )}
    </li>
  );
}
