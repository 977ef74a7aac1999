import type { SiteAdapter } from './types';
import { classifyControl, composerScope, label, visible } from './dom';

/**
 * facebook.com: every composer (feed, group and Page posts, comments, replies, answers) is a
 * Lexical editor, div[role=textbox][contenteditable]. Post composers ("What's on your mind?",
 * "Create a public post…", "Write something…") start a new line on Enter; every other box
 * (comments, replies "Reply to <name>", "Write an answer…", "Submit your first comment…", in
 * any language) sends on Enter. Who is posting shows in the editor's label ("What's on your
 * mind, Jane?", "Comment as Penrice Primary Academy"), else the composer's header avatar, the
 * "posting as" switcher, or the account avatar in the top bar.
 */
const COMPOSERS = 'div[role="textbox"][contenteditable="true"]';
const WHO = /^(?:What's on your mind, (.+)\?|(?:Comment|Reply|Answer) as (.+?)(?:\.\.\.|…)?)$/;
const POST_COMPOSER = /^(?:What's on your mind|Create a (?:public )?post|Write something|Share your thoughts|Start a discussion)/i;
const POSTING_AS = /^(?:Posting as|Interacting as|Commenting as|Voice selector:?)\s+(.+)$/i;

function isPostComposer(editor: HTMLElement): boolean {
  return POST_COMPOSER.test(editor.getAttribute('aria-label') ?? '') || editor.closest('[role="dialog"][aria-label="Create post"]') !== null;
}

/** The name on an avatar: an svg[role=img] or img labelled with the account's name. */
const AVATARS = 'svg[role="img"][aria-label], img[alt]:not([alt=""])';

function nameOf(avatar: Element): string | null {
  const name = (avatar.getAttribute('aria-label') ?? avatar.getAttribute('alt') ?? '').replace(/,? ?profile (?:picture|photo)$/i, '').trim();
  return name || null;
}

function avatarName(root: ParentNode): string | null {
  const avatar = visible(root, AVATARS);
  return avatar ? nameOf(avatar) : null;
}

/** The name on the last avatar before the editor in its dialog: the composer's header. */
function headerName(dialog: Element, editor: HTMLElement): string | null {
  let name: string | null = null;
  for (const avatar of dialog.querySelectorAll(AVATARS)) {
    if (!(avatar.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (avatar.getClientRects().length > 0) name = nameOf(avatar);
  }
  return name;
}

export const facebook: SiteAdapter = {
  platform: 'facebook',
  composers: COMPOSERS,
  scope: (editor) => composerScope(editor, COMPOSERS),
  classify: classifyControl,
  enterSends: (editor) => !isPostComposer(editor),
  identity(editor) {
    const m = WHO.exec((editor.getAttribute('aria-label') ?? '').trim());
    if (m) return m[1] ?? m[2] ?? null;
    const dialog = editor.closest<HTMLElement>('[role="dialog"]');
    const scope = dialog ?? facebook.scope(editor);
    for (const element of scope.querySelectorAll('[aria-label], [role="button"]')) {
      const as = POSTING_AS.exec(label(element));
      if (as) return as[1]!.trim();
    }
    // The composer's header: the avatar of whoever posts, above the editor in its dialog.
    const fromHeader = dialog ? headerName(dialog, editor) : null;
    if (fromHeader) return fromHeader;
    // The account menu in the top bar shows the profile (or Page) the user is acting as.
    const account = visible(document, '[role="banner"] [aria-label="Your profile"], [role="navigation"] [aria-label="Your profile"]');
    return account ? (avatarName(account) ?? (account.textContent?.trim() || null)) : null;
  },
};
