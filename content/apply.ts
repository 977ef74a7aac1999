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
