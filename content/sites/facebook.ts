import type { SiteAdapter } from './types';
import { nearestButton } from './dom';

/**
 * facebook.com: every composer (feed and page posts, comments, replies) is a Lexical editor,
 * div[role=textbox][contenteditable]. Its aria-label names who is posting: "What's on your
 * mind, Jane?" for a profile, "Comment as Penrice Primary Academy" when acting as a page.
 */
const WHO = /^(?:What's on your mind, (.+)\?|(?:Comment|Reply|Answer) as (.+))$/;
const SENDS_ON_ENTER = /^(?:Write a (?:public )?(?:comment|reply)|(?:Comment|Reply|Answer) as )/i;

export const facebook: SiteAdapter = {
  platform: 'facebook',
  composers: 'div[role="textbox"][contenteditable="true"]',
  submitButton: (editor) => nearestButton(editor, /^(?:Post|Share|Share now|Reply|Comment|Publish)$/i),
  enterSends: (editor) => SENDS_ON_ENTER.test(editor.getAttribute('aria-label') ?? ''),
  identity(editor) {
    const m = WHO.exec((editor.getAttribute('aria-label') ?? '').trim());
    return m ? (m[1] ?? m[2] ?? null) : null;
  },
};
