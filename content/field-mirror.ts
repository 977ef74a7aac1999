import { firstIndex } from '../rules/engine/search';
import { Sequence } from '../rules/engine/sequence';
import type { TextChange } from './text-map';

/**
 * Where a textarea's characters are drawn. Its text is not in the DOM, so its geometry comes from
 * a mirror: an invisible element (in Second Look's own shadow root, never in the page's editor)
 * styled and sized like the textarea's content box, whose text ranges give the rects.
 *
 * The mirror holds one block per line of the text (a line ends at a line break: the textarea
 * wraps the same text in the same width, and a forced break ends a line in either), kept in a
 * Sequence (rules/engine/sequence.ts) sized by characters, so an edit replaces only the lines it
 * reached and the browser lays out only those again: a keystroke in a 1 MB textarea costs what
 * it costs in a short one. The lines on screen are found by a binary search on the blocks' rects.
 */

// Style properties that decide where a textarea's text wraps and lands.
const MIRRORED = [
  'box-sizing', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch',
  'font-kerning', 'font-feature-settings', 'letter-spacing', 'line-height', 'text-transform', 'text-indent',
  'word-spacing', 'tab-size', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'direction',
] as const;

interface Line {
  block: HTMLDivElement;
  node: Text;
}

export class FieldMirror {
  private mirror: HTMLDivElement | null = null;
  /** One entry per line; its size is the line's length and the line break after it. */
  private lines = new Sequence<Line>();
  /** The text the mirror holds; null when it is not built. */
  private text: string | null = null;

  constructor(
    private readonly element: HTMLTextAreaElement,
    private readonly parent: () => HTMLElement,
  ) {}

  /** The text became `text` by `change` (null: a change not known, so the mirror is built again when next needed). */
  edit(text: string, change: TextChange | null): void {
    if (this.text === null) return;
    if (!change || !this.mirror?.isConnected) {
      this.text = null;
      return;
    }
    const { lines } = this;
    // The lines the change reached, in the old text: from the one holding `at` to the one holding `oldEnd`.
    const first = Math.min(lines.indexAt(change.at), lines.length - 1);
    const last = Math.min(lines.indexAt(change.oldEnd), lines.length - 1);
    const from = lines.before(first);
    const oldTo = lines.before(last + 1) - 1;
    const to = oldTo + change.newEnd - change.oldEnd;
    const made = text.slice(from, to).split('\n').map((line) => this.line(line));
    const removed = lines.entries(first, last + 1);
    const next = removed.at(-1)!.item.block.nextSibling;
    for (const entry of removed) entry.item.block.remove();
    for (const line of made) this.mirror.insertBefore(line.item.block, next);
    lines.splice(first, last + 1 - first, made);
    this.text = text;
  }

  /** Where text[start, end) is drawn, in viewport coordinates, clipped to the textarea's inner box. */
  rects(text: string, start: number, end: number, clip: (rects: DOMRect[], box: DOMRect) => DOMRect[]): DOMRect[] {
    this.sync(text);
    const { lines } = this;
    start = Math.max(0, Math.min(start, text.length));
    end = Math.max(start, Math.min(end, text.length));
    const { dx, dy, inner } = this.frame();
    const out: DOMRect[] = [];
    for (let i = lines.indexAt(start); i < lines.length && lines.before(i) < end; i++) {
      const from = lines.before(i);
      const { node } = lines.at(i).item;
      const range = document.createRange();
      range.setStart(node, Math.max(0, start - from));
      range.setEnd(node, Math.min(node.data.length, end - from));
      for (const r of range.getClientRects()) out.push(new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
    }
    return clip(out, inner);
  }

  /** The span of the text the textarea shows (the lines between its inner box's top and bottom). */
  shown(text: string): [number, number] {
    this.sync(text);
    const { lines } = this;
    const { dy, inner } = this.frame();
    const top = Math.max(inner.top, 0) - dy;
    const bottom = Math.min(inner.bottom, innerHeight) - dy;
    const rect = (i: number) => lines.at(i).item.block.getBoundingClientRect();
    const first = firstIndex(lines.length, (i) => rect(i).bottom > top);
    const end = firstIndex(lines.length, (i) => rect(i).top >= bottom, first);
    if (end <= first) return [Math.min(lines.before(first), text.length), Math.min(lines.before(first), text.length)];
    return [lines.before(first), Math.min(lines.before(end), text.length)];
  }

  /** The offset from the mirror's coordinates to the textarea's on screen, and the textarea's inner box. */
  private frame(): { dx: number; dy: number; inner: DOMRect } {
    const { element } = this;
    const origin = this.mirror!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return {
      dx: box.left + element.clientLeft - element.scrollLeft - origin.left,
      dy: box.top + element.clientTop - element.scrollTop - origin.top,
      inner: new DOMRect(box.left + element.clientLeft, box.top + element.clientTop, element.clientWidth, element.clientHeight),
    };
  }

  /** Styles the mirror like the textarea now; builds it when it does not hold `text`. */
  private sync(text: string): void {
    const { element } = this;
    if (!this.mirror?.isConnected) {
      this.mirror = document.createElement('div');
      this.mirror.setAttribute('aria-hidden', 'true');
      this.parent().append(this.mirror);
      this.text = null;
    }
    const style = getComputedStyle(element);
    const m = this.mirror.style;
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
    if (this.text === text) return;
    this.lines = new Sequence<Line>();
    const made = text.split('\n').map((line) => this.line(line));
    this.mirror.replaceChildren(...made.map((line) => line.item.block));
    this.lines.splice(0, 0, made);
    this.text = text;
  }

  /** A line's block: its text, and a line break that keeps an empty line one line high (not counted in its size). */
  private line(text: string): { item: Line; size: number[] } {
    const block = document.createElement('div');
    const node = document.createTextNode(text);
    block.append(node, document.createElement('br'));
    return { item: { block, node }, size: [text.length + 1] };
  }
}
