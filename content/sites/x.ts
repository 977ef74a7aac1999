import type { SiteAdapter } from './types';
import { classifyControl } from './dom';

/**
 * x.com and twitter.com: post, reply and quote composers are Draft.js editors whose
 * contenteditable carries data-testid="tweetTextarea_N", one per post of a thread; the whole
 * thread is sent by one [data-testid=tweetButton] ("Post", "Reply", "Post all": dialogs) or
 * [data-testid=tweetButtonInline] (the timeline's inline composer, which stays mounted under a
 * reply or quote dialog). The posting account's @handle is in the side navigation's account
 * switcher.
 */
const SEND = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';

export const x: SiteAdapter = {
  platform: 'x',
  composers: '[data-testid^="tweetTextarea_"][contenteditable="true"], .public-DraftEditor-content[contenteditable="true"]',
  scope(editor) {
    // A dialog (compose, reply, quote) is one composer; inline, the thread's editors and its one
    // send button share the nearest ancestor holding the button.
    const dialog = editor.closest<HTMLElement>('[role="dialog"]');
    if (dialog) return dialog;
    for (let scope = editor.parentElement; scope; scope = scope.parentElement) if (scope.querySelector(SEND)) return scope;
    return editor.parentElement ?? editor;
  },
  classify: (control) => (control.matches(SEND) && control.getAttribute('aria-disabled') !== 'true' ? 'send' : classifyControl(control)),
  enterSends: () => false,
  identity() {
    const text = document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]')?.textContent ?? '';
    return /@\w{1,15}/.exec(text)?.[0] ?? null;
  },
};
