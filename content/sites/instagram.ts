import type { SiteAdapter } from './types';
import { classifyControl, composerScope, visible } from './dom';

/**
 * instagram.com: the new-post caption is a Lexical editor (div[role=textbox] "Write a
 * caption...") at the last step of the Create dialog, whose Share button sits in another branch
 * of the dialog; comments are a textarea in a form, sent with "Post" or Enter. Accounts show as
 * avatars, alt "<username>'s profile picture": beside the caption, the one posting; in a post's
 * modal, the post's author, while the one commenting is the account in the navigation.
 */
const COMPOSERS = 'div[role="textbox"][contenteditable="true"], textarea[aria-label^="Add a comment"], form textarea';
const AVATAR = "img[alt$=\"'s profile picture\"]";

function username(avatar: Element | null): string | null {
  const alt = avatar?.getAttribute('alt') ?? '';
  return alt ? alt.slice(0, -"'s profile picture".length) : null;
}

export const instagram: SiteAdapter = {
  platform: 'instagram',
  composers: COMPOSERS,
  scope(editor) {
    if (editor instanceof HTMLTextAreaElement) return editor.closest('form') ?? composerScope(editor, COMPOSERS);
    return editor.closest<HTMLElement>('[role="dialog"]') ?? composerScope(editor, COMPOSERS);
  },
  classify: classifyControl,
  enterSends: (editor) => editor instanceof HTMLTextAreaElement,
  identity(editor) {
    if (!(editor instanceof HTMLTextAreaElement)) {
      // The caption step shows the posting account's avatar beside the caption: the nearest one.
      const dialog = editor.closest('[role="dialog"]');
      for (let scope = editor.parentElement; scope && scope !== dialog?.parentElement; scope = scope.parentElement) {
        const avatar = visible(scope, AVATAR);
        if (avatar) return username(avatar);
      }
    }
    // A comment is posted by the signed-in account, shown in the navigation (never the avatar of
    // the post's author in the modal's header).
    return username(visible(document, `nav ${AVATAR}, [role="navigation"] ${AVATAR}`));
  },
};
