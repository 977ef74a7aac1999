import type { SettingsProblem } from '../settings/resolve';
import { jsonPath } from '../settings/validate';

const SOURCE = {
  local: 'The settings saved on this computer',
  managed: "Your organisation's settings",
  'pack-file': 'The imported pack file',
} as const;

/** Problems with the stored settings, with what is in force instead. */
export function ProblemList({ problems }: { problems: SettingsProblem[] }) {
  const fallbacks = [...new Set(problems.map((p) => p.fallback))];
  return (
    <div class="problem" role="alert" data-testid="problems">
      <p>
        <strong>⚠ There is a problem with the settings.</strong> Checking goes on.
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {SOURCE[p.source]}: <code>{jsonPath(p.path)}</code>: {p.message}
          </li>
        ))}
      </ul>
      {fallbacks.map((f) => (
        <p key={f}>{f}</p>
      ))}
    </div>
  );
}
