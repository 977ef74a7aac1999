import { describe, expect, it } from 'vitest';
import { FindingList } from '../content/finding-list';
import { applyAnswer } from '../protocol/messages';
import type { Finding } from '../rules/engine/types';
import { random } from './support/random';

// The content script's findings (content/finding-list.ts) against a plain array changed by
// applyAnswer (protocol/messages.ts): after every answer, every query must give what a scan of
// the array gives.
describe('FindingList', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`holds what a plain array holds through random answers (seed ${seed})`, () => {
      const next = random(seed);
      const int = (n: number) => Math.floor(next() * n);
      let made = 0;
      const finding = (start: number): Finding => ({
        rule: ['child-name', 'contact', 'complaint'][int(3)]!,
        severity: next() < 0.4 ? 'block' : 'warn',
        start,
        end: start + 1 + int(20),
        excerpt: `f${made++}`,
        message: '',
      }) as unknown as Finding;
      /** Findings sorted by start, from `from`, some sharing a start. */
      const run = (from: number, n: number) => {
        const out: Finding[] = [];
        let at = from;
        for (let i = 0; i < n; i++) {
          at += next() < 0.2 ? 0 : int(40);
          out.push(finding(at));
        }
        return out;
      };
      const ignoredExcerpts = new Set<string>();
      const ignored = (f: Finding) => ignoredExcerpts.has(f.excerpt);
      let model = run(0, int(30));
      const list = new FindingList(model, ignored);
      for (let step = 0; step < 300; step++) {
        if (next() < 0.05 && model.length) {
          ignoredExcerpts.add(model[int(model.length)]!.excerpt);
          list.reignore(ignored);
        } else {
          // An answer: keep a head, move a tail, put new findings between them.
          const head = int(model.length + 1);
          const tail = int(model.length - head + 1);
          const from = head > 0 ? model[head - 1]!.start : 0;
          const tailStart = tail > 0 ? model[model.length - tail]!.start : from + 200;
          const findings = run(from, int(6)).filter((f) => f.start <= tailStart);
          const lastNew = findings.length ? findings.at(-1)!.start : from;
          // The tail moves by the edit's length change, never before the findings put in front of it.
          const shift = Math.max(lastNew - tailStart, int(60) - 30);
          const delta = { base: 0, head, tail, shift };
          model = applyAnswer(model, { findings, delta });
          list.apply(findings, delta);
        }
        expect(list.length).toBe(model.length);
        expect(list.toArray()).toEqual(model);
        expect(list.blocking).toBe(model.filter((f) => f.severity === 'block').length);
        expect(list.ignoredCount).toBe(model.filter(ignored).length);
        for (let probe = 0; probe < 5; probe++) {
          const offset = int((model.at(-1)?.start ?? 0) + 10) - 2;
          const expected = model.findIndex((f) => f.start >= offset);
          expect(list.firstFrom(offset)).toBe(expected < 0 ? model.length : expected);
          if (model.length) {
            const i = int(model.length);
            expect(list.at(i)).toEqual(model[i]);
            expect(list.isIgnored(i)).toBe(ignored(model[i]!));
          }
        }
      }
    });
  }

  it('fails an answer that keeps more findings than it holds', () => {
    const list = new FindingList([]);
    expect(() => list.apply([], { base: 0, head: 1, tail: 0, shift: 0 })).toThrow(RangeError);
  });
});
