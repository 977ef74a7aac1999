import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILT_IN_PACK_IDS, builtInPack, isBuiltInPack } from '../../packs';
import { RULE_LABELS } from '../../content/labels';
import { PLATFORMS, TEXT_RULE_IDS, type Platform, type RuleId, type Severity } from '../../rules/ids';
import { hashPupilNames, parseRoster } from '../../rules/roster';
import type { Settings } from '../../rules/settings';
import { isLockedField, mergeSettings, type PackFile, type SettingsState } from '../../settings/resolve';
import { formatIssue, validatePack, validateSettings, type Issue } from '../../settings/validate';
import { ProblemList } from '../ProblemList';
import { Field, FieldErrors, Locked, describedBy } from './Field';
import { LIST_FIELDS, formFromSettings, groupIssues, settingsFromForm, type FormState, type ListField } from './model';
import { parseJsonText } from './json';

/** What the options page needs from storage (settings/store.ts), passed in by the entrypoint. */
export interface OptionsStore {
  load(): Promise<{ state: SettingsState; packFile: PackFile | null }>;
  /** Saves the pack file (undefined: leave it as it is) and then the settings; returns the settings' problems. */
  save(settings: Record<string, unknown>, packFile: PackFile | null | undefined): Promise<Issue[]>;
  watch(onChange: () => void): () => void;
  download(fileName: string, json: string): void;
}

const LIST_TEXT: Record<ListField, { label: string; hint: string }> = {
  'organisation.names': { label: 'Names of the trust and its schools', hint: 'One a line, as people write them (e.g. Penrice Primary Academy, Penrice).' },
  'organisation.hashtags': { label: 'Official hashtags', hint: 'One a line, e.g. #PenricePride.' },
  'organisation.straplines': { label: 'Straplines and mottos', hint: 'One a line.' },
  'organisation.handles': { label: "The organisation's own handles", hint: 'One a line, e.g. @PenricePrimary.' },
  allowedHandles: { label: 'Other handles that may be mentioned', hint: 'One a line: partner organisations, the local authority and so on.' },
};

const PLATFORM_NAMES: Record<Platform, string> = { facebook: 'Facebook', x: 'X (Twitter)', instagram: 'Instagram' };

const idOf = (field: string) => field.replace(/[^A-Za-z0-9-]/g, '-');

type Status = { kind: 'ok' | 'bad' | 'info'; text: string } | null;

export function Options({ store }: { store: OptionsStore }) {
  const [state, setState] = useState<SettingsState | null>(null);
  const [packFile, setPackFile] = useState<PackFile | null>(null);
  /** A pack file imported on this page and not yet saved (null: remove the saved one). */
  const [pendingPack, setPendingPack] = useState<PackFile | null | undefined>(undefined);
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Map<string, string[]>>(new Map());
  const [status, setStatus] = useState<Status>(null);
  const dirty = useRef(false);

  const reload = async (resetForm: boolean) => {
    const loaded = await store.load();
    setState(loaded.state);
    setPackFile(loaded.packFile);
    if (resetForm || !dirty.current) {
      const merged = mergeSettings(loaded.state.local, loaded.state.managed);
      const next = formFromSettings(merged);
      // Plain names and locks in the form are only ever the page's own (never the organisation's).
      next.rest = formFromSettings(loaded.state.local).rest;
      setForm(next);
      dirty.current = false;
    }
  };

  useEffect(() => {
    void reload(true);
    return store.watch(() => void reload(false));
  }, []);

  if (!state || !form) return <main class="options"><h1>Second Look settings</h1><p aria-live="polite">Loading…</p></main>;

  const locked = (field: string) => isLockedField(state, field);
  const update = (change: (f: FormState) => FormState) => {
    dirty.current = true;
    setForm(change(structuredClone(form)));
    setStatus(null);
  };
  const packOf = (id: string) => (isBuiltInPack(id) ? builtInPack(id) : (pendingPack !== undefined ? pendingPack : packFile)?.pack ?? null);
  const activePack = packOf(form.pack) ?? builtInPack('default');
  const currentPackFile = pendingPack !== undefined ? pendingPack : packFile;

  const save = async (event: Event) => {
    event.preventDefault();
    const candidate = keepOrganisationFields(settingsFromForm(hashPlainNames(form)), state);
    const issues: Issue[] = [];
    const checked = validateSettings(candidate);
    if (!checked.settings) issues.push(...checked.issues);
    const pack = candidate.pack;
    if (typeof pack === 'string' && !isBuiltInPack(pack) && currentPackFile?.name !== pack)
      issues.push({ path: ['pack'], message: `"${pack}" is not a built-in pack: import the pack file of that name` });
    if (issues.length) {
      setErrors(groupIssues(issues));
      setStatus({ kind: 'bad', text: `Not saved: ${issues.length === 1 ? 'one problem needs' : `${issues.length} problems need`} fixing (shown beside the fields).` });
      return;
    }
    const saveIssues = await store.save(candidate, pendingPack);
    if (saveIssues.length) {
      setErrors(groupIssues(saveIssues));
      setStatus({ kind: 'bad', text: 'Not saved: see the problems beside the fields.' });
      return;
    }
    setErrors(new Map());
    setPendingPack(undefined);
    dirty.current = false;
    await reload(true);
    setStatus({ kind: 'ok', text: '✓ Saved. Posts being written now are checked with these settings at once.' });
  };

  const importPack = async (file: File) => {
    const parsed = parseJsonText(await file.text());
    if (!parsed.ok) {
      setErrors(new Map([...errors, ['packFile', [`${file.name}: ${parsed.error}`]]]));
      return;
    }
    const checked = validatePack(parsed.value);
    if (!checked.pack) {
      setErrors(new Map([...errors, ['packFile', packIssueText(checked.issues, file.name)]]));
      return;
    }
    const next = new Map(errors);
    next.delete('packFile');
    next.delete('pack');
    setErrors(next);
    setPendingPack({ name: file.name, pack: checked.pack });
    update((f) => ({ ...f, pack: file.name }));
    setStatus({ kind: 'info', text: `Pack "${checked.pack.name}" imported from ${file.name}. Press Save to use it.` });
  };

  const importSettings = async (file: File) => {
    const parsed = parseJsonText(await file.text());
    if (!parsed.ok) {
      setErrors(new Map([['file', [`${file.name}: ${parsed.error}`]]]));
      setStatus({ kind: 'bad', text: `${file.name} was not imported: it is not valid JSON.` });
      return;
    }
    const checked = validateSettings(parsed.value);
    if (!checked.settings) {
      setErrors(groupIssues(checked.issues));
      setStatus({ kind: 'bad', text: `${file.name} was not imported: ${checked.issues.length === 1 ? 'one problem' : `${checked.issues.length} problems`}, shown beside the fields.` });
      return;
    }
    const next = formFromSettings(checked.settings);
    const hashed = hashPlainNames(next);
    dirty.current = true;
    setForm(hashed);
    setErrors(new Map());
    const plain = checked.settings.pupilNames?.length ?? 0;
    setStatus({
      kind: 'info',
      text: `Imported ${file.name}.${plain ? ` Its ${plain} pupil names were turned into hashes; the names themselves are not kept.` : ''} Press Save to use these settings.`,
    });
  };

  const exportSettings = () => {
    const settings = validateSettings(settingsFromForm(hashPlainNames(formFromSettings(mergeSettings(state.local, state.managed)))));
    const json = JSON.stringify(settings.settings ?? {}, null, 2) + '\n';
    store.download('second-look-settings.json', json);
    setStatus({ kind: 'info', text: 'Exported the settings in force as second-look-settings.json (pupil names only as hashes).' });
  };

  const allLocked = state.locked;
  return (
    <main class="options">
      <h1>Second Look settings</h1>
      {state.isManaged && (
        <p class="notice" data-testid="managed-notice">
          <span aria-hidden="true">🔒 </span>
          {allLocked
            ? 'Your organisation manages these settings and has locked them: they cannot be changed here.'
            : 'Your organisation manages some of these settings: those marked “Set by your organisation” cannot be changed here.'}
        </p>
      )}
      {state.problems.length > 0 && <ProblemList problems={state.problems} />}
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset disabled={allLocked || locked('pack')} data-field="pack">
          <legend>
            Policy pack{locked('pack') && <Locked />}
          </legend>
          <p class="hint">Which policy drafts are checked against. Each finding quotes its clause.</p>
          {[...BUILT_IN_PACK_IDS, ...(currentPackFile ? [currentPackFile.name] : [])].map((id) => {
            const pack = packOf(id);
            return (
              <label class="radio" key={id}>
                <input
                  type="radio"
                  name="pack"
                  value={id}
                  checked={form.pack === id}
                  onChange={() => update((f) => ({ ...f, pack: id }))}
                />
                {pack ? pack.name : id}
                {!isBuiltInPack(id) && <span class="muted"> (imported from {id})</span>}
              </label>
            );
          })}
          <FieldErrors id="pack-error" errors={errors.get('pack')} />
          <div class="field" data-field="packFile">
            <label for="pack-file">Import a pack file (JSON)</label>
            <input
              id="pack-file"
              type="file"
              accept=".json,application/json"
              aria-describedby={describedBy('pack-file', false, errors.get('packFile'))}
              onChange={(e) => {
                const file = (e.currentTarget as HTMLInputElement).files?.[0];
                if (file) void importPack(file);
              }}
            />
            <FieldErrors id="pack-file-error" errors={errors.get('packFile')} />
          </div>
        </fieldset>

        <fieldset disabled={allLocked}>
          <legend>Your organisation</legend>
          {LIST_FIELDS.filter((f) => f !== 'allowedHandles').map((field) => (
            <ListInput key={field} field={field} form={form} errors={errors.get(field)} locked={locked(field)} update={update} />
          ))}
          <OfficialAccounts form={form} errors={errors.get('officialAccounts')} locked={locked('officialAccounts')} update={update} />
          <Field id="disclaimer" field="disclaimer" label="Disclaimer for personal accounts" errors={errors.get('disclaimer')} locked={locked('disclaimer')}
            hint='What staff add to personal posts that name the school, e.g. "Views are my own and not those of my employer."'>
            <input
              id="disclaimer"
              type="text"
              value={form.disclaimer}
              disabled={locked('disclaimer')}
              aria-invalid={errors.has('disclaimer') || undefined}
              aria-describedby={describedBy('disclaimer', true, errors.get('disclaimer'))}
              onInput={(e) => {
                const value = (e.currentTarget as HTMLInputElement).value;
                update((f) => ({ ...f, disclaimer: value }));
              }}
            />
          </Field>
          <ListInput field="allowedHandles" form={form} errors={errors.get('allowedHandles')} locked={locked('allowedHandles')} update={update} />
        </fieldset>

        <fieldset disabled={allLocked}>
          <legend>Rules</legend>
          <p class="hint">
            The rules of “{activePack.name}”. Turn one off, or make it block posting (“Must change”) or only warn (“Post anyway” allowed).
          </p>
          <RulesTable form={form} state={state} pack={activePack} errors={errors} update={update} />
        </fieldset>

        <fieldset disabled={allLocked}>
          <legend>Pupil list</legend>
          <PupilList form={form} errors={errors.get('pupilNameHashes')} locked={locked('pupilNameHashes') || locked('pupilNames')} update={update} setErrors={(list) => {
            const next = new Map(errors);
            if (list.length) next.set('pupilNameHashes', list);
            else next.delete('pupilNameHashes');
            setErrors(next);
          }} setStatus={setStatus} />
        </fieldset>

        <FieldErrors id="file-error" errors={errors.get('file')} />
        <div class="actions">
          <button type="submit" class="primary" disabled={allLocked}>
            Save
          </button>
          <p role="status" aria-live="polite" class={`status ${status?.kind ?? ''}`} data-testid="status">
            {status?.text ?? ''}
          </p>
        </div>
      </form>

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Settings file</h2>
        <p class="hint">
          The same JSON file the command line reads and trust IT deploys (see docs/deploy.md). Importing fills in this page;
          press Save to use it.
        </p>
        <div class="field" data-field="file">
          <label for="settings-file">Import a settings file</label>
          <input
            id="settings-file"
            type="file"
            accept=".json,application/json"
            disabled={allLocked}
            aria-describedby={describedBy('settings-file', false, errors.get('file'))}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void importSettings(file).finally(() => (input.value = ''));
            }}
          />
          <FieldErrors id="settings-file-error" errors={errors.get('file')} />
        </div>
        <button type="button" onClick={exportSettings}>
          Export the settings
        </button>
      </section>
    </main>
  );
}

function packIssueText(issues: Issue[], fileName: string): string[] {
  return issues.map((i) => `${fileName}: ${formatIssue(i)}`);
}

/** Plain pupil names (from an imported file) become hashes before anything is kept. */
function hashPlainNames(form: FormState): FormState {
  const names = form.rest.pupilNames;
  if (!names?.length) return form;
  const existing = form.pupilNameHashes;
  const added = hashPupilNames(names, existing?.key);
  const hashes = existing ? [...new Set([...existing.hashes, ...added.hashes])].sort() : added.hashes;
  const { pupilNames: _plain, ...rest } = form.rest;
  return { ...form, rest, pupilNameHashes: { key: added.key, hashes, count: (existing?.count ?? 0) + added.count } };
}

/**
 * The organisation's fields stay as the page's own saved values: what the organisation set is
 * in force anyway, and must not be copied into the page's settings.
 */
function keepOrganisationFields(candidate: Record<string, unknown>, state: SettingsState): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(candidate);
  const local = state.local as Record<string, unknown>;
  for (const field of state.lockedFields) {
    const [key, sub] = field.split('.') as [string, string | undefined];
    if (!sub) {
      if (local[key] === undefined) delete out[key];
      else out[key] = local[key];
      continue;
    }
    const mine = (local[key] as Record<string, unknown> | undefined)?.[sub];
    const target = { ...(out[key] as Record<string, unknown> | undefined) };
    if (mine === undefined) delete target[sub];
    else target[sub] = mine;
    if (Object.keys(target).length) out[key] = target;
    else delete out[key];
  }
  return out;
}

function ListInput(props: { field: ListField; form: FormState; errors?: string[] | undefined; locked: boolean; update(change: (f: FormState) => FormState): void }) {
  const { field, form, errors, locked, update } = props;
  const id = idOf(field);
  const text = LIST_TEXT[field];
  return (
    <Field id={id} field={field} label={text.label} hint={text.hint} errors={errors} locked={locked}>
      <textarea
        id={id}
        rows={3}
        value={form.lists[field]}
        disabled={locked}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, true, errors)}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          update((f) => ({ ...f, lists: { ...f.lists, [field]: value } }));
        }}
      />
    </Field>
  );
}

function OfficialAccounts(props: { form: FormState; errors?: string[] | undefined; locked: boolean; update(change: (f: FormState) => FormState): void }) {
  const { form, errors, locked, update } = props;
  const set = (i: number, change: Partial<FormState['officialAccounts'][number]>) =>
    update((f) => ({ ...f, officialAccounts: f.officialAccounts.map((a, j) => (j === i ? { ...a, ...change } : a)) }));
  return (
    <div class={`field${errors?.length ? ' invalid' : ''}`} data-field="officialAccounts" role="group" aria-labelledby="accounts-label" aria-describedby="accounts-hint">
      <span class="label" id="accounts-label">
        Official accounts{locked && <Locked />}
      </span>
      <p class="hint" id="accounts-hint">
        Pages and handles that post for the organisation. Drafts posted from them are checked as official; any other as personal.
        The organisation's own handles and names above count too.
      </p>
      {form.officialAccounts.map((account, i) => (
        <div class="row" key={i}>
          <label class="sr-only" for={`account-platform-${i}`}>
            Account {i + 1}: site
          </label>
          <select id={`account-platform-${i}`} value={account.platform} disabled={locked} onChange={(e) => set(i, { platform: (e.currentTarget as HTMLSelectElement).value as Platform })}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
          <label class="sr-only" for={`account-name-${i}`}>
            Account {i + 1}: page name or handle
          </label>
          <input
            id={`account-name-${i}`}
            type="text"
            value={account.name}
            disabled={locked}
            placeholder="Page name or @handle"
            onInput={(e) => set(i, { name: (e.currentTarget as HTMLInputElement).value })}
          />
          <button type="button" disabled={locked} onClick={() => update((f) => ({ ...f, officialAccounts: f.officialAccounts.filter((_, j) => j !== i) }))}>
            Remove<span class="sr-only"> account {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" disabled={locked} onClick={() => update((f) => ({ ...f, officialAccounts: [...f.officialAccounts, { platform: 'facebook', name: '' }] }))}>
        Add an account
      </button>
      <FieldErrors id="accounts-error" errors={errors} />
    </div>
  );
}

function RulesTable(props: {
  form: FormState;
  state: SettingsState;
  pack: ReturnType<typeof builtInPack>;
  errors: Map<string, string[]>;
  update(change: (f: FormState) => FormState): void;
}) {
  const { form, state, pack, errors, update } = props;
  const rules = TEXT_RULE_IDS.filter((id) => pack.rules[id] !== undefined);
  const lockedRules = new Set<RuleId>([...(state.managed.lockedRules ?? [])]);
  const setRule = (id: RuleId, change: { enabled?: boolean; severity?: Severity | undefined }) =>
    update((f) => {
      const current = { ...f.rules[id], ...change };
      if (current.severity === undefined) delete current.severity;
      if (current.enabled !== false) delete current.enabled;
      return { ...f, rules: { ...f.rules, [id]: current } };
    });
  return (
    <table class="rules">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Check</th>
          <th scope="col">When found</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((id) => {
          const field = `rules.${id}`;
          const forced = lockedRules.has(id);
          const locked = forced || isLockedField(state, field);
          const rule = form.rules[id] ?? {};
          const packSeverity = pack.rules[id]!.severity;
          const err = errors.get(field);
          return (
            <tr key={id} data-field={field} data-rule={id}>
              <th scope="row">
                {RULE_LABELS[id]}
                {locked && <Locked />}
                {forced && <span class="muted"> (always on, always blocks)</span>}
                <FieldErrors id={`rule-${id}-error`} errors={err} />
              </th>
              <td>
                <label class="radio">
                  <input
                    type="checkbox"
                    checked={forced || rule.enabled !== false}
                    disabled={locked}
                    onChange={(e) => setRule(id, { enabled: (e.currentTarget as HTMLInputElement).checked })}
                  />
                  On<span class="sr-only">: {RULE_LABELS[id]}</span>
                </label>
              </td>
              <td>
                <label class="sr-only" for={`rule-${id}-severity`}>
                  {RULE_LABELS[id]}: when found
                </label>
                <select
                  id={`rule-${id}-severity`}
                  value={forced ? 'block' : (rule.severity ?? '')}
                  disabled={locked || rule.enabled === false}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value;
                    setRule(id, { severity: value === '' ? undefined : (value as Severity) });
                  }}
                >
                  <option value="">As the pack says ({packSeverity === 'block' ? 'must change' : 'warn'})</option>
                  <option value="block">Must change (no “Post anyway”)</option>
                  <option value="warn">Warn (“Post anyway” allowed)</option>
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PupilList(props: {
  form: FormState;
  errors?: string[] | undefined;
  locked: boolean;
  update(change: (f: FormState) => FormState): void;
  setErrors(errors: string[]): void;
  setStatus(status: Status): void;
}) {
  const { form, errors, locked, update, setErrors, setStatus } = props;
  const [pasted, setPasted] = useState('');
  const count = form.pupilNameHashes?.count ?? 0;
  const load = (text: string, from: string) => {
    const roster = parseRoster(text);
    const problems = roster.errors.map((e) => `${from}, line ${e.line}: ${e.message}`);
    if (roster.names.length === 0) {
      setErrors([...problems, `${from}: no names found. Use a CSV export with a first name column, or one name a line.`]);
      return;
    }
    const hashed = hashPupilNames(roster.names);
    update((f) => ({ ...f, pupilNameHashes: hashed, rest: { ...f.rest, pupilNames: undefined } }));
    setPasted('');
    setErrors(problems);
    setStatus({ kind: 'info', text: `${hashed.count} pupil names hashed. Press Save to use the list.` });
  };
  return (
    <>
      <p class="hint" id="pupil-hint">
        Drafts are checked for these names, misspellings included. The names are kept only as keyed hashes, never in plain text,
        and are never exported in plain text.
      </p>
      <p data-testid="pupil-count" data-field="pupilNameHashes">
        {count ? `${count} ${count === 1 ? 'name' : 'names'} loaded (stored only as hashes).` : 'No pupil list loaded.'}
        {locked && <Locked />}
      </p>
      <div class="field">
        <label for="pupil-file">Import a pupil list: a CSV export from your MIS (first name, surname, preferred name columns) or a text file, one name a line</label>
        <input
          id="pupil-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          disabled={locked}
          aria-describedby={describedBy('pupil', true, errors)}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void file.text().then((text) => load(text, file.name)).finally(() => (input.value = ''));
          }}
        />
      </div>
      <div class="field">
        <label for="pupil-paste">Or paste names, one a line</label>
        <textarea id="pupil-paste" rows={4} value={pasted} disabled={locked} aria-describedby={describedBy('pupil', true, errors)} onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="actions">
        <button type="button" disabled={locked || !pasted.trim()} onClick={() => load(pasted, 'Pasted list')}>
          Hash the pasted names
        </button>
        <button type="button" disabled={locked || count === 0} onClick={() => update((f) => ({ ...f, pupilNameHashes: null }))}>
          Remove the pupil list
        </button>
      </div>
      <FieldErrors id="pupil-error" errors={errors} />
    </>
  );
}

export type { Settings };
