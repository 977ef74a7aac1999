/** DOM look-ups the site adapters share. */

const BUTTONS = 'button, [role="button"], input[type="submit"]';
const TEXT_BOXES = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** A control's accessible name as a user would read it: aria-label, else its visible text. */
export function label(element: Element): string {
  const aria = element.getAttribute('aria-label');
  if (aria) return aria.trim();
  if (element instanceof HTMLInputElement) return element.value.trim();
  return (element.textContent ?? '').trim();
}

/**
 * The nearest button around `editor` whose label matches `names`, searching outwards one
 * ancestor at a time so the composer's own button wins over others on the page. Stops at a
 * dialog or form boundary, before a scope that holds another text box (whose button that would
 * be), or after `levels` ancestors.
 */
export function nearestButton(editor: HTMLElement, names: RegExp, levels = 8): HTMLElement | null {
  let scope: HTMLElement | null = editor.parentElement;
  for (let i = 0; scope && i < levels; i++, scope = scope.parentElement) {
    const others = [...scope.querySelectorAll(TEXT_BOXES)].some((box) => !editor.contains(box) && !box.contains(editor));
    if (others) break;
    for (const candidate of scope.querySelectorAll<HTMLElement>(BUTTONS)) {
      if (!editor.contains(candidate) && names.test(label(candidate))) return candidate;
    }
    if (scope.matches('[role="dialog"], form')) break;
  }
  return null;
}

/** The nearest element matching `selector` in the editor's dialog, or else in the document. */
export function inDialogOrPage(editor: HTMLElement, selector: string): Element | null {
  return editor.closest('[role="dialog"]')?.querySelector(selector) ?? document.querySelector(selector);
}
