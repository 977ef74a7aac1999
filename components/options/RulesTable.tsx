import type { Pack } from '../../packs/schema';
import { THRESHOLDS, type Severity } from '../../rules/engine/ids';
import { ruleLabel, TEXT_RULE_IDS, type RuleId } from '../../rules/engine/facts';
import { isLockedField, type SettingsState } from '../../settings/resolve';
import { FieldErrors, Locked } from './Field';
import type { FormState, Update } from './model';

/** The thresholds a rule can be given here (a settings file may give any from 0 to 1). */
const THRESHOLD_LABELS = new Map<number, string>([
  [THRESHOLDS.strict, `Show more (score at least ${THRESHOLDS.strict})`],
  [THRESHOLDS.balanced, `Balanced (score at least ${THRESHOLDS.balanced})`],
  [THRESHOLDS.relaxed, `Only the surest (score at least ${THRESHOLDS.relaxed})`],
]);
const THRESHOLD_CHOICES = [...THRESHOLD_LABELS.keys()];

/** The pack's rules, each with on/off and what happens when it finds something. */
export function RulesTable(props: {
  form: FormState;
  state: SettingsState;
  pack: Pack;
  errors: Map<string, string[]>;
  update: Update;
}) {
  const { form, state, pack, errors, update } = props;
  const rules = TEXT_RULE_IDS.filter((id) => pack.rules[id] !== undefined);
  const lockedRules = new Set<RuleId>([...(state.managed.lockedRules ?? [])]);
  const setRule = (id: RuleId, change: { enabled?: boolean; severity?: Severity | undefined; threshold?: number | undefined }) =>
    update((f) => {
      const current = { ...f.rules[id], ...change };
      if (current.severity === undefined) delete current.severity;
      if (current.threshold === undefined) delete current.threshold;
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
          <th scope="col">How sure</th>
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
                {ruleLabel(id)}
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
                  On<span class="sr-only">: {ruleLabel(id)}</span>
                </label>
              </td>
              <td>
                <label class="sr-only" for={`rule-${id}-severity`}>
                  {ruleLabel(id)}: when found
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
              <td>
                <label class="sr-only" for={`rule-${id}-threshold`}>
                  {ruleLabel(id)}: how sure a finding must be
                </label>
                <select
                  id={`rule-${id}-threshold`}
                  value={rule.threshold === undefined ? '' : String(rule.threshold)}
                  disabled={locked || rule.enabled === false}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value;
                    setRule(id, { threshold: value === '' ? undefined : Number(value) });
                  }}
                >
                  <option value="">As the sensitivity says</option>
                  {THRESHOLD_CHOICES.filter((t) => t !== rule.threshold).concat(rule.threshold === undefined ? [] : [rule.threshold])
                    .sort((a, b) => a - b)
                    .map((t) => (
                      <option key={t} value={String(t)}>
                        {THRESHOLD_LABELS.get(t) ?? `Score at least ${t}`}
                      </option>
                    ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
