import { browser } from 'wxt/browser';
import type { FindingsCountMessage } from '../protocol/messages';

// Badge colours: red when a finding blocks posting, amber when all can be posted anyway.
const BLOCKING = '#b91c1c';
const WARNING = '#b45309';

/**
 * Shows on the toolbar button, per tab, how many findings the draft being edited there has.
 * Chrome clears per-tab badge state when the tab navigates, so a new page starts empty.
 */
export async function showFindingsCount(message: FindingsCountMessage, tabId: number): Promise<undefined> {
  const text = message.count > 0 ? String(message.count) : '';
  // Firefox's MV2 build has browserAction where MV3 has action; the badge calls are the same.
  const toolbar = browser.action ?? browser.browserAction;
  await Promise.all([
    toolbar.setBadgeText({ tabId, text }),
    toolbar.setBadgeBackgroundColor({ tabId, color: message.blocking ? BLOCKING : WARNING }),
  ]);
  return undefined;
}
