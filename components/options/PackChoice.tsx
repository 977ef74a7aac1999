import { BUILT_IN_PACK_IDS, isBuiltInPack } from '../../packs';
import type { Pack } from '../../packs/schema';
import type { PackFile } from '../../settings/resolve';
import { FieldErrors, Locked, describedBy } from './Field';
import type { FormState, Update } from './model';

/** Which policy pack drafts are checked against: a built-in one, or a pack file imported here. */
export function PackChoice(props: {
  form: FormState;
  packFile: PackFile | null;
  /** The school's own pack (drafted below, or set by the organisation), if there is one. */
  ownPack: { id: string; name: string } | null;
  packOf(id: string): Pack | null;
  errors: Map<string, string[]>;
  disabled: boolean;
  locked: boolean;
  update: Update;
  importPack(file: File): void;
}) {
  const { form, packFile, ownPack, packOf, errors, disabled, locked, update, importPack } = props;
  return (
    <fieldset disabled={disabled} data-field="pack">
      <legend>
        Policy pack{locked && <Locked />}
      </legend>
      <p class="hint">Which policy drafts are checked against. Each finding quotes its clause.</p>
      {[...BUILT_IN_PACK_IDS, ...(ownPack ? [ownPack.id] : []), ...(packFile ? [packFile.name] : [])].map((id) => {
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
            {id === ownPack?.id ? <span class="muted"> (your own policy)</span> : !isBuiltInPack(id) && <span class="muted"> (imported from {id})</span>}
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
            if (file) importPack(file);
          }}
        />
        <FieldErrors id="pack-file-error" errors={errors.get('packFile')} />
      </div>
    </fieldset>
  );
}
