// The worker's incremental checking (background/checker.ts) and its answers as deltas
// (protocol/messages.ts applyAnswer), with the real engine, over random edit sequences of a long
// draft: the findings the content script holds after applying each answer must be the worker's,
// the parts must be those a fresh cut of the text gives, a whole-draft check must give exactly
// what a fresh check of the text gives, and a keystroke must check and send only what it changed.
import { describe, expect, it } from 'vitest';
import { IncrementalChecker, chunk, changeBetween, type Change } from '../background/checker';
import { applyAnswer } from '../protocol/messages';
import { checkDraft } from '../rules';
import { packFor } from '../packs';
import type { Finding } from '../rules/engine/types';
import type { Settings } from '../settings/schema';
import { random } from './support/random';

const SCHOOL: Settings = {
  organisation: { names: ['Penrice Primary Academy'], handles: ['@PenricePrimary'] },
  pupilNames: ['Olivia Smith', 'Jack Brown'],
};
const pack = packFor(SCHOOL);
const draftOf = (text: string) => ({ text, platform: 'facebook' as const, account: 'personal' as const });
const fresh = (text: string) => checkDraft(draftOf(text), SCHOOL, { pack });

const PHRASES = [
  'Well done to Olivia Smith in Year 3.',
  'Thanks to @jenny_b for the coaches.',
  'Sports day at Penrice Primary Academy was brilliant.',
  'Call me on 07700 900123 if you can help.',
  'The children ran and cheered all afternoon.',
  'Jack Brown read his poem',
  ' and ',
  'What a day!',
  'Views are my own.',
  '\n',
  '\n\n',
  'The school will close early on Friday for staff training. ',
];
const PARAGRAPH = 'The children ran, jumped and cheered each other on all afternoon in the sunshine. ';

const key = (f: Finding) => JSON.stringify(f);

/** A stand-in engine as fast as a regular expression: flags every "Olivia" and "@jenny_b". */
function quick(text: string): Finding[] {
  return [...text.matchAll(/Olivia|@jenny_b/g)].map((m) => ({
    rule: m[0] === 'Olivia' ? 'child-name' : 'tagging',
    severity: 'warn',
    start: m.index,
    end: m.index + m[0].length,
    excerpt: m[0],
    message: 'm',
    clause: { pack: 'default', section: 's', quote: 'q' },
    why: 'w',
    score: 1,
  }));
}

/** One session of a composer: the worker's checker, and the findings the content script holds. */
function session(engine: (text: string) => Finding[] = fresh) {
  const checked: string[] = [];
  const checker = new IncrementalChecker((text) => {
    checked.push(text);
    return engine(text);
  });
  let held: Finding[] = [];
  let base: number | undefined;
  let sent = 0;
  return {
    checker,
    checked,
    get held() {
      return held;
    },
    get sent() {
      return sent;
    },
    /** One request: the edit, a keystroke's check or a whole one, and the answer applied. */
    ask(text: string, whole: boolean, change?: Change) {
      checker.update(text, change);
      if (whole) checker.checkAll();
      else checker.incremental();
      const answer = checker.answer(base);
      if (answer.delta) expect(answer.delta.base).toBe(base);
      sent = answer.findings.length;
      held = applyAnswer(held, answer);
      base = answer.id;
    },
  };
}

describe('incremental checking, answered as deltas', () => {
  it.each([1, 2, 3, 4])('random edits of a long draft (seed %i): the same findings as a fresh check of the whole text', (seed) => {
    const next = random(seed * 7919);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    let text = Array.from({ length: 14 }, (_, i) => `${PHRASES[i % 9]} ${PARAGRAPH.repeat(1 + (i % 9))}${i % 2 ? '\n' : '\n\n'}`).join('');
    const s = session();
    s.ask(text, true);
    expect(s.held.map(key)).toEqual(fresh(text).map(key));
    let wholeChecks = 0;
    for (let step = 0; step < 40; step++) {
      const before = text;
      const at = Math.floor(next() * (text.length + 1));
      const op = Math.floor(next() * 5);
      if (op === 0) text = text.slice(0, at) + pick(PHRASES) + text.slice(at);
      else if (op === 1) text = text.slice(0, Math.max(0, at - 1 - Math.floor(next() * 40))) + text.slice(at);
      else if (op === 2) text = `${text}${pick(PHRASES)}`;
      else if (op === 3) text = text.slice(0, at) + pick(PHRASES) + text.slice(at + Math.floor(next() * 200));
      else text = text.slice(0, at) + [...text.slice(at, at + 3)].reverse().join('') + text.slice(at + 3);
      const whole = next() < 0.3 || step === 39;
      // Half the edits come with where they were made (as the content script sends them).
      s.ask(text, whole, next() < 0.5 ? changeBetween(before, text) : undefined);
      const where = `seed ${seed}, step ${step}`;
      expect(s.held.map(key), where).toEqual(s.checker.findings().map(key));
      expect(s.checker.cut(), where).toEqual(chunk(text));
      // Joining the text now and then only: most edits read the text from the parts.
      if (step % 5 === 4) expect(s.checker.text(), where).toBe(text);
      if (whole) {
        wholeChecks++;
        expect(s.held.map(key), where).toEqual(fresh(text).map(key));
        expect(s.checker.isFull(text)).toBe(true);
      } else {
        // Between whole checks, each finding still marks the words it was found on.
        for (const f of s.held) expect(text.slice(f.start, f.end), `${where}: ${key(f)}`).toBe(f.excerpt);
      }
    }
    expect(wholeChecks).toBeGreaterThan(3);
  });

  it('a keystroke in a 1 MB draft checks and sends only the part it changed', () => {
    const paragraph = (i: number) => `Day ${i}: well done to Olivia Smith in Year 3, and thanks to @jenny_b. ${PARAGRAPH}`;
    const parts = Array.from({ length: 1_048_576 / 160 }, (_, i) => paragraph(i));
    let text = parts.join('\n\n');
    // The engine's cost is not what this measures: a stand-in finds in a 1 MB draft in milliseconds.
    const s = session(quick);
    // The paste is checked a budget at a time (as keystrokes come), then whole.
    s.ask(text, false);
    expect(s.checker.complete).toBe(false);
    expect(s.checked.join('').length).toBeLessThanOrEqual(1_200);
    const wholeCheck = s.checked.length;
    s.ask(text, true);
    expect(s.checked.length).toBe(wholeCheck + 1);
    const all = s.held.length;
    expect(all).toBeGreaterThan(10_000);
    for (const [where, at] of [['end', () => text.length], ['middle', () => text.indexOf('\n', text.length / 2)], ['start', () => 0]] as const) {
      for (const typed of ['Thanks', ' all', ' Olivia']) {
        s.checked.length = 0;
        const before = text;
        const i = at();
        text = text.slice(0, i) + typed + text.slice(i);
        s.ask(text, false, changeBetween(before, text));
        // The keystroke was read from the parts around it: no whole text was joined for it.
        expect(s.checker['joined'], `${where}: ${typed}`).toBeNull();
        expect(s.checked.join('').length, `${where}: ${typed}`).toBeLessThanOrEqual(2 * paragraph(0).length + typed.length + 10);
        expect(s.sent, `${where}: ${typed}`).toBeLessThanOrEqual(8);
      }
    }
    expect(s.held.length).toBeGreaterThanOrEqual(all);
    expect(s.held.map(key)).toEqual(s.checker.findings().map(key));
  });

  it('an answer against findings the content script does not hold is whole', () => {
    const s = session();
    const text = `${PHRASES[0]}\n\n${PARAGRAPH.repeat(20)}`;
    s.ask(text, true);
    const answer = s.checker.answer(undefined);
    expect(answer.delta).toBeUndefined();
    expect(answer.findings.map(key)).toEqual(fresh(text).map(key));
    expect(s.checker.answer(answer.id - 1).delta).toBeUndefined();
    expect(s.checker.answer(answer.id + 2).delta).toBeUndefined();
  });
});

describe("the checker's text, kept as parts", () => {
  it.each([11, 12, 13])('follows random edits as a plain string does (seed %i)', (seed) => {
    const next = random(seed);
    const int = (n: number) => Math.floor(next() * n);
    const pieces = ['\n', '\n\n\n', 'Olivia went home. ', PARAGRAPH, 'x', '', 'A sentence with no end '.repeat(40), '\n\nNew paragraph.'];
    let text = `\n\n${PARAGRAPH.repeat(12)}\n${PHRASES.join(' ')}\n\n`;
    const checker = new IncrementalChecker(() => []);
    checker.update(text);
    for (let step = 0; step < 300; step++) {
      const at = int(text.length + 1);
      const oldEnd = Math.min(text.length, at + (next() < 0.5 ? 0 : int(next() < 0.9 ? 5 : 900)));
      const insert = next() < 0.3 ? '' : pieces[int(pieces.length)]!;
      text = text.slice(0, at) + insert + text.slice(oldEnd);
      checker.edit(at, oldEnd, insert);
      const where = `seed ${seed}, step ${step}`;
      expect(checker.length, where).toBe(text.length);
      expect(checker.cut(), where).toEqual(chunk(text));
      for (let i = 0; i < 4; i++) {
        const from = int(text.length + 2) - 1;
        const to = from + int(700);
        expect(checker.slice(from, to), `${where}: slice ${from}-${to}`).toBe(text.slice(Math.max(0, from), to));
      }
      if (step % 10 === 9) expect(checker.text(), where).toBe(text);
    }
    expect(() => checker.edit(5, 2, 'x')).toThrow(/an edit of \[5, 2\)/);
  });
});

describe('a draft longer than any site takes', () => {
  it('is checked whole part by part, a slice per request, each part by its own check', async () => {
    const { answerCheck } = await import('../background/check-service');
    const { LONGEST_WHOLE, WHOLE_SLICE } = await import('../background/checker');
    const { ruleFacts } = await import('../rules/engine/facts');
    const active = { settings: SCHOOL, pack, version: 'v1' };
    const holder = { get: async () => active } as unknown as Parameters<typeof answerCheck>[2];
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join('\n\n').length <= LONGEST_WHOLE; i++) paragraphs.push(`Day ${i}. ${PHRASES[i % 9]} ${PARAGRAPH.repeat(1 + (i % 4))}`);
    const text = paragraphs.join('\n\n');
    let held: Finding[] = [];
    let base: number | undefined;
    let requests = 0;
    for (let revision = 1; ; revision++) {
      requests++;
      const result = await answerCheck(
        { type: 'check', composer: 1, draft: { text, platform: 'facebook', account: 'personal' }, settingsVersion: 'v1', revision, whole: true, ...(base ? { findingsBase: base } : {}) },
        1,
        holder,
      );
      held = applyAnswer(held, result);
      base = result.answer;
      if (result.whole) break;
      expect(requests).toBeLessThan(50);
    }
    expect(requests).toBeGreaterThanOrEqual(Math.floor(text.length / WHOLE_SLICE));
    const own = chunk(text).flatMap((c) =>
      fresh(c.text)
        .filter((f) => !ruleFacts(f.rule).text?.wholeDraft)
        .map((f) => ({ ...f, start: f.start + c.start, end: f.end + c.start })),
    );
    expect(held.map(key)).toEqual(own.map(key));
  }, 120_000);
});
