import { firstIndex, lastAtOrBefore } from '../rules/engine/search';
import { Sequence, type Entry } from '../rules/engine/sequence';

/**
 * The text of a contenteditable editor as its `innerText` gives it (what the rule engine checks,
 * and what its offsets point into), with a map from those offsets back to DOM text positions so
 * findings can be drawn and replaced on the exact characters. `innerText` adds line breaks for
 * paragraphs and <br>s that are in no text node, and drops text that is not rendered; the map
 * aligns the two in one linear pass instead of guessing each editor's block markup.
 */
export interface TextSnapshot {
  /** The whole text (an editor read by blocks joins it only when asked, and keeps it). */
  readonly text: string;
  readonly length: number;
  /** text[start, end), read without joining the whole text where the snapshot can. */
  slice(start: number, end: number): string;
  /** A live DOM Range over text[start, end), or null when that span holds no DOM text. */
  range(start: number, end: number): Range | null;
  /** The text offset of a caret in one of the editor's text nodes, or null. */
  offsetOf(node: Node, offset: number): number | null;
  /**
   * The span of the text drawn between two heights of the viewport, found from the rects of a
   * few of the editor's blocks (a binary search); absent when the editor is not read by blocks.
   */
  within?(top: number, bottom: number): [number, number];
}

// innerText turns collapsed white space (including a DOM line break) into one space.
const SPACE_LIKE = /[ \u00a0]/;
const WHITESPACE = /\s/;

export function snapshotEditable(root: HTMLElement): TextSnapshot {
  const text = root.innerText;
  const nodes: Text[] = [];
  // nodeStarts[k]: index of nodes[k]'s first character in the concatenation of all node data.
  const nodeStarts: number[] = [];
  let total = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    nodeStarts.push(total);
    total += node.data.length;
  }

  // toDom[i]: position in the concatenated node data of text[i]; -1 when innerText made it up.
  const toDom = new Int32Array(text.length);
  let k = 0;
  let offset = 0;
  let g = 0;
  const domChar = (): string | undefined => {
    while (k < nodes.length && offset >= nodes[k]!.data.length) {
      k++;
      offset = 0;
    }
    return nodes[k]?.data[offset];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    for (;;) {
      const d = domChar();
      if (d === undefined) {
        toDom[i] = -1;
        break;
      }
      if (c === d || (SPACE_LIKE.test(c) && WHITESPACE.test(d))) {
        toDom[i] = g;
        offset++;
        g++;
        break;
      }
      if (c === '\n' || c === '\t') {
        // A paragraph or <br> break, or a table cell's tab: not in any text node.
        toDom[i] = -1;
        break;
      }
      // Text in the DOM that innerText does not show (hidden, or collapsed white space).
      offset++;
      g++;
    }
  }

  const locate = locator(nodes, nodeStarts);

  return {
    text,
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    offsetOf(node, offset) {
      // Carets in these editors sit in text nodes; a position between elements is not needed.
      const k = node instanceof Text ? nodes.indexOf(node) : -1;
      if (k < 0) return null;
      const g = nodeStarts[k]! + offset;
      // The first text index at or after DOM position g (toDom rises, skipping -1s).
      for (let i = 0; i < text.length; i++) if (toDom[i]! >= g) return i;
      return text.length;
    },
    range(start, end) {
      let first = Math.max(0, start);
      let last = Math.min(text.length, end) - 1;
      while (first <= last && toDom[first] === -1) first++;
      while (last >= first && toDom[last] === -1) last--;
      if (first > last) return null;
      const [startNode, startOffset] = locate(toDom[first]!);
      const [endNode, endOffset] = locate(toDom[last]!);
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset + 1);
      return range;
    },
  };
}

/** The text node and offset in it of a position in the nodes' joined text (`starts`: each node's first position). */
function locator(nodes: readonly Text[], starts: readonly number[]): (position: number) => [Text, number] {
  return (position) => {
    const k = Math.max(0, lastAtOrBefore(starts, position));
    return [nodes[k]!, position - starts[k]!];
  };
}

/** Where two texts differ: text[0, at) is the same in both, and so is all after oldEnd (old) / newEnd (new). */
export interface TextChange {
  at: number;
  oldEnd: number;
  newEnd: number;
}

/** The change from a to c, given a -> b and b -> c. */
export function composeChanges(first: TextChange, firstOldLength: number, second: TextChange, secondNewLength: number): TextChange {
  // Unchanged tail lengths: after each change, the texts agree on their last `tail` characters.
  const tail = Math.min(firstOldLength - first.oldEnd, secondNewLength - second.newEnd);
  return { at: Math.min(first.at, second.at), oldEnd: firstOldLength - tail, newEnd: secondNewLength - tail };
}

/** Narrows a change to the characters that differ, looking only inside it. */
export function narrow(before: string, after: string, change: TextChange): TextChange | null {
  let { at, oldEnd, newEnd } = change;
  while (at < oldEnd && at < newEnd && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  while (oldEnd > at && newEnd > at && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return at === oldEnd && at === newEnd ? null : { at, oldEnd, newEnd };
}

// innerText's "required line breaks" around a block-level element: two for a paragraph, one for
// other blocks; between two blocks, the larger of the two.
function breaksAround(element: Element): number {
  return element.localName === 'p' ? 2 : 1;
}

const isBlock = (element: Element) => {
  const display = getComputedStyle(element).display;
  return display !== 'inline' && display !== 'contents' && display !== 'none' && !display.startsWith('inline');
};

interface Block {
  /** The block's element; for the head run (below), the block container itself. */
  element: Element;
  snapshot: TextSnapshot;
  /** innerText's line breaks around it (breaksAround). */
  breaks: number;
  /**
   * Set for the head run: the text nodes that stand directly in the block container before its
   * first block (the browser's own contenteditable keeps the first line so, and puts the lines
   * after it in <div>s), read as one anonymous block.
   */
  head?: Text[];
}

/**
 * The head run's text as innerText gives it, when that is its text nodes' data as they are: one
 * space between words, none at either end, no line break or tab (else null, and the editor is
 * read whole).
 */
function headSnapshot(nodes: Text[]): TextSnapshot | null {
  const text = nodes.map((n) => n.data).join('');
  if (!/^\S(?:\S| (?=\S))*$/.test(text) || /[\n\t\r]/.test(text)) return null;
  const starts: number[] = [];
  let total = 0;
  for (const n of nodes) {
    starts.push(total);
    total += n.data.length;
  }
  const locate = locator(nodes, starts);
  return {
    text,
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    range(start, end) {
      start = Math.max(0, start);
      end = Math.min(text.length, end);
      if (end <= start) return null;
      const range = document.createRange();
      range.setStart(...locate(start));
      const [node, offset] = locate(end - 1);
      range.setEnd(node, offset + 1);
      return range;
    },
    offsetOf(node, offset) {
      const k = nodes.indexOf(node as Text);
      return k < 0 ? null : starts[k]! + offset;
    },
  };
}

/** The text nodes before the first element child of `container`, or null when there is no text but white space. */
function headNodes(container: Element): Text[] | null {
  const nodes: Text[] = [];
  for (let node = container.firstChild; node && !(node instanceof Element); node = node.nextSibling) if (node instanceof Text) nodes.push(node);
  return nodes.some((n) => n.data.trim() !== '') ? nodes : null;
}

/** The head run as a block, or null when it cannot be read as one (see headSnapshot). */
function headBlock(container: Element, nodes: Text[]): Block | null {
  const snapshot = headSnapshot(nodes);
  return snapshot ? { element: container, snapshot, breaks: 1, head: nodes } : null;
}

/** Where a block is drawn (the head run's text, or the block's element). */
function boxOf(block: Block): DOMRect {
  if (!block.head) return block.element.getBoundingClientRect();
  const range = document.createRange();
  range.setStartBefore(block.head[0]!);
  range.setEndAfter(block.head.at(-1)!);
  return range.getBoundingClientRect();
}

/**
 * One state of the text. The latest is read from the editor's blocks as they are; an earlier one
 * (the findings on screen may be for one) knows how the next one changed it, so its text, and
 * where its offsets are now, are found from the latest through the changes since.
 */
class Version {
  next: { version: Version; change: TextChange; removed: string } | null = null;
  text: string | null = null;
  constructor(readonly length: number) {}
}

/**
 * Where offset `p` of a text is after `change`, as a span's start or (`end`) its end: text typed
 * where a span starts goes before it, text typed where it ends after it; an offset inside the
 * replaced text goes to the replacement's start (or end).
 */
export function forward(p: number, change: TextChange, end: boolean): number {
  if (end ? p <= change.at : p < change.at) return p;
  if (p >= change.oldEnd) return p + change.newEnd - change.oldEnd;
  return end ? change.newEnd : change.at;
}

/** Where offset `p` of a text was before `change`. */
export function back(p: number, change: TextChange): number {
  if (p <= change.at) return p;
  if (p >= change.newEnd) return p - change.newEnd + change.oldEnd;
  return change.at;
}

/**
 * The text of a contenteditable editor, kept up to date from its mutation records instead of
 * read whole on every edit: editors keep the draft as a list of block elements (Lexical's
 * paragraphs, Draft.js's blocks), and an edit touches one or a few. Each block is read alone
 * (snapshotEditable, above) and kept in a Sequence (rules/engine/sequence.ts) sized by its characters
 * with the line breaks innerText puts before it, so an edit re-reads only the blocks it touched,
 * finds them and where they start in O(log n), and splices them in; the text is never joined
 * whole for an edit (only when someone asks for all of it: Apply, the popup), so a keystroke
 * costs the same in a 1 MB draft as in a short one. Whenever the structure is rebuilt whole, the
 * joined text is compared with the editor's innerText; an editor whose markup does not join
 * that way is read whole each time.
 */
export class EditableText {
  private container: Element | null = null;
  private blocks = new Sequence<Block>();
  private entries = new Map<Element, Entry<Block>>();
  /** The editor read whole (`whole`), or null when it is read by blocks. */
  private read: TextSnapshot | null = null;
  private version = new Version(0);
  private current: TextSnapshot | null = null;
  /** True when the editor is read whole each time (its markup is not a list of blocks). */
  whole = false;

  constructor(private readonly root: HTMLElement) {
    this.version.text = '';
  }

  /** Reads the whole editor again, as on attach. */
  reset(): { snapshot: TextSnapshot; change: TextChange | null } {
    const before = this.textOf(this.version);
    this.container = null;
    this.rebuild();
    const after = this.liveText();
    const change = narrow(before, after, { at: 0, oldEnd: before.length, newEnd: after.length });
    return this.advance(change, change ? before.slice(change.at, change.oldEnd) : '', after);
  }

  /** The text after the edits the mutation records describe, and what changed since the last call. */
  update(records: MutationRecord[]): { snapshot: TextSnapshot; change: TextChange | null } {
    if (this.whole || !this.container || !this.container.isConnected || !this.current) return this.reset();
    const container = this.container;
    const { blocks, entries } = this;
    // Old indexes of the blocks that changed, were removed, or stand beside where blocks were added.
    const touched: number[] = [];
    const removed = new Set<Node>();
    const added: Node[] = [];
    const indexOf = (element: Element) => {
      const entry = entries.get(element);
      return entry ? blocks.indexOf(entry) : -1;
    };
    for (const record of records) {
      if (record.target === container) {
        if (record.type !== 'childList') continue;
        for (const node of record.removedNodes) removed.add(node);
        added.push(...record.addedNodes);
        continue;
      }
      let node: Node | null = record.target;
      while (node && node.parentNode !== container && !(node instanceof Element && entries.has(node))) node = node.parentNode;
      // Text directly in the block container: the head run's (read again whole when there is none).
      if (node instanceof Text && node.parentNode === container) {
        if (!this.hasHead()) return this.reset();
        touched.push(0);
        continue;
      }
      // An edit outside the blocks (the editor replaced its block container): read it all again.
      if (!(node instanceof Element)) return this.reset();
      const i = indexOf(node);
      if (i >= 0) touched.push(i);
    }
    for (const node of removed) {
      if (node instanceof Element) {
        const i = indexOf(node);
        if (i >= 0) touched.push(i);
      } else if (node instanceof Text && node.data.trim() !== '') {
        // Text that stood directly in the container: the head run's, or white space between blocks.
        if (!this.hasHead()) return this.reset();
        touched.push(0);
      }
    }
    // Where each added block goes, by the block before it (consecutive added blocks are found once each).
    const placed = new Map<Node, number>();
    for (const node of added) {
      if (node.parentNode !== container) continue;
      // Text directly in the block container: the head run's when it comes before every block,
      // else not a list of blocks.
      if (node instanceof Text) {
        if (node.data.trim() === '') continue;
        if (node.previousElementSibling) return this.reset();
        touched.push(0);
        continue;
      }
      if (!(node instanceof Element)) continue;
      const moved = indexOf(node);
      if (moved >= 0) touched.push(moved);
      // Added after the nearest block that was there before (and still is).
      let anchor = node.previousElementSibling;
      let at = -1;
      for (; anchor; anchor = anchor.previousElementSibling) {
        const known = placed.get(anchor);
        if (known !== undefined) {
          at = known;
          break;
        }
        if (entries.has(anchor) && !removed.has(anchor)) {
          at = indexOf(anchor) + 1;
          break;
        }
      }
      if (at < 0) at = 0;
      placed.set(node, at);
      if (at > 0) touched.push(at - 1);
      if (at < blocks.length) touched.push(at);
    }
    if (blocks.length === 0) return this.reset();
    // Only nodes that are no blocks (white space between them) came or went.
    if (touched.length === 0) return { snapshot: this.current, change: null };
    const lo = Math.max(0, Math.min(...touched));
    const hi = Math.min(blocks.length - 1, Math.max(...touched));
    // The blocks either side of those, which did not change, bound what is read again.
    const left = lo > 0 ? blocks.at(lo - 1).item : null;
    const right = hi + 1 < blocks.length ? blocks.at(hi + 1).item : null;
    const inContainer = (block: Block | null) => !block || (block.head ? block.head.every((n) => n.parentNode === container) : block.element.parentNode === container);
    if (!inContainer(left) || !inContainer(right)) return this.reset();
    const fresh: Block[] = [];
    // After the head run come the container's elements (the run holds text nodes only).
    const start = left ? (left.head ? container.firstElementChild : left.element.nextSibling) : container.firstChild;
    const head: Text[] = [];
    for (let node = start; node !== (right?.element ?? null); node = node.nextSibling) {
      if (!node) return this.reset();
      if (node instanceof Text) {
        // Text before every block is the head run; anywhere else, only white space may stand.
        if (!left && !fresh.length) head.push(node);
        else if (node.data.trim() !== '') return this.reset();
        continue;
      }
      if (!(node instanceof Element)) continue;
      if (!isBlock(node)) return this.reset();
      if (!fresh.length && !left && !this.takeHead(head, fresh)) return this.reset();
      fresh.push({ element: node, snapshot: snapshotEditable(node as HTMLElement), breaks: breaksAround(node) });
    }
    if (!fresh.length && !left && !this.takeHead(head, fresh)) return this.reset();
    // The text from the end of `left` to the start of `right`'s text, before and after.
    const from = lo > 0 ? blocks.before(lo) : 0;
    const oldTo = right ? this.textStart(hi + 1) : blocks.total();
    const before = this.liveSlice(from, oldTo);
    let after = '';
    let previous = left;
    const sized = fresh.map((block) => {
      const separator = previous ? Math.max(previous.breaks, block.breaks) : 0;
      previous = block;
      after += '\n'.repeat(separator) + block.snapshot.text;
      return { item: block, size: [separator + block.snapshot.text.length] };
    });
    const rightSeparator = right && previous ? Math.max(previous.breaks, right.breaks) : 0;
    if (right) after += '\n'.repeat(rightSeparator);

    for (const block of blocks.items(lo, hi + 1)) entries.delete(block.element);
    const made = blocks.splice(lo, hi - lo + 1, sized);
    made.forEach((entry) => entries.set(entry.item.element, entry));
    if (right) {
      const entry = blocks.at(lo + made.length);
      blocks.set(entry, right, [rightSeparator + right.snapshot.text.length]);
    }
    const narrowed = narrow(before, after, { at: 0, oldEnd: before.length, newEnd: after.length });
    if (!narrowed) return this.advance(null, '');
    const change = { at: from + narrowed.at, oldEnd: from + narrowed.oldEnd, newEnd: from + narrowed.newEnd };
    return this.advance(change, before.slice(narrowed.at, narrowed.oldEnd));
  }

  /** Moves to the next version of the text (when it changed) and gives its snapshot. */
  private advance(change: TextChange | null, removed: string, text?: string): { snapshot: TextSnapshot; change: TextChange | null } {
    if (change) {
      const next = new Version(this.liveLength());
      this.version.next = { version: next, change, removed };
      this.version = next;
    }
    if (text !== undefined) this.version.text = text;
    this.current = this.snapshotOf(this.version);
    return { snapshot: this.current, change };
  }

  private rebuild(): void {
    let container: Element = this.root;
    // Down through wrappers (Draft.js puts its blocks two levels in) to the element whose
    // children are the blocks.
    while (container.childElementCount === 1 && [...container.childNodes].every((n) => !(n instanceof Text) || n.data.trim() === '')) {
      const child = container.firstElementChild!;
      if (!isBlock(child) || child.childElementCount === 0 || ![...child.children].every(isBlock)) break;
      container = child;
    }
    const elements = [...container.children];
    // Text in the container may only come before its first block (the head run).
    const head = headNodes(container);
    const textOnly = [...container.childNodes].every((n) => !(n instanceof Text) || n.data.trim() === '' || (head?.includes(n) ?? false));
    const headRun = head ? headBlock(container, head) : null;
    this.whole = !(elements.length > 0 && textOnly && elements.every(isBlock) && (!head || headRun));
    this.blocks = new Sequence<Block>();
    this.entries = new Map();
    this.read = null;
    if (!this.whole) {
      let previous: Block | null = null;
      const read: Block[] = elements.map((element) => ({ element, snapshot: snapshotEditable(element as HTMLElement), breaks: breaksAround(element) }));
      if (headRun) read.unshift(headRun);
      const sized = read.map((block) => {
        const separator = previous ? Math.max(previous.breaks, block.breaks) : 0;
        previous = block;
        return { item: block, size: [separator + block.snapshot.text.length] };
      });
      this.blocks.splice(0, 0, sized).forEach((entry) => this.entries.set(entry.item.element, entry));
      this.container = container;
      // The joined text must be the editor's innerText, or offsets would not match a full read.
      if (this.liveText() === this.root.innerText) return;
      this.whole = true;
      this.blocks = new Sequence<Block>();
      this.entries = new Map();
    }
    this.container = null;
    this.read = snapshotEditable(this.root);
  }

  // --- The latest text, read from the blocks (or the whole read) -----------------------

  /** Adds the head run `nodes` to `fresh` as a block (none when they are white space); false when it cannot be read as one. */
  private takeHead(nodes: Text[], fresh: Block[]): boolean {
    if (!nodes.some((n) => n.data.trim() !== '')) return true;
    const block = headBlock(this.container!, nodes);
    if (block) fresh.push(block);
    return block !== null;
  }

  /** Whether the first block is the head run. */
  private hasHead(): boolean {
    return this.blocks.length > 0 && this.blocks.at(0).item.head !== undefined;
  }

  private liveLength(): number {
    return this.read ? this.read.length : this.blocks.total();
  }

  /** Where block `i`'s own text starts (after the line breaks before it). */
  private textStart(i: number): number {
    const entry = this.blocks.at(i);
    return this.blocks.before(i) + entry.size[0]! - entry.item.snapshot.text.length;
  }

  /** The last block whose text starts at or before `offset` (0 when none does). */
  private blockAt(offset: number): number {
    const i = this.blocks.indexAt(offset);
    if (i < this.blocks.length && this.textStart(i) <= offset) return i;
    return Math.max(0, i - 1);
  }

  private liveSlice(start: number, end: number): string {
    if (this.read) return this.read.slice(start, end);
    const { blocks } = this;
    end = Math.min(end, blocks.total());
    let out = '';
    for (let i = blocks.indexAt(Math.max(0, start)); i < blocks.length && out.length < end - start; i++) {
      const from = blocks.before(i);
      const entry = blocks.at(i);
      const span = '\n'.repeat(entry.size[0]! - entry.item.snapshot.text.length) + entry.item.snapshot.text;
      out += span.slice(Math.max(0, start - from), end - from);
    }
    return out;
  }

  private liveText(): string {
    if (this.read) return this.read.text;
    return this.blocks
      .entries()
      .map((entry) => '\n'.repeat(entry.size[0]! - entry.item.snapshot.text.length) + entry.item.snapshot.text)
      .join('');
  }

  private liveRange(start: number, end: number): Range | null {
    if (this.read) return this.read.range(start, end);
    const { blocks } = this;
    if (blocks.length === 0 || end <= start) return null;
    const first = this.blockAt(start);
    const last = this.blockAt(Math.max(start, end - 1));
    let from: Range | null = null;
    let to: Range | null = null;
    for (let i = first; i <= last && !from; i++) from = blocks.at(i).item.snapshot.range(start - this.textStart(i), end - this.textStart(i));
    for (let i = last; i >= first && !to; i--) to = blocks.at(i).item.snapshot.range(start - this.textStart(i), end - this.textStart(i));
    if (!from || !to) return null;
    if (from === to) return from;
    from.setEnd(to.endContainer, to.endOffset);
    return from;
  }

  private liveOffsetOf(node: Node, offset: number): number | null {
    if (this.read) return this.read.offsetOf(node, offset);
    let element: Node | null = node;
    while (element && element.parentNode !== this.container) element = element.parentNode;
    const entry = element instanceof Element ? this.entries.get(element) : element instanceof Text && this.hasHead() ? this.blocks.at(0) : undefined;
    const i = entry ? this.blocks.indexOf(entry) : -1;
    if (i < 0) return null;
    const inBlock = entry!.item.snapshot.offsetOf(node, offset);
    return inBlock === null ? null : this.textStart(i) + inBlock;
  }

  private liveWithin(top: number, bottom: number): [number, number] {
    const { blocks } = this;
    const rect = (i: number) => boxOf(blocks.at(i).item);
    // Blocks are laid out one below the other: the first whose bottom is below `top`, to the
    // last whose top is above `bottom`.
    const first = firstIndex(blocks.length, (i) => rect(i).bottom > top);
    const end = firstIndex(blocks.length, (i) => rect(i).top >= bottom, first);
    if (end <= first) {
      const at = first < blocks.length ? this.textStart(first) : blocks.total();
      return [at, at];
    }
    return [this.textStart(first), this.textStart(end - 1) + blocks.at(end - 1).item.snapshot.text.length];
  }

  // --- Versions ---------------------------------------------------------------------------

  /** The text of version `v`: the latest read from the blocks, an earlier one from the one after it. */
  private textOf(v: Version): string {
    if (v.text !== null) return v.text;
    const chain: Version[] = [];
    for (let at: Version | null = v; at && at.text === null; at = at.next?.version ?? null) chain.push(at);
    let text = chain.at(-1)!.next ? chain.at(-1)!.next!.version.text! : this.liveText();
    if (!chain.at(-1)!.next) chain.at(-1)!.text = text;
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!.next;
      if (!link) continue;
      text = text.slice(0, link.change.at) + link.removed + text.slice(link.change.newEnd);
      chain[i]!.text = text;
    }
    return text;
  }

  /**
   * text[start, end) of version `v`, from the latest through the changes since (an earlier
   * version's own text is not joined for a slice of it).
   */
  private sliceOf(v: Version, start: number, end: number): string {
    if (v.text !== null) return v.text.slice(start, end);
    const link = v.next;
    if (!link) return this.liveSlice(start, end);
    const { change, removed, version } = link;
    const moved = change.newEnd - change.oldEnd;
    let out = '';
    if (start < change.at) out += this.sliceOf(version, start, Math.min(end, change.at));
    if (end > change.at && start < change.oldEnd) out += removed.slice(Math.max(0, start - change.at), Math.min(removed.length, end - change.at));
    if (end > change.oldEnd) out += this.sliceOf(version, Math.max(start, change.oldEnd) + moved, end + moved);
    return out;
  }

  /** The changes from version `v` to the latest. */
  private changesSince(v: Version): TextChange[] {
    const changes: TextChange[] = [];
    for (let link = v.next; link; link = link.version.next) changes.push(link.change);
    return changes;
  }

  private snapshotOf(v: Version): TextSnapshot {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const toLatest = (start: number, end: number): [number, number] => {
      for (const change of self.changesSince(v)) [start, end] = [forward(start, change, false), forward(end, change, true)];
      return [start, end];
    };
    const fromLatest = (p: number): number => self.changesSince(v).reduceRight((q, change) => back(q, change), p);
    return {
      get text() {
        return self.textOf(v);
      },
      length: v.length,
      slice(start, end) {
        start = Math.max(0, start);
        end = Math.min(v.length, end);
        return end > start ? self.sliceOf(v, start, end) : '';
      },
      range(start, end) {
        [start, end] = toLatest(start, end);
        return self.liveRange(start, end);
      },
      offsetOf(node, offset) {
        const at = self.liveOffsetOf(node, offset);
        return at === null ? null : fromLatest(at);
      },
      ...(this.read
        ? {}
        : {
            within(top: number, bottom: number): [number, number] {
              if (self.read) return [0, v.length];
              const [start, end] = self.liveWithin(top, bottom);
              return [fromLatest(start), fromLatest(end)];
            },
          }),
    };
  }
}
