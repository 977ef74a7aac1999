import { browser } from 'wxt/browser';
import { isDraftReport, type DraftReport, type GetFindingsMessage } from '../../protocol/messages';
import { loadSettingsState } from '../../settings/store';
import type { PopupData } from './Popup';

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=<id>` (so the page can be
 * opened in a tab of its own, as the browser tests do).
 */
async function targetTab(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export async function loadPopupData(): Promise<PopupData> {
  const [state, tabId] = await Promise.all([loadSettingsState(), targetTab()]);
  if (tabId === undefined) return { report: null, inTab: false, state };
  const message: GetFindingsMessage = { type: 'get-findings' };
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script there: not a Facebook, X or Instagram page.
    return { report: null, inTab: false, state };
  }
  const report: DraftReport | null = isDraftReport(answer) ? answer : null;
  return { report, inTab: true, state };
}
