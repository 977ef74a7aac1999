/** DOM look-ups the site adapters and the gate share. */

/** What can be pressed: the element a click or Enter/Space on a focused element acts through. */
export const CONTROLS = 'button, [role="button"], input[type="submit"], input[type="button"], input[type="image"], a[href], [role="link"], [role="menuitem"], [role="tab"], [role="option"], [role="checkbox"], [role="switch"], [role="radio"], label';
export const TEXT_BOXES = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const BOUNDARY = '[role="dialog"], form';

/** A control's accessible name as a user would read it: aria-label, else its visible text. */
export function label(element: Element): string {
  const aria = element.getAttribute('aria-label');
  if (aria) return aria.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    if (text) return text;
  }
  if (element instanceof HTMLInputElement) return element.value.trim();
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * What pressing a control does to the draft it sits with:
 * - `send`: it posts (Post, Post all, Share, Reply, Comment, Send...);
 * - `other`: it does something else (Next, Photo/video, Tag people, menus, toggles, links...);
 * - `unknown`: its name is none the gate knows (another language, changed wording, an icon with
 *   no name). The gate treats it as a send while findings remain: it holds and says why.
 */
export type ControlKind = 'send' | 'other' | 'unknown';

// English names of the controls that post. Matched against the whole accessible name.
const SEND_NAMES =
  /^(?:post|post all|post now|post comment|post reply|post your reply|share|share now|share post|reply|reply all|comment|send|send now|tweet|tweet all|publish|publish now|submit|schedule post|add comment|press enter to post)$/i;

// English names of the controls around a composer that do not post. Prefix matches: "Remove
// photo 2", "Add to your post", "Tag people" ...
const OTHER_NAMES = new RegExp(
  '^(?:' +
    [
      'next', 'back', 'go back', 'previous', 'cancel', 'close', 'discard', 'done', 'remove', 'delete', 'edit', 'add',
      'tag', 'feeling', 'check in', 'gif', 'emoji', 'insert an emoji', 'choose an emoji', 'sticker', 'avatar sticker',
      'comment with', 'more', 'see more', 'see less', 'photo', 'video', 'media', 'attach', 'upload', 'select', 'crop',
      'original', 'zoom', 'filters?', 'adjustments', 'alt text', 'accessibility', 'locations?',
      'everyone can reply', 'audience', 'public', 'friends', 'only me', 'settings', 'post settings', 'options',
      'advanced settings', 'format', 'bold', 'italic', 'mention', 'hashtag', 'poll', 'like', 'love', 'react',
      'not now', 'dismiss', 'open', 'view', 'show', 'hide', 'expand', 'collapse', 'mute', 'unmute', 'play', 'pause',
      'undo', 'redo', 'save draft', 'drafts', 'unsent posts', 'grok', 'boost', 'your profile', 'profile',
      'account', 'switch', 'switch to', 'turn off commenting', 'hide like', 'write a', 'what', 'create',
      'new post', 'home', 'search', 'notifications', 'messages', 'menu', 'help', 'learn more', 'translate',
      'add post', 'add another post', 'select from computer', 'drag photos', 'invite', 'go live', 'live video',
    ].join('|') +
    ')\\b',
  'i',
);

/**
 * How a control relates to posting, from what it is (role and state) before what it says: menus,
 * toggles, tabs, links and disabled controls never post; then its name.
 */
export function classifyControl(control: Element): ControlKind {
  if (control.matches('a[href], [role="link"], [role="menuitem"], [role="tab"], [role="option"], [role="checkbox"], [role="switch"], [role="radio"]')) return 'other';
  if (control.matches('[aria-haspopup]:not([aria-haspopup="false"]), [aria-expanded], [aria-pressed]')) return 'other';
  // The sites ignore presses on a disabled Post button (empty draft, over the length limit).
  if (control.matches(':disabled, [aria-disabled="true"]')) return 'other';
  if (control instanceof HTMLLabelElement) return control.control instanceof HTMLInputElement && control.control.type === 'file' ? 'other' : 'unknown';
  if (control.querySelector('input[type="file"]')) return 'other';
  const name = label(control);
  if (SEND_NAMES.test(name)) return 'send';
  if (control instanceof HTMLButtonElement && control.type === 'submit' && control.form) return name && OTHER_NAMES.test(name) ? 'other' : 'send';
  if (control instanceof HTMLInputElement && control.type === 'submit') return 'send';
  if (name && OTHER_NAMES.test(name)) return 'other';
  return 'unknown';
}

/** The control an event acts through: the nearest pressable element at its target, outside any text box. */
export function controlAt(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const control = target.closest<HTMLElement>(CONTROLS);
  if (!control || control.closest(TEXT_BOXES)) return null;
  return control;
}

/**
 * The element that holds one composer as a whole: its text boxes and every control that could
 * send it. Searching outwards from the editor: a dialog or form is a composer's natural edge;
 * short of that, the first ancestor that also holds a control that may send (a known send, or
 * one whose name is unknown), stopping below an ancestor that holds another composer's text
 * box. With no such control (a comment box sent with Enter), the editor's own wrapper.
 */
export function composerScope(editor: HTMLElement, composers: string): HTMLElement {
  let scope: HTMLElement | null = editor.parentElement;
  let last: HTMLElement = editor.parentElement ?? editor;
  for (; scope && scope !== editor.ownerDocument.body; scope = scope.parentElement) {
    if (scope.matches(BOUNDARY)) return scope;
    const others = [...scope.querySelectorAll(composers)].some((box) => !editor.contains(box) && !box.contains(editor));
    if (others) return last;
    for (const control of scope.querySelectorAll(CONTROLS)) {
      if (editor.contains(control) || control.closest(TEXT_BOXES)) continue;
      if (classifyControl(control) !== 'other') return scope;
    }
    last = scope;
  }
  return editor.parentElement ?? editor;
}

/** Whether the editor has a suggestion list open (an @mention typeahead), so Enter picks from it. */
export function suggestionsOpen(editor: HTMLElement): boolean {
  if (editor.getAttribute('aria-activedescendant')) return true;
  if (editor.getAttribute('aria-expanded') === 'true') return true;
  const ids = `${editor.getAttribute('aria-controls') ?? ''} ${editor.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const list = editor.ownerDocument.getElementById(id);
    if (list && list.getClientRects().length > 0 && list.querySelector('[role="option"]')) return true;
  }
  return false;
}

/** The first element matching `selector` that the user can see (the sites keep hidden copies). */
export function visible(root: ParentNode, selector: string): Element | null {
  for (const element of root.querySelectorAll(selector)) if (element.getClientRects().length > 0) return element;
  return null;
}
