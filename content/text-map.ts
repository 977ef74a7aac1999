/**
 * The text of a contenteditable editor as its `innerText` gives it (what the rule engine checks,
 * and what its offsets point into), with a map from those offsets back to DOM text positions so
 * findings can be drawn and replaced on the exact characters. `innerText` adds line breaks for
 * paragraphs and <br>s that are in no text node, and drops text that is not rendered; the map
 * aligns the two in one linear pass instead of guessing each editor's block markup.
 */
export interface TextSnapshot {
  text: string;
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

  const locate = (position: number): [Text, number] => {
    let lo = 0;
    let hi = nodeStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodeStarts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo]!, position - nodeStarts[lo]!];
  };

  return {
    text,
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
function narrow(before: string, after: string, change: TextChange): TextChange | null {
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
  element: Element;
  snapshot: TextSnapshot;
}

/**
 * The text of a contenteditable editor, kept up to date from its mutation records instead of
 * read whole on every edit: editors keep the draft as a list of block elements (Lexical's
 * paragraphs, Draft.js's blocks), and an edit touches one or a few. Each block is read alone
 * (snapshotEditable, above), the text is the blocks' texts joined as innerText joins them, and
 * only the blocks an edit touched are read again, so a keystroke costs the same in a 1 MB draft
 * as in a short one. Whenever the structure is rebuilt whole, the joined text is compared with
 * the editor's innerText; an editor whose markup does not join that way is read whole each time.
 */
export class EditableText {
  private container: Element | null = null;
  private blocks: Block[] = [];
  private index = new Map<Element, number>();
  private text = '';
  private current: TextSnapshot | null = null;
  /** True when the editor is read whole each time (its markup is not a list of blocks). */
  whole = false;

  constructor(private readonly root: HTMLElement) {}

  /** Reads the whole editor again, as on attach. */
  reset(): { snapshot: TextSnapshot; change: TextChange | null } {
    const before = this.text;
    this.container = null;
    const snapshot = this.rebuild();
    return { snapshot, change: narrow(before, snapshot.text, { at: 0, oldEnd: before.length, newEnd: snapshot.text.length }) };
  }

  /** The text after the edits the mutation records describe, and what changed since the last call. */
  update(records: MutationRecord[]): { snapshot: TextSnapshot; change: TextChange | null } {
    if (this.whole || !this.container || !this.container.isConnected || !this.current) return this.reset();
    const container = this.container;
    const dirty = new Set<Element>();
    let listChanged = false;
    for (const record of records) {
      if (record.target === container) {
        if (record.type === 'childList') listChanged = true;
        continue;
      }
      let node: Node | null = record.target;
      while (node && node.parentNode !== container) node = node.parentNode;
      // An edit outside the blocks (the editor replaced its block container): read it all again.
      if (!node) return this.reset();
      if (node instanceof Element) dirty.add(node);
      else return this.reset();
    }
    if (!listChanged && dirty.size === 0) return { snapshot: this.current, change: null };

    const old = this.blocks;
    const elements = listChanged ? [...container.children] : old.map((b) => b.element);
    if (listChanged) {
      // Text directly in the block container, or an inline element: not a list of blocks.
      for (const child of container.childNodes) if (child instanceof Text && child.data.trim() !== '') return this.reset();
    }
    // The first and last block that differ, from each end.
    let first = 0;
    while (first < old.length && first < elements.length && old[first]!.element === elements[first] && !dirty.has(elements[first]!)) first++;
    let oldLast = old.length - 1;
    let newLast = elements.length - 1;
    while (oldLast >= first && newLast >= first && old[oldLast]!.element === elements[newLast] && !dirty.has(elements[newLast]!)) {
      oldLast--;
      newLast--;
    }
    const fresh: Block[] = [];
    for (let i = first; i <= newLast; i++) {
      const element = elements[i]!;
      if (!isBlock(element)) return this.reset();
      fresh.push({ element, snapshot: snapshotEditable(element as HTMLElement) });
    }
    const blocks = [...old.slice(0, first), ...fresh, ...old.slice(oldLast + 1)];
    const before = this.text;
    if (listChanged) this.index = new Map(blocks.map((b, i) => [b.element, i]));
    const snapshot = this.join(blocks);
    // Whatever changed lies from the block before the first changed one to the one after the last.
    const starts = this.starts;
    const at = first > 0 ? Math.max(0, starts[first - 1]!) : 0;
    const tailBlock = newLast + 1;
    const newEnd = tailBlock < blocks.length ? starts[tailBlock]! + blocks[tailBlock]!.snapshot.text.length : snapshot.text.length;
    const tail = snapshot.text.length - newEnd;
    return { snapshot, change: narrow(before, snapshot.text, { at, oldEnd: before.length - tail, newEnd }) };
  }

  private starts: number[] = [];

  private rebuild(): TextSnapshot {
    let container: Element = this.root;
    // Down through wrappers (Draft.js puts its blocks two levels in) to the element whose
    // children are the blocks.
    while (container.childElementCount === 1 && [...container.childNodes].every((n) => !(n instanceof Text) || n.data.trim() === '')) {
      const child = container.firstElementChild!;
      if (!isBlock(child) || child.childElementCount === 0 || ![...child.children].every(isBlock)) break;
      container = child;
    }
    const elements = [...container.children];
    const textOnly = [...container.childNodes].every((n) => !(n instanceof Text) || n.data.trim() === '');
    this.whole = !(elements.length > 0 && textOnly && elements.every(isBlock));
    if (!this.whole) {
      const blocks = elements.map((element) => ({ element, snapshot: snapshotEditable(element as HTMLElement) }));
      this.container = container;
      this.index = new Map(blocks.map((b, i) => [b.element, i]));
      const snapshot = this.join(blocks);
      // The joined text must be the editor's innerText, or offsets would not match a full read.
      if (snapshot.text === this.root.innerText) return snapshot;
      this.whole = true;
    }
    this.container = null;
    this.blocks = [];
    const snapshot = snapshotEditable(this.root);
    this.text = snapshot.text;
    this.current = snapshot;
    return snapshot;
  }

  /** The text of `blocks` joined as innerText joins them, and a snapshot over it. */
  private join(blocks: Block[]): TextSnapshot {
    const starts: number[] = new Array(blocks.length);
    let text = '';
    let previousBreaks = 0;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const breaks = breaksAround(block.element);
      if (i > 0) text += '\n'.repeat(Math.max(previousBreaks, breaks));
      starts[i] = text.length;
      text += block.snapshot.text;
      previousBreaks = breaks;
    }
    this.blocks = blocks;
    this.starts = starts;
    this.text = text;
    const index = this.index;
    const container = this.container;
    const blockAt = (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const snapshot: TextSnapshot = {
      text,
      range(start, end) {
        if (blocks.length === 0 || end <= start) return null;
        const first = blockAt(start);
        const last = blockAt(Math.max(start, end - 1));
        let from: Range | null = null;
        let to: Range | null = null;
        for (let i = first; i <= last && !from; i++) from = blocks[i]!.snapshot.range(start - starts[i]!, end - starts[i]!);
        for (let i = last; i >= first && !to; i--) to = blocks[i]!.snapshot.range(start - starts[i]!, end - starts[i]!);
        if (!from || !to) return null;
        if (from === to) return from;
        from.setEnd(to.endContainer, to.endOffset);
        return from;
      },
      within(top, bottom) {
        const rect = (i: number) => blocks[i]!.element.getBoundingClientRect();
        // Blocks are laid out one below the other: the first whose bottom is below `top`...
        let lo = 0;
        let hi = blocks.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rect(mid).bottom <= top) lo = mid + 1;
          else hi = mid;
        }
        const first = lo;
        // ...to the last whose top is above `bottom`.
        hi = blocks.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rect(mid).top < bottom) lo = mid + 1;
          else hi = mid;
        }
        if (lo <= first) {
          const at = starts[first] ?? text.length;
          return [at, at];
        }
        return [starts[first]!, starts[lo - 1]! + blocks[lo - 1]!.snapshot.text.length];
      },
      offsetOf(node, offset) {
        let element: Node | null = node;
        while (element && element.parentNode !== container) element = element.parentNode;
        const i = element instanceof Element ? index.get(element) : undefined;
        if (i === undefined || blocks[i]?.element !== element) return null;
        const inBlock = blocks[i]!.snapshot.offsetOf(node, offset);
        return inBlock === null ? null : starts[i]! + inBlock;
      },
    };
    this.current = snapshot;
    return snapshot;
  }
}
