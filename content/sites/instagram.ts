import type { SiteAdapter } from './types';
import { inDialogOrPage, nearestButton } from './dom';

/**
 * instagram.com: the new-post caption is a Lexical editor (div[role=textbox] "Write a
 * caption..."), shared with a "Share" button; comments are a textarea sent with "Post" or Enter.
 * The account posting is shown by its avatar, alt "<username>'s profile picture".
 */
const AVATAR = "img[alt$=\"'s profile picture\"]";

export const instagram: SiteAdapter = {
  platform: 'instagram',
  composers: 'div[role="textbox"][contenteditable="true"], textarea[aria-label^="Add a comment"], form textarea',
  submitButton: (editor) => nearestButton(editor, /^(?:Share|Post|Reply|Send)$/i),
  enterSends: (editor) => editor instanceof HTMLTextAreaElement,
  identity(editor) {
    const alt = inDialogOrPage(editor, AVATAR)?.getAttribute('alt') ?? '';
    return alt ? alt.slice(0, -"'s profile picture".length) : null;
  },
};
