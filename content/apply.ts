import type { Finding } from '../rules/engine/types';
import { ruleFacts } from '../rules/engine/facts';
import type { ComposerSession } from './session';

/**
 * What Apply did: the change was made; the editor did not take it; or the words it would
 * replace were edited after the check (nothing is changed, and the draft is checked again).
 */
export type ApplyResult = 'applied' | 'failed' | 'moved';

export interface Edit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Applies a finding's suggestion to the composer's text as it is now, through the editor's own
 * input path (replaceInEditor, replaceInField below). The finding's offsets are those of the
 * text that was checked; if the user typed since, its words are found again in the current text
 * (currentEdit), and if they were themselves edited, nothing is applied.
 */
export async function applySuggestion(session: ComposerSession, finding: Finding): Promise<ApplyResult> {
  const checked = session.checked;
  if (!checked) return 'applied';
  const snapshot = session.surface.read();
  const edit = currentEdit(finding, checked.text, snapshot.text);
  if (edit === 'moved') {
    session.refresh();
    return 'moved';
  }
  if (!edit) return 'applied';
  const { element } = session;
  if (element instanceof HTMLTextAreaElement) {
    replaceInField(element, edit.start, edit.end, edit.insert);
  } else {
    const range = edit.start === edit.end ? caretRangeAt(snapshot, edit.start) : snapshot.range(edit.start, edit.end);
    if (range) await replaceInEditor(element, range, edit.insert);
  }
  const expected = snapshot.text.slice(0, edit.start) + edit.insert + snapshot.text.slice(edit.end);
  return (await textBecomes(session, expected)) ? 'applied' : 'failed';
}

/**
 * The change Apply makes to `current`, for a finding made on the text `checked`. Text edited
 * before or after the finding's words moves them (the edit is found as the part between the
 * longest common start and end of the two texts); an edit that touches the words themselves
 * leaves nothing safe to replace: 'moved'.
 */
export function currentEdit(finding: Finding, checked: string, current: string): Edit | 'moved' | null {
  const edit = editFor(finding, current);
  if (!edit || checked === current || ruleFacts(finding.rule).text?.apply === 'append') return edit;
  const limit = Math.min(checked.length, current.length);
  let prefix = 0;
  while (prefix < limit && checked.charCodeAt(prefix) === current.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && checked.charCodeAt(checked.length - 1 - suffix) === current.charCodeAt(current.length - 1 - suffix)) suffix++;
  // checked = P + X + S and current = P + Y + S, the edit being X -> Y.
  const editedFrom = prefix;
  const editedTo = checked.length - suffix;
  // An edit next to the words (a letter typed straight after a name) may have changed them too.
  let shift: number;
  if (finding.end < editedFrom) shift = 0;
  else if (finding.start > editedTo) shift = current.length - checked.length;
  else return 'moved';
  const start = finding.start + shift;
  const end = finding.end + shift;
  if (current.slice(start, end) !== checked.slice(finding.start, finding.end)) return 'moved';
  return { ...edit, start, end };
}

/** A text read a slice at a time (a long draft's snapshot joins its whole text only when asked). */
export interface TextReader {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** text.trimEnd().length, reading the text from its end only as far as its last non-space. */
function trimmedEnd(text: TextReader): number {
  for (let end = text.length; end > 0; end -= 256) {
    const from = Math.max(0, end - 256);
    const kept = text.slice(from, end).trimEnd().length;
    if (kept > 0) return from + kept;
  }
  return 0;
}

/**
 * The change Apply makes. A suggestion replaces the flagged words, unless the rule says it is a
 * sentence to append at the end of the draft (as the disclaimer is).
 */
export function editFor(finding: Finding, text: string | TextReader): Edit | null {
  // An image finding's suggestion is the safe copy, which the card offers instead.
  if (finding.suggestion === undefined || finding.image) return null;
  if (ruleFacts(finding.rule).text?.apply === 'append') {
    const end = trimmedEnd(typeof text === 'string' ? { length: text.length, slice: (a, b) => text.slice(a, b) } : text);
    return { start: end, end, insert: ` ${finding.suggestion}` };
  }
  return { start: finding.start, end: finding.end, insert: finding.suggestion };
}

/**
 * Whether the composer's text becomes `expected` within a few frames: editors may commit an
 * input a task or two later (Draft.js from setImmediate, React from its scheduler).
 */
async function textBecomes(session: ComposerSession, expected: string): Promise<boolean> {
  for (let frame = 0; frame < 20; frame++) {
    if (session.surface.read().text === expected) return true;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return false;
}

/** A caret just after text[offset - 1], where an insertion at `offset` goes. */
function caretRangeAt(snapshot: { range(start: number, end: number): Range | null }, offset: number): Range | null {
  const range = snapshot.range(Math.max(0, offset - 1), offset);
  range?.collapse(offset === 0);
  return range;
}

/**
 * Replaces a span of a composer's text the way typing would, so the editor's own model (Lexical,
 * Draft.js, React state behind a textarea) makes the change and stays in step with the page.
 * Writing the DOM directly, or letting the browser's native editing cross paragraph elements,
 * corrupts these editors (lexical #5085, #3713; draft-js #616).
 *
 * The sequence mirrors a keystroke in Chromium: put the selection over the span, then send
 * `textInput` (React's onBeforeInput, which Draft.js handles), then `beforeinput` (which Lexical
 * handles); an editor that takes either cancels it and changes its model itself. If neither
 * was taken, `execCommand('insertText')` makes the browser's own, undoable edit, which editors
 * read back from the `input` event as they do for spellcheck corrections.
 */
export async function replaceInEditor(element: HTMLElement, range: Range, text: string): Promise<void> {
  element.focus({ preventScroll: true });
  const selection = element.ownerDocument.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
  // Editors copy the DOM selection into their model on `selectionchange`, which comes as a task.
  await selectionSettled(element.ownerDocument);

  // Firefox has no TextEvent (React derives onBeforeInput from other events there); skip it.
  if ('TextEvent' in window) {
    const textInput = document.createEvent('TextEvent');
    textInput.initTextEvent('textInput', true, true, window, text);
    if (!element.dispatchEvent(textInput)) return;
  }

  const beforeInput = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data: text,
    bubbles: true,
    cancelable: true,
    composed: true,
    targetRanges: [new StaticRange(range)],
  });
  if (!element.dispatchEvent(beforeInput)) return;

  document.execCommand('insertText', false, text);
}

/** A textarea's editing path is the browser's own: select, then insert as typing does. */
export function replaceInField(element: HTMLTextAreaElement, start: number, end: number, text: string): void {
  element.focus({ preventScroll: true });
  element.setSelectionRange(start, end);
  document.execCommand('insertText', false, text);
}

function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    doc.addEventListener('selectionchange', done);
    // If the selection was already exactly there, no selectionchange comes.
    const timer = setTimeout(done, 50);
  });
}
