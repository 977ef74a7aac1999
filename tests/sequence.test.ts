import { describe, expect, it } from 'vitest';
import { Sequence, type Entry } from '../rules/engine/sequence';
import { firstIndex, lastAtOrBefore, lowerBound } from '../rules/engine/search';
import { random } from './support/random';

// The sequence (rules/engine/sequence.ts) against a plain array doing the same edits: every query must
// give what a scan of the array gives, after every edit.
describe('Sequence', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`answers as a plain array does through random edits (seed ${seed})`, () => {
      const next = random(seed);
      const int = (n: number) => Math.floor(next() * n);
      const sequence = new Sequence<number>(2);
      const model: { item: number; size: number[]; entry: Entry<number> }[] = [];
      const removed: Entry<number>[] = [];
      let made = 0;
      const fresh = () => ({ item: made++, size: [int(5), int(3)] });
      for (let step = 0; step < 400; step++) {
        const op = next();
        if (op < 0.55 || model.length === 0) {
          const at = int(model.length + 1);
          const remove = Math.min(int(4), model.length - at);
          const insert = Array.from({ length: int(5) }, fresh);
          const entries = sequence.splice(at, remove, insert);
          expect(entries.map((e) => e.item)).toEqual(insert.map((x) => x.item));
          const gone = model.splice(at, remove, ...insert.map((x, i) => ({ ...x, entry: entries[i]! })));
          removed.push(...gone.map((g) => g.entry));
        } else {
          const i = int(model.length);
          const item = made++;
          const size = [int(5), int(3)];
          sequence.set(model[i]!.entry, item, size);
          model[i] = { item, size, entry: model[i]!.entry };
        }

        expect(sequence.length).toBe(model.length);
        expect(sequence.items()).toEqual(model.map((m) => m.item));
        for (const d of [0, 1]) {
          const prefix = [0];
          for (const m of model) prefix.push(prefix.at(-1)! + m.size[d]!);
          expect(sequence.total(d)).toBe(prefix.at(-1));
          expect(prefix.map((_, i) => sequence.before(i, d))).toEqual(prefix);
          const offsets = Array.from({ length: prefix.at(-1)! + 2 }, (_, offset) => offset);
          const holders = offsets.map((offset) => {
            const i = model.findIndex((_, k) => prefix[k + 1]! > offset);
            return i < 0 ? model.length : i;
          });
          expect(offsets.map((offset) => sequence.indexAt(offset, d))).toEqual(holders);
        }
        expect(model.map((_, i) => sequence.at(i).item)).toEqual(model.map((m) => m.item));
        expect(model.map((m) => sequence.indexOf(m.entry))).toEqual(model.map((_, i) => i));
        expect(removed.map((entry) => sequence.indexOf(entry)).filter((i) => i !== -1)).toEqual([]);
        const from = int(model.length + 1);
        const to = from + int(model.length + 1 - from);
        expect(sequence.items(from, to)).toEqual(model.slice(from, to).map((m) => m.item));
      }
    });
  }

  it('refuses an item with the wrong number of sizes', () => {
    expect(() => new Sequence<string>(2).splice(0, 0, [{ item: 'a', size: [1] }])).toThrow(/2 sizes, not 1/);
  });
});

describe('binary search (rules/engine/search.ts)', () => {
  it('finds the first index where a monotone test holds, against a scan', () => {
    const next = random(9);
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 10)).sort((a, b) => a - b);
      const value = Math.floor(next() * 12) - 1;
      const scanLower = values.findIndex((v) => v >= value);
      expect(lowerBound(values, value)).toBe(scanLower < 0 ? values.length : scanLower);
      expect(lastAtOrBefore(values, value)).toBe(values.findLastIndex((v) => v <= value));
      const from = Math.floor(next() * (values.length + 1));
      const scanFrom = values.findIndex((v, i) => i >= from && v > value);
      expect(firstIndex(values.length, (i) => values[i]! > value, from)).toBe(scanFrom < 0 ? values.length : scanFrom);
    }
  });
});
