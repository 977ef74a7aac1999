import { Field, describedBy } from './Field';
import type { FormState, ListField, Update } from './model';

const LIST_TEXT: Record<ListField, { label: string; hint: string }> = {
  'organisation.names': { label: 'Names of the trust and its schools', hint: 'One a line, as people write them (e.g. Penrice Primary Academy, Penrice).' },
  'organisation.hashtags': { label: 'Official hashtags', hint: 'One a line, e.g. #PenricePride.' },
  'organisation.straplines': { label: 'Straplines and mottos', hint: 'One a line.' },
  'organisation.handles': { label: "The organisation's own handles", hint: 'One a line, e.g. @PenricePrimary.' },
  allowedHandles: { label: 'Other handles that may be mentioned', hint: 'One a line: partner organisations, the local authority and so on.' },
};

const idOf = (field: string) => field.replace(/[^A-Za-z0-9-]/g, '-');

/** A list setting (names, hashtags, handles) as a text box, one entry a line. */
export function ListInput(props: { field: ListField; form: FormState; errors?: string[] | undefined; locked: boolean; update: Update }) {
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
