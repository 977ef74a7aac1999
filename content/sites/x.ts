import type { SiteAdapter } from './types';
import { inDialogOrPage } from './dom';

/**
 * x.com and twitter.com: post, reply and quote composers are Draft.js editors whose
 * contenteditable carries data-testid="tweetTextarea_N"; they send with
 * [data-testid=tweetButton] (dialogs) or [data-testid=tweetButtonInline] (inline). The posting
 * account's @handle is in the side navigation's account switcher.
 */
export const x: SiteAdapter = {
  platform: 'x',
  composers: '[data-testid^="tweetTextarea_"][contenteditable="true"], .public-DraftEditor-content[contenteditable="true"]',
  submitButton(editor) {
    let scope: HTMLElement | null = editor.parentElement;
    for (; scope; scope = scope.parentElement) {
      const button = scope.querySelector<HTMLElement>('[data-testid="tweetButton"], [data-testid="tweetButtonInline"]');
      if (button) return button;
    }
    return null;
  },
  enterSends: () => false,
  identity(editor) {
    const text = inDialogOrPage(editor, '[data-testid="SideNav_AccountSwitcher_Button"]')?.textContent ?? '';
    return /@\w{1,15}/.exec(text)?.[0] ?? null;
  },
};
