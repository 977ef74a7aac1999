import { browser } from 'wxt/browser';
import type { ExplainMessage } from '../protocol/messages';

/** The manifest's name for Second Look's keyboard shortcut (wxt.config.ts, `commands`). */
export const EXPLAIN_COMMAND = 'explain-finding';

/**
 * Second Look's keyboard shortcut (Alt+Shift+L unless the user picks another in the browser's
 * shortcut settings) asks the tab's content script to open the card of the finding at the caret.
 * The browser takes the key before the page, so the page sees neither the key nor why a card
 * opened (content/cards.ts). No permission: the worker messages the tab by id.
 */
export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== EXPLAIN_COMMAND) return;
    void explainIn(tab?.id);
  });
}

async function explainIn(tabId: number | undefined): Promise<void> {
  // Firefox before 86 passes no tab: the active tab of the focused window is the one the key was for.
  const id = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return;
  const message: ExplainMessage = { type: 'explain' };
  // Fails only on a tab without Second Look's content script (no composer site): nothing to explain.
  await browser.tabs.sendMessage(id, message).catch(() => undefined);
}
