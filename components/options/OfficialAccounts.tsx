import { PLATFORMS, type Platform } from '../../rules/engine/ids';
import { FieldErrors, Locked } from './Field';
import type { FormState, Update } from './model';

const PLATFORM_NAMES: Record<Platform, string> = { facebook: 'Facebook', x: 'X (Twitter)', instagram: 'Instagram' };

/** The organisation's official pages and handles, one row each: site and name. */
export function OfficialAccounts(props: { form: FormState; errors?: string[] | undefined; locked: boolean; update: Update }) {
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
