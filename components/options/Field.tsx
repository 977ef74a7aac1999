import type { ComponentChildren } from 'preact';

/** A labelled control with its hint, its lock and its validation errors right beside it. */
export function Field(props: {
  id: string;
  /** The settings field it edits ("organisation.names"), for the page's error map and tests. */
  field: string;
  label: string;
  hint?: ComponentChildren;
  errors?: string[] | undefined;
  locked?: boolean;
  children: ComponentChildren;
}) {
  const { id, field, label, hint, errors, locked, children } = props;
  return (
    <div class={`field${errors?.length ? ' invalid' : ''}`} data-field={field}>
      <label for={id}>
        {label}
        {locked && <Locked />}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} class="field-error" data-testid="field-error">
      {errors.map((e, i) => (
        <li key={i}>
          <span aria-hidden="true">✖ </span>
          {e}
        </li>
      ))}
    </ul>
  );
}

export function Locked() {
  return (
    <span class="locked" data-locked="true">
      <span aria-hidden="true"> 🔒</span> Set by your organisation
    </span>
  );
}

/** aria-describedby for a control: its hint and its errors, when shown. */
export function describedBy(id: string, hint: boolean, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
