import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { requestCheck } from './check-client';
import { SecondLook } from './controller';
import { loadSettings, watchSettings } from './settings';
import { adaptersFor } from './sites';

export { SITE_MATCHES } from './sites/matches';

export async function startSecondLook(ctx: ContentScriptContext): Promise<void> {
  const adapters = adaptersFor(location.hostname);
  if (adapters.length === 0) return;
  const secondLook = new SecondLook(ctx, adapters, await loadSettings(), requestCheck);
  if (ctx.isInvalid) return;
  secondLook.start();
  ctx.onInvalidated(watchSettings((settings) => secondLook.updateSettings(settings)));
}
