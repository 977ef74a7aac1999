import { EditableText, snapshotEditable, type TextChange, type TextSnapshot } from './text-map';

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

// Style properties that decide where a textarea's text wraps and lands.
const MIRRORED = [
  'box-sizing', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch',
  'font-kerning', 'font-feature-settings', 'letter-spacing', 'line-height', 'text-transform', 'text-indent',
  'word-spacing', 'tab-size', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'direction',
] as const;

/**
 * A textarea's text is not in the DOM, so its geometry comes from a mirror: an invisible element
 * (in Second Look's own shadow root, never in the page's editor) styled and sized like the
 * textarea's content box, whose text ranges give the rects.
 */
export function fieldSurface(element: HTMLTextAreaElement, mirrorParent: () => HTMLElement): Surface {
  let mirror: HTMLDivElement | null = null;
  let last = '';
  return {
    element,
    isField: true,
    update() {
      const snapshot = this.read();
      const before = last;
      last = snapshot.text;
      return { snapshot, change: difference(before, last) };
    },
    read() {
      const text = element.value;
      return {
        text,
        length: text.length,
        slice: (start, end) => text.slice(start, end),
        range: () => null,
        rects(start, end) {
          if (!mirror?.isConnected) {
            mirror = document.createElement('div');
            mirror.setAttribute('aria-hidden', 'true');
            mirrorParent().append(mirror);
          }
          const style = getComputedStyle(element);
          const m = mirror.style;
          for (const property of MIRRORED) m.setProperty(property, style.getPropertyValue(property));
          m.position = 'fixed';
          m.left = '0';
          m.top = '0';
          m.visibility = 'hidden';
          m.whiteSpace = 'pre-wrap';
          m.overflowWrap = 'break-word';
          m.border = '0';
          m.boxSizing = 'content-box';
          // clientWidth excludes the scrollbar, which narrows where the text wraps.
          m.width = `${element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`;
          const node = document.createTextNode(text);
          mirror.replaceChildren(node);
          const range = document.createRange();
          range.setStart(node, Math.min(start, text.length));
          range.setEnd(node, Math.min(end, text.length));
          const origin = mirror.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          const dx = box.left + element.clientLeft - element.scrollLeft - origin.left;
          const dy = box.top + element.clientTop - element.scrollTop - origin.top;
          const moved = [...range.getClientRects()].map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
          const inner = new DOMRect(box.left + element.clientLeft, box.top + element.clientTop, element.clientWidth, element.clientHeight);
          return clip(moved, inner);
        },
        caret() {
          if (document.activeElement !== element || element.selectionStart !== element.selectionEnd) return null;
          return element.selectionStart;
        },
        shown: () => null,
      };
    },
  };
}

/** Where `after` differs from `before` (a textarea's value is short enough to compare whole). */
function difference(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let at = 0;
  const max = Math.min(before.length, after.length);
  while (at < max && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let tail = 0;
  while (tail < max - at && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { at, oldEnd: before.length - tail, newEnd: after.length - tail };
}
