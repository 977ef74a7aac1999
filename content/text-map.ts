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
