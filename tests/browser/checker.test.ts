import { describe, expect, it } from 'vitest';
import { IncrementalChecker, LONG_DRAFT, chunk } from '../../background/checker';
import type { Finding } from '../../rules/engine/types';

// The background worker's incremental checking (background/checker.ts), with a stand-in engine that
// flags every "Olivia" (child-name) and, for the whole draft only, a missing disclaimer.
function finding(rule: Finding['rule'], text: string, start: number, end: number): Finding {
  return {
    rule,
    severity: 'warn',
    start,
    end,
    excerpt: text.slice(start, end),
    message: rule,
    clause: { pack: 'default', section: 's', quote: 'q' },
    why: 'test',
    score: 1,
  };
}

function engine(calls: string[]) {
  return (text: string): Finding[] => {
    calls.push(text);
    const found = [...text.matchAll(/Olivia/g)].map((m) => finding('child-name', text, m.index, m.index + 6));
    const school = text.indexOf('our school');
    if (school >= 0 && !text.includes('Views are my own')) found.push(finding('disclaimer', text, school, school + 10));
    return found;
  };
}

const paragraph = (i: number) => `Paragraph ${i}: ${'the children had a lovely time together. '.repeat(6).trim()}`;
const long = (edit = (p: string[]) => p) => edit(Array.from({ length: 8 }, (_, i) => paragraph(i))).join('\n\n');

describe('chunk', () => {
  it.each([
    ['one paragraph', 'Hello there.', [[0, 'Hello there.']]],
    ['paragraphs, blank lines skipped', 'One.\n\nTwo.', [[0, 'One.'], [6, 'Two.']]],
  ])('%s', (_name, text, expected) => {
    expect(chunk(text).map((c) => [c.start, c.text])).toEqual(expected);
  });

  it('cuts a long paragraph after sentence ends, never mid-word, and loses no text', () => {
    const text = 'This is a sentence that goes on. '.repeat(60).trim();
    const chunks = chunk(text);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(600);
      expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
    }
    expect(chunks.slice(0, -1).every((c) => c.text.endsWith('. '))).toBe(true);
  });
});

/** The checker brought to `text`, checked as a keystroke is (or whole), and its findings. */
function at(checker: IncrementalChecker, text: string, whole = false): Finding[] {
  checker.update(text);
  if (whole) checker.checkAll();
  else checker.incremental();
  return checker.findings();
}

describe('IncrementalChecker', () => {
  it('checks only the chunk that changed, and places its findings in the whole text', () => {
    const calls: string[] = [];
    const checker = new IncrementalChecker(engine(calls));
    const before = long();
    expect(before.length).toBeGreaterThan(LONG_DRAFT);
    // Keystrokes fill the cache a budget at a time.
    at(checker, before);
    while (!checker.complete) checker.incremental();
    calls.length = 0;
    const after = long((p) => p.map((s, i) => (i === 5 ? `${s} Well done Olivia.` : s)));
    const findings = at(checker, after);
    expect(calls).toEqual([after.split('\n\n')[5]]);
    expect(findings.map((f) => [f.rule, f.start, after.slice(f.start, f.end)])).toEqual([['child-name', after.indexOf('Olivia'), 'Olivia']]);
  });

  it('leaves whole-draft rules to the whole-draft check, and carries its findings past later edits', () => {
    const checker = new IncrementalChecker(engine([]));
    const text = long((p) => [`${p[0]} At our school today.`, ...p.slice(1)]);
    expect(at(checker, text).map((f) => f.rule)).toEqual([]);
    expect(at(checker, text, true).map((f) => f.rule)).toEqual(['disclaimer']);
    const typed = `${text} More.`;
    const findings = at(checker, typed);
    expect(findings.map((f) => [f.rule, typed.slice(f.start, f.end)])).toEqual([['disclaimer', 'our school']]);
    expect(checker.isFull(typed)).toBe(false);
    // A second edit, before the finding, shifts it; an edit over it drops it.
    const shifted = `Hi. ${typed}`;
    expect(at(checker, shifted).map((f) => shifted.slice(f.start, f.end))).toEqual(['our school']);
    expect(at(checker, shifted.replace('our school', 'our sch'))).toEqual([]);
  });

  it('checks at most a budget of new text per call, and says when it left some for the whole check', () => {
    const calls: string[] = [];
    const checker = new IncrementalChecker(engine(calls));
    at(checker, long());
    expect(checker.complete).toBe(false);
    expect(calls.join('').length).toBeLessThanOrEqual(1_200);
    const done = at(checker, long(), true);
    expect(checker.isFull(long())).toBe(true);
    expect(checker.complete).toBe(true);
    expect(done).toEqual([]);
  });
});
