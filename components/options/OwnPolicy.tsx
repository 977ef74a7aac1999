import { useState } from 'preact/hooks';
import { ruleFacts } from '../../rules/engine/facts';
import { SEVERITIES, type Severity } from '../../rules/engine/ids';
import type { Pack } from '../../packs/schema';
import { formatIssue } from '../../settings/validate';
import { FieldErrors } from './Field';
import {
  checkedPack,
  contextOf,
  managedSettingsFile,
  MANAGED_VALUE_LIMIT,
  packFileJson,
  packIdFor,
  reviewFrom,
  type Review,
  type RuleReview,
} from './own-policy';

const SEVERITY_WORDS: Record<Severity, string> = { block: 'Must change (blocks posting)', warn: 'Warn (Post anyway allowed)' };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;

/**
 * "Use our own policy": the school's policy, pasted or picked as a file, drafted into a pack in
 * this page (draft-policy.ts, loaded on demand), reviewed rule by rule, then saved as the pack in
 * force or exported as a pack file and as a settings file for managed deployment.
 */
export function OwnPolicy(props: {
  disabled: boolean;
  /** The settings in force as a settings file would hold them, for the managed settings file. */
  settingsInForce(): Promise<Record<string, unknown>>;
  usePack(pack: Pack): Promise<boolean>;
  download(fileName: string, json: string): void;
}) {
  const { disabled, settingsInForce, usePack, download } = props;
  const [text, setText] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [policyName, setPolicyName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[]>([]);
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState('');

  const draft = async (input: { text: string } | { file: File }) => {
    setBusy(true);
    setError([]);
    setMessage('');
    try {
      const { draftPolicy, ExtractError } = await import('./draft-policy');
      const org = organisation.trim() || 'Our school';
      const options = { id: packIdFor(org), name: policyName.trim() || `${org} social media policy`, organisation: org };
      try {
        const drafted = await draftPolicy(input, options);
        setReview(reviewFrom(drafted.outcome, drafted.text, drafted.from));
      } catch (err) {
        setReview(null);
        setError([err instanceof ExtractError ? err.message : `The policy could not be drafted: ${(err as Error).message}`]);
      }
    } finally {
      setBusy(false);
    }
  };

  const change = (rule: RuleReview['rule'], edit: Partial<RuleReview>) => {
    if (!review) return;
    setReview({ ...review, rules: review.rules.map((r) => (r.rule === rule ? { ...r, ...edit } : r)) });
    setMessage('');
  };

  const built = () => {
    if (!review) return null;
    const checked = checkedPack(review);
    if (!checked.pack) {
      setError(checked.issues.map(formatIssue));
      return null;
    }
    setError([]);
    return checked.pack;
  };

  return (
    <section aria-labelledby="own-heading" class="own-policy" data-testid="own-policy">
      <h2 id="own-heading">Use our own policy</h2>
      <p class="hint">
        Paste your school's or trust's social media policy, or pick the file (.txt, .md, .pdf or .docx). Second Look
        proposes, for each rule, the clause of your policy that states it; you review each one, then save it as the
        pack drafts are checked against. The document is read in this page and sent nowhere.
      </p>
      <fieldset disabled={disabled || busy}>
        <legend>Your policy</legend>
        <div class="field">
          <label for="own-organisation">Organisation</label>
          <input id="own-organisation" type="text" value={organisation} placeholder="e.g. Riverside Academy Trust"
            onInput={(e) => setOrganisation((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="own-name">The policy's name</label>
          <input id="own-name" type="text" value={policyName} placeholder="e.g. Riverside Social Media Policy (2025)"
            onInput={(e) => setPolicyName((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="own-text">Paste the policy's text</label>
          <textarea id="own-text" rows={8} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          <button type="button" disabled={!text.trim()} onClick={() => void draft({ text })}>
            Draft from the pasted text
          </button>
        </div>
        <div class="field">
          <label for="own-file">Or pick the policy's file</label>
          <input id="own-file" type="file" accept=".txt,.md,.pdf,.docx,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="own-error"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void draft({ file }).finally(() => (input.value = ''));
            }} />
        </div>
        {busy && <p aria-live="polite">Reading the policy…</p>}
        <FieldErrors id="own-error" errors={error} />
      </fieldset>

      {review && (
        <div class="review" data-testid="own-review">
          <h3>Review: {review.name}</h3>
          <p class="hint">
            From {review.from}: {review.clauses.length} clauses. {review.rules.filter((r) => r.included).length} rules are proposed; rules
            your policy does not seem to state are left out, so they will not fire. For each rule, keep the proposed clause, choose another,
            set what happens when it is found, or leave the rule out.
          </p>
          <ol class="review-rules">
            {review.rules.map((r) => (
              <RuleRow key={r.rule} review={review} rule={r} change={(edit) => change(r.rule, edit)} />
            ))}
          </ol>
          {review.notCheckable.length > 0 && (
            <details>
              <summary>{review.notCheckable.length} clauses about posts that no rule checks (kept in the pack, marked not checkable)</summary>
              <ul>
                {review.notCheckable.map((n) => (
                  <li key={n.clause}>
                    “{review.clauses.find((c) => c.id === n.clause)?.quote}” <span class="muted">({n.reason})</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={disabled} onClick={() => {
              const pack = built();
              if (pack) void usePack(pack).then((ok) => ok && setMessage(`✓ “${pack.name}” is the pack in force.`));
            }}>
              Save as the pack in force
            </button>
            <button type="button" onClick={() => {
              const pack = built();
              if (!pack) return;
              download(`${pack.id}.json`, packFileJson(pack));
              setMessage(`Exported the pack as ${pack.id}.json.`);
            }}>
              Export the pack file
            </button>
            <button type="button" onClick={async () => {
              const pack = built();
              if (!pack) return;
              const file = managedSettingsFile(await settingsInForce(), pack);
              download('second-look-managed-settings.json', file.json);
              setMessage(
                file.tooLarge
                  ? `Exported second-look-managed-settings.json, but its ownPack is ${kb(file.ownPackBytes)}: over the ${kb(MANAGED_VALUE_LIMIT)} a managed policy value can safely hold (docs/deploy.md). Deploy the pack file instead.`
                  : `Exported second-look-managed-settings.json (ownPack ${kb(file.ownPackBytes)}, within the ${kb(MANAGED_VALUE_LIMIT)} a managed policy value can hold; see docs/deploy.md).`,
              );
            }}>
              Export a settings file for managed deployment
            </button>
          </div>
          <p role="status" aria-live="polite" class="status ok" data-testid="own-status">{message}</p>
        </div>
      )}
    </section>
  );
}

function RuleRow(props: { review: Review; rule: RuleReview; change(edit: Partial<RuleReview>): void }) {
  const { review, rule: r, change } = props;
  const facts = ruleFacts(r.rule);
  const id = `own-rule-${r.rule}`;
  const context = r.chosen ? contextOf(review, r.chosen) : null;
  const candidateIds = new Set(r.candidates.map((c) => c.clause));
  const chosen = review.clauses.find((c) => c.id === r.chosen);
  return (
    <li class={`review-rule ${r.included ? '' : 'left-out'}`} data-rule={r.rule} data-testid={id}>
      <div class="row">
        <label class="radio">
          <input type="checkbox" checked={r.included} disabled={!r.chosen} onChange={(e) => change({ included: (e.currentTarget as HTMLInputElement).checked })} />
          <strong>{facts.label}</strong>
        </label>
        <span class="muted">{r.proposed ? 'stated in your policy' : 'not found in your policy: left out unless you keep it'}</span>
      </div>
      <p class="hint">{facts.description}</p>
      {r.chosen && (
        <>
          <div class="field">
            <label for={`${id}-clause`}>Clause it cites</label>
            <select id={`${id}-clause`} value={r.chosen} disabled={!r.included} onChange={(e) => change({ chosen: (e.currentTarget as HTMLSelectElement).value })}>
              <optgroup label="Proposed, best first">
                {r.candidates.map((c, i) => (
                  <option key={c.clause} value={c.clause}>
                    {i + 1}. {clip(review.clauses.find((x) => x.id === c.clause)?.quote ?? c.clause)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Another clause of your policy">
                {review.clauses
                  .filter((c) => !candidateIds.has(c.id))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.section}: {clip(c.quote)}
                    </option>
                  ))}
              </optgroup>
            </select>
          </div>
          {chosen && context && (
            <blockquote class="context" data-testid={`${id}-context`}>
              <span class="muted">{chosen.section}</span>
              <br />
              <span class="muted">{context.before}</span>
              <mark>{context.clause}</mark>
              <span class="muted">{context.after}</span>
            </blockquote>
          )}
          {r.candidates.find((c) => c.clause === r.chosen)?.words.length ? (
            <p class="hint">Why: {r.candidates.find((c) => c.clause === r.chosen)!.words.join(', ')}</p>
          ) : null}
          <div class="field">
            <label for={`${id}-severity`}>When found</label>
            <select id={`${id}-severity`} value={r.severity} disabled={!r.included} onChange={(e) => change({ severity: (e.currentTarget as HTMLSelectElement).value as Severity })}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_WORDS[s]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </li>
  );
}

function clip(s: string, n = 110): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
