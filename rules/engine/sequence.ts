/**
 * A list whose items have sizes (a text block's characters, a part's findings), kept in a
 * balanced tree (a treap with implicit keys: Seidel and Aragon, "Randomized search trees", 1996)
 * so that a long list costs no more per edit than a short one. Each of these is O(log n):
 * - the item at an index, and the sum of the sizes before an index (where an item starts);
 * - the index of the item that holds an offset;
 * - an entry's index (an entry is the handle `splice` gives for each item it inserts);
 * - replacing a run of items (O(log n + k) for k items), and changing an item's size.
 * Sizes come in `dimensions` kinds (size[0], size[1], ...), each summed on its own.
 */
export interface Entry<T> {
  readonly item: T;
  readonly size: readonly number[];
}

interface Node<T> extends Entry<T> {
  item: T;
  size: number[];
  sum: number[];
  count: number;
  priority: number;
  left: Node<T> | null;
  right: Node<T> | null;
  parent: Node<T> | null;
}

const count = <T>(node: Node<T> | null) => (node ? node.count : 0);

export class Sequence<T> {
  private root: Node<T> | null = null;

  constructor(private readonly dimensions = 1) {}

  get length(): number {
    return count(this.root);
  }

  /** The sum of all the sizes of kind `d`. */
  total(d = 0): number {
    return this.root ? this.root.sum[d]! : 0;
  }

  /** The entry at `index` (0 <= index < length). */
  at(index: number): Entry<T> {
    let node = this.root;
    while (node) {
      const left = count(node.left);
      if (index < left) node = node.left;
      else if (index === left) return node;
      else {
        index -= left + 1;
        node = node.right;
      }
    }
    throw new RangeError(`no item at ${index}`);
  }

  /** The sum of the sizes of kind `d` of the items before `index` (0 <= index <= length). */
  before(index: number, d = 0): number {
    let sum = 0;
    let node = this.root;
    while (node && index > 0) {
      const left = count(node.left);
      if (index <= left) node = node.left;
      else {
        sum += (node.left ? node.left.sum[d]! : 0) + node.size[d]!;
        index -= left + 1;
        node = node.right;
      }
    }
    return sum;
  }

  /**
   * The index of the first item whose span of kind `d` ends after `offset` (the item holding it;
   * items of size 0 hold nothing), or `length` when no span does.
   */
  indexAt(offset: number, d = 0): number {
    let index = 0;
    let node = this.root;
    let found = this.length;
    while (node) {
      const left = node.left ? node.left.sum[d]! : 0;
      if (offset < left) node = node.left;
      else if (offset < left + node.size[d]!) {
        found = index + count(node.left);
        break;
      } else {
        offset -= left + node.size[d]!;
        index += count(node.left) + 1;
        node = node.right;
      }
    }
    return found;
  }

  /** The index of `entry`, or -1 when it is no longer in the list. */
  indexOf(entry: Entry<T>): number {
    let node = entry as Node<T>;
    let index = count(node.left);
    for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
      if (parent.right === node) index += count(parent.left) + 1;
      else if (parent.left !== node) return -1;
    }
    return node === this.root ? index : -1;
  }

  /** The items from index `from` to before `to`, in order. */
  items(from = 0, to = this.length): T[] {
    return this.entries(from, to).map((entry) => entry.item);
  }

  /** The entries from index `from` to before `to`, in order. */
  entries(from = 0, to = this.length): Entry<T>[] {
    const out: Entry<T>[] = [];
    const walk = (node: Node<T> | null, offset: number) => {
      if (!node || offset >= to || offset + node.count <= from) return;
      const at = offset + count(node.left);
      walk(node.left, offset);
      if (at >= from && at < to) out.push(node);
      walk(node.right, at + 1);
    };
    walk(this.root, 0);
    return out;
  }

  /** Replaces `remove` items from `index` with `insert` (items and their sizes); the new entries, in order. */
  splice(index: number, remove: number, insert: readonly { item: T; size: readonly number[] }[] = []): Entry<T>[] {
    const [head, rest] = split(this.root, index);
    const [removed, tail] = split(rest, remove);
    for (const node of nodesOf(removed)) node.parent = node.left = node.right = null;
    const made = insert.map((x) => this.node(x.item, x.size));
    this.root = merge(merge(head, build(made, 0, made.length)), tail);
    if (this.root) this.root.parent = null;
    return made;
  }

  /** Gives `entry` (in the list) another item and sizes. */
  set(entry: Entry<T>, item: T, size: readonly number[]): void {
    const node = entry as Node<T>;
    node.item = item;
    node.size = this.sizes(size);
    for (let n: Node<T> | null = node; n; n = n.parent) pull(n);
  }

  private node(item: T, size: readonly number[]): Node<T> {
    const sizes = this.sizes(size);
    return { item, size: sizes, sum: sizes.slice(), count: 1, priority: Math.random(), left: null, right: null, parent: null };
  }

  private sizes(size: readonly number[]): number[] {
    if (size.length !== this.dimensions) throw new RangeError(`an item needs ${this.dimensions} sizes, not ${size.length}`);
    return size.slice();
  }
}

function pull<T>(node: Node<T>): void {
  const { left, right } = node;
  node.count = 1 + count(left) + count(right);
  for (let d = 0; d < node.size.length; d++) node.sum[d] = node.size[d]! + (left ? left.sum[d]! : 0) + (right ? right.sum[d]! : 0);
  if (left) left.parent = node;
  if (right) right.parent = node;
}

/** The first `k` items of the tree, and the rest. */
function split<T>(node: Node<T> | null, k: number): [Node<T> | null, Node<T> | null] {
  if (!node) return [null, null];
  if (k <= count(node.left)) {
    const [a, b] = split(node.left, k);
    node.left = b;
    pull(node);
    if (a) a.parent = null;
    node.parent = null;
    return [a, node];
  }
  const [a, b] = split(node.right, k - count(node.left) - 1);
  node.right = a;
  pull(node);
  if (b) b.parent = null;
  node.parent = null;
  return [node, b];
}

function merge<T>(a: Node<T> | null, b: Node<T> | null): Node<T> | null {
  if (!a) return b;
  if (!b) return a;
  if (a.priority > b.priority) {
    a.right = merge(a.right, b);
    pull(a);
    return a;
  }
  b.left = merge(a, b.left);
  pull(b);
  return b;
}

/** A tree of nodes[from, to), in order, keeping the heap order of their priorities (O(k log k) at worst, O(k) as a rule). */
function build<T>(nodes: Node<T>[], from: number, to: number): Node<T> | null {
  if (to - from <= 0) return null;
  // The highest priority is the root; a run's nodes are few beside the whole list, so finding it by a scan is cheap.
  let top = from;
  for (let i = from + 1; i < to; i++) if (nodes[i]!.priority > nodes[top]!.priority) top = i;
  const node = nodes[top]!;
  node.left = build(nodes, from, top);
  node.right = build(nodes, top + 1, to);
  pull(node);
  node.parent = null;
  return node;
}

function* nodesOf<T>(node: Node<T> | null): Generator<Node<T>> {
  if (!node) return;
  yield* nodesOf(node.left);
  yield* nodesOf(node.right);
  yield node;
}
