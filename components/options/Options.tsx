import { useEffect, useRef, useState } from 'preact/hooks';
import { builtInPack, isBuiltInPack } from '../../packs';
import type { Pack } from '../../packs/schema';
import { isLockedField, type PackFile, type SettingsState } from '../../settings/resolve';
import { formatIssue, validatePack, validateSettings, type Issue } from '../../settings/validate';
import { ProblemList } from '../ProblemList';
import { Field, FieldErrors, describedBy } from './Field';
import { parseJsonText } from './json';
import { ListInput } from './ListInput';
import {
  LIST_FIELDS,
  exportedSettings,
  settingsInForce,
  formFromSettings,
  formFromState,
  groupIssues,
  hashPlainNames,
  candidateIssues,
  settingsToSave,
  type FormState,
  type Status,
  type Update,
} from './model';
import { OfficialAccounts } from './OfficialAccounts';
import { OwnPolicy } from './OwnPolicy';
import { PackChoice } from './PackChoice';
import { PupilList } from './PupilList';
import { RulesTable } from './RulesTable';
import type { OptionsStore } from './store';

/**
 * The options page: the organisation's settings, pack, rules and pupil list, each field
 * locked where the organisation set it, and the settings file to import and export. The form
 * and its merging live in model.ts; each part of the form is its own component.
 */
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
      setForm(formFromState(loaded.state));
      dirty.current = false;
    }
  };

  useEffect(() => {
    void reload(true);
    return store.watch(() => void reload(false));
  }, []);

  if (!state || !form) return <main class="options"><h1>Second Look settings</h1><p aria-live="polite">Loading…</p></main>;

  const locked = (field: string) => isLockedField(state, field);
  const update: Update = (change) => {
    dirty.current = true;
    setForm(change(structuredClone(form)));
    setStatus(null);
  };
  const packOf = (id: string) =>
    isBuiltInPack(id)
      ? builtInPack(id)
      : id === form.rest.ownPack?.id
        ? form.rest.ownPack
        : ((pendingPack !== undefined ? pendingPack : packFile)?.pack ?? null);
  const activePack = packOf(form.pack) ?? builtInPack('default');
  const currentPackFile = pendingPack !== undefined ? pendingPack : packFile;

  const save = async (event: Event) => {
    event.preventDefault();
    await saveForm(form);
  };

  /** Saves the form if it is valid; true when saved. */
  const saveForm = async (form: FormState): Promise<boolean> => {
    const candidate = await settingsToSave(form, state);
    const issues = candidateIssues(candidate, currentPackFile?.name);
    if (issues.length) {
      setErrors(groupIssues(issues));
      setStatus({ kind: 'bad', text: `Not saved: ${issues.length === 1 ? 'one problem needs' : `${issues.length} problems need`} fixing (shown beside the fields).` });
      return false;
    }
    let saveIssues: Issue[];
    try {
      saveIssues = await store.save(candidate, pendingPack);
    } catch (error) {
      // Storage full (a large pack file), or the browser refused: nothing was written.
      setStatus({ kind: 'bad', text: error instanceof Error ? error.message : `Not saved: ${String(error)}` });
      return false;
    }
    if (saveIssues.length) {
      setErrors(groupIssues(saveIssues));
      setStatus({ kind: 'bad', text: 'Not saved: see the problems beside the fields.' });
      return false;
    }
    setErrors(new Map());
    setPendingPack(undefined);
    dirty.current = false;
    await reload(true);
    setStatus({ kind: 'ok', text: '✓ Saved. Posts being written now are checked with these settings at once.' });
    return true;
  };

  /** The reviewed own pack becomes the pack in force, saved with the rest of the form. */
  const adoptOwnPack = async (pack: Pack): Promise<boolean> => {
    const next: FormState = { ...structuredClone(form), pack: pack.id, rest: { ...form.rest, ownPack: pack } };
    setForm(next);
    return saveForm(next);
  };

  const importPack = async (file: File) => {
    const parsed = parseJsonText(await file.text());
    if (!parsed.ok) {
      setErrors(new Map([...errors, ['packFile', [`${file.name}: ${parsed.error}`]]]));
      return;
    }
    const checked = validatePack(parsed.value);
    if (!checked.pack) {
      setErrors(new Map([...errors, ['packFile', checked.issues.map((i) => `${file.name}: ${formatIssue(i)}`)]]));
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
    const hashed = await hashPlainNames(next);
    dirty.current = true;
    setForm(hashed);
    setErrors(new Map());
    const plain = checked.settings.pupilNames?.length ?? 0;
    setStatus({
      kind: 'info',
      text: `Imported ${file.name}.${plain ? ` Its ${plain} pupil names were turned into hashes; the names themselves are not kept.` : ''} Press Save to use these settings.`,
    });
  };

  const exportSettings = async () => {
    store.download('second-look-settings.json', await exportedSettings(state));
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
        <PackChoice
          form={form}
          packFile={currentPackFile}
          ownPack={form.rest.ownPack ?? null}
          packOf={packOf}
          errors={errors}
          disabled={allLocked || locked('pack')}
          locked={locked('pack')}
          update={update}
          importPack={(file) => void importPack(file)}
        />

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
          <Field id="sensitivity" field="sensitivity" label="Sensitivity" errors={errors.get('sensitivity')} locked={locked('sensitivity')}
            hint="Each finding has a score for how sure the rule is. Strict shows more, including less certain findings; relaxed shows only the surest. A rule's own setting below wins.">
            <select
              id="sensitivity"
              value={form.sensitivity}
              disabled={locked('sensitivity')}
              aria-describedby={describedBy('sensitivity', true, errors.get('sensitivity'))}
              onChange={(e) => {
                const value = (e.currentTarget as HTMLSelectElement).value as FormState['sensitivity'];
                update((f) => ({ ...f, sensitivity: value }));
              }}
            >
              <option value="">Balanced (the default)</option>
              {form.sensitivity === 'balanced' && <option value="balanced">Balanced</option>}
              <option value="strict">Strict: show more, including less certain findings</option>
              <option value="relaxed">Relaxed: show only the surest findings</option>
            </select>
          </Field>
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

      <OwnPolicy
        disabled={allLocked || locked('pack') || locked('ownPack')}
        settingsInForce={async () => (await settingsInForce(state)) as Record<string, unknown>}
        usePack={adoptOwnPack}
        download={(name, json) => store.download(name, json)}
      />

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
