import { EditableText, back, forward, narrow, snapshotEditable, type TextChange, type TextSnapshot } from './text-map';
import { FieldMirror } from './field-mirror';

/**
 * One composer's text box, whatever it is made of: a contenteditable editor (Lexical, Draft.js
 * or plain) or a textarea. Reads the text and says where a span of it is on screen (changing
 * the text is apply.ts's job).
 */
export interface Snapshot {
  /** The whole text (a long draft read by blocks is joined only when this is asked for). */
  readonly text: string;
  readonly length: number;
  /** text[start, end), read without joining the whole text where it can be. */
  slice(start: number, end: number): string;
  /** Live DOM ranges over a span, for the Custom Highlight API (contenteditable only). */
  range(start: number, end: number): Range | null;
  /** Where a span is drawn, in viewport coordinates, clipped to the text box. */
  rects(start: number, end: number): DOMRect[];
  /** The caret's text offset when the selection is a caret inside the text box, else null. */
  caret(): number | null;
  /**
   * The span of the text the text box shows on screen (a long draft shows a small part of
   * itself), or null when not known: marks are drawn only there.
   */
  shown(): [number, number] | null;
}

export interface Surface {
  readonly element: HTMLElement;
  /** True for textareas: their text is not in the DOM, so marks are drawn in an overlay. */
  readonly isField: boolean;
  /** Reads the whole text box. */
  read(): Snapshot;
  /**
   * The text after the edits `records` (the editor's mutation records since the last call)
   * describe, reading only what they touched, and where it changed since the last call (null:
   * it did not).
   */
  update(records: MutationRecord[]): { snapshot: Snapshot; change: TextChange | null };
}

/** Rects clipped to the visible part of `box` (editors scroll inside themselves). */
function clip(rects: Iterable<DOMRect>, box: DOMRect): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of rects) {
    const left = Math.max(r.left, box.left);
    const right = Math.min(r.right, box.right);
    const top = Math.max(r.top, box.top);
    const bottom = Math.min(r.bottom, box.bottom);
    if (right > left && bottom > top && r.width > 0) out.push(new DOMRect(left, top, right - left, bottom - top));
  }
  return out;
}

export function editableSurface(element: HTMLElement): Surface {
  const wrap = (snapshot: TextSnapshot): Snapshot => ({
    get text() {
      return snapshot.text;
    },
    length: snapshot.length,
    slice: (start, end) => snapshot.slice(start, end),
    range: (start, end) => snapshot.range(start, end),
    rects(start, end) {
      const range = snapshot.range(start, end);
      return range ? clip(range.getClientRects(), element.getBoundingClientRect()) : [];
    },
    caret() {
      const selection = element.ownerDocument.getSelection();
      if (!selection?.isCollapsed || !selection.anchorNode || !element.contains(selection.anchorNode)) return null;
      return snapshot.offsetOf(selection.anchorNode, selection.anchorOffset);
    },
    shown() {
      if (!snapshot.within) return null;
      const box = element.getBoundingClientRect();
      return snapshot.within(Math.max(box.top, 0), Math.min(box.bottom, innerHeight));
    },
  });
  const text = new EditableText(element);
  return {
    element,
    isField: false,
    read: () => wrap(snapshotEditable(element)),
    update(records) {
      const { snapshot, change } = text.update(records);
      return { snapshot: wrap(snapshot), change };
    },
  };
}

/** How many of a textarea's latest changes an earlier snapshot's offsets are carried through. */
const KEPT_CHANGES = 64;

/**
 * A textarea: its text is its value, read whole (the browser hands it over without a copy), and
 * where it changed is found from where the caret is (checked, then narrowed: difference()). Its
 * geometry comes from a mirror kept line by line (field-mirror.ts); a snapshot of an earlier text
 * (the findings on screen may be for one) finds where its offsets are now through the changes since.
 */
export function fieldSurface(element: HTMLTextAreaElement, mirrorParent: () => HTMLElement): Surface {
  const mirror = new FieldMirror(element, mirrorParent);
  let last = '';
  let version = 0;
  const changes: { version: number; change: TextChange }[] = [];
  /** The changes after version `v` (null: not known, as `v` is too old). */
  const since = (v: number): TextChange[] | null => {
    if (v === version) return [];
    const i = changes.findIndex((c) => c.version === v + 1);
    return i < 0 ? null : changes.slice(i).map((c) => c.change);
  };
  const snapshot = (text: string, v: number | null): Snapshot => {
    const moves = () => (v !== null ? since(v) : text === last ? [] : null);
    return {
      text,
      length: text.length,
      slice: (start, end) => text.slice(start, end),
      range: () => null,
      rects(start, end) {
        const through = moves();
        if (!through) return [];
        for (const change of through) [start, end] = [forward(start, change, false), forward(end, change, true)];
        return mirror.rects(last, start, end, clip);
      },
      caret() {
        if (document.activeElement !== element || element.selectionStart !== element.selectionEnd) return null;
        return element.selectionStart;
      },
      shown() {
        const through = moves();
        if (!through) return null;
        const span = mirror.shown(last);
        return span.map((p) => through.reduceRight((q, change) => back(q, change), p)) as [number, number];
      },
    };
  };
  return {
    element,
    isField: true,
    update() {
      const text = element.value;
      const change = difference(last, text, element.selectionEnd);
      if (change) {
        version++;
        changes.push({ version, change });
        if (changes.length > KEPT_CHANGES) changes.shift();
      }
      mirror.edit(text, change);
      last = text;
      return { snapshot: snapshot(text, version), change };
    },
    read: () => snapshot(element.value, null),
  };
}

/**
 * Where `after` differs from `before`. An edit in a textarea is where the caret is after it
 * (`caret`): typing ends there, a deletion starts there. That guess is checked by comparing the
 * texts before and after it as wholes (a string comparison the engine makes at memory speed),
 * and narrowed; when it does not hold, the texts are compared character by character.
 */
export function difference(before: string, after: string, caret: number | null = null): TextChange | null {
  if (before === after) return null;
  const grown = after.length - before.length;
  if (caret !== null && caret >= 0 && caret <= after.length) {
    const newEnd = caret;
    const at = Math.max(0, newEnd - Math.max(grown, 0));
    const oldEnd = newEnd - grown;
    if (oldEnd >= at && oldEnd <= before.length && before.slice(0, at) === after.slice(0, at) && before.slice(oldEnd) === after.slice(newEnd)) {
      return narrow(before, after, { at, oldEnd, newEnd });
    }
  }
  let at = 0;
  const max = Math.min(before.length, after.length);
  while (at < max && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let tail = 0;
  while (tail < max - at && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { at, oldEnd: before.length - tail, newEnd: after.length - tail };
}
