import { useState } from 'preact/hooks';
import { hashPupilNames, parseRoster } from '../../settings/roster';
import { FieldErrors, Locked, describedBy } from './Field';
import type { FormState, Status, Update } from './model';

/** The pupil list: imported (an MIS export or one name a line) or pasted, and kept only as hashes. */
export function PupilList(props: {
  form: FormState;
  errors?: string[] | undefined;
  locked: boolean;
  update: Update;
  setErrors(errors: string[]): void;
  setStatus(status: Status): void;
}) {
  const { form, errors, locked, update, setErrors, setStatus } = props;
  const [pasted, setPasted] = useState('');
  const count = form.pupilNameHashes?.count ?? 0;
  const load = async (text: string, from: string) => {
    const roster = parseRoster(text);
    const problems = roster.errors.map((e) => `${from}, line ${e.line}: ${e.message}`);
    if (roster.names.length === 0) {
      setErrors([...problems, `${from}: no names found. Use a CSV export with a first name column, or one name a line.`]);
      return;
    }
    setStatus({ kind: 'info', text: `Hashing ${roster.names.length} pupil names…` });
    const hashed = await hashPupilNames(roster.names, {
      progress: (done, total) => {
        if (done % 10 === 0) setStatus({ kind: 'info', text: `Hashing ${roster.names.length} pupil names: ${Math.round((100 * done) / total)}%…` });
      },
    });
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
