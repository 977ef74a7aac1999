import type { Lifetime } from './lifetime';
import type { SettingsState } from '../settings/resolve';
import { followSettings } from '../settings/store';
import { settingsVersion } from '../settings/version';
import { requestCheck } from './check-client';
import { SecondLook } from './controller';
import type { CheckConfig } from './session';
import { adaptersFor } from './sites';

export { SITE_MATCHES } from './sites/matches';

function configOf(state: SettingsState): CheckConfig {
  return { settings: state.settings, version: settingsVersion(state) };
}

export function startSecondLook(ctx: Lifetime): void {
  const adapters = adaptersFor(location.hostname);
  if (adapters.length === 0) return;
  let secondLook: SecondLook | null = null;
  // The first settings start the checker; later ones (the organisation's policy once the browser
  // has it, changes from the options page or the policy) apply at once, to open drafts too.
  const stop = followSettings((state) => {
    if (ctx.isInvalid) return;
    if (secondLook) secondLook.updateSettings(configOf(state));
    else {
      secondLook = new SecondLook(ctx, adapters, configOf(state), requestCheck);
      secondLook.start();
    }
  });
  ctx.onInvalidated(stop);
}
