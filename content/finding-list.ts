import type { Finding } from '../rules/engine/types';
import type { FindingsDelta } from '../protocol/messages';
import { Sequence } from '../rules/engine/sequence';

/**
 * A text's findings as the content script holds them, sorted by start, changed by the worker's
 * answers (CheckResult.delta: of the findings held, the first `head` stay, the last `tail` move by
 * `shift`, and the answer's findings go between) at a cost that follows the change, not the
 * number of findings: they are kept in a Sequence (rules/engine/sequence.ts) whose sizes are
 * [the distance from the previous finding's start to this one's, 1 when it blocks, 1 when it is
 * ignored], so moving every finding after an edit is one size changed, and the count, the
 * blocking ones, and the first finding at or after an offset are each found in O(log n).
 * A finding is stored as it came; one whose place moved since is given out as a moved copy.
 */
export class FindingList {
  private list = new Sequence<Finding>(3);
  /** Changes with every edit, so views of the list (visible(), kept by the session) know they are out of date. */
  version = 0;

  constructor(
    findings: readonly Finding[] = [],
    private ignored: (finding: Finding) => boolean = () => false,
  ) {
    this.list.splice(0, 0, this.sized(findings, 0));
  }

  get length(): number {
    return this.list.length;
  }

  /** How many findings block. */
  get blocking(): number {
    return this.list.total(1);
  }

  /** How many are ignored. */
  get ignoredCount(): number {
    return this.list.total(2);
  }

  /** Whether the finding at `index` is ignored. */
  isIgnored(index: number): boolean {
    return this.list.at(index).size[2] === 1;
  }

  /** The finding at `index`, where it is now. */
  at(index: number): Finding {
    const entry = this.list.at(index);
    const start = this.list.before(index + 1);
    const f = entry.item;
    return f.start === start ? f : { ...f, start, end: start + (f.end - f.start) };
  }

  /** The index of the first finding starting at or after `offset` (length when none does). */
  firstFrom(offset: number): number {
    if (offset <= 0) return 0;
    // The first whose start (the sizes summed up to it, itself included) is past offset - 1.
    return this.list.indexAt(offset - 1);
  }

  /** All the findings, in order (O(n): for the gate, the popup, the cards; not per keystroke). */
  toArray(): Finding[] {
    const out: Finding[] = [];
    let start = 0;
    for (const entry of this.list.entries()) {
      start += entry.size[0]!;
      const f = entry.item;
      out.push(f.start === start ? f : { ...f, start, end: start + (f.end - f.start) });
    }
    return out;
  }

  /** Applies an answer made against these findings (see the class comment). */
  apply(findings: readonly Finding[], delta: FindingsDelta): void {
    const { list } = this;
    const { head, tail, shift } = delta;
    if (head + tail > list.length) throw new RangeError(`an answer keeps ${head} + ${tail} of ${list.length} findings`);
    const tailStart = tail > 0 ? list.before(list.length - tail + 1) : 0;
    const before = head > 0 ? list.before(head) : 0;
    list.splice(head, list.length - head - tail, this.sized(findings, before));
    if (tail > 0) {
      const at = head + findings.length;
      const previous = findings.length ? findings.at(-1)!.start : before;
      const entry = list.at(at);
      list.set(entry, entry.item, [tailStart + shift - previous, entry.size[1]!, entry.size[2]!]);
    }
    this.version++;
  }

  /** Whether a finding is ignored changed: every finding is asked again (a user's click, not a keystroke). */
  reignore(ignored: (finding: Finding) => boolean): void {
    this.ignored = ignored;
    const all = this.toArray();
    this.list = new Sequence<Finding>(3);
    this.list.splice(0, 0, this.sized(all, 0));
    this.version++;
  }

  private sized(findings: readonly Finding[], from: number): { item: Finding; size: number[] }[] {
    let previous = from;
    return findings.map((f) => {
      const gap = f.start - previous;
      if (gap < 0) throw new RangeError(`findings out of order at ${f.start}`);
      previous = f.start;
      return { item: f, size: [gap, f.severity === 'block' ? 1 : 0, this.ignored(f) ? 1 : 0] };
    });
  }
}
