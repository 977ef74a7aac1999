import { describe, expect, it } from 'vitest';
import { currentEdit, editFor } from '../content/apply';
import type { Finding } from '../rules/engine/types';

// Apply acts on the text as it is when clicked, which may have moved on since it was checked.
const CHECKED = 'We are proud of Olivia for the award.';
const olivia: Finding = {
  rule: 'child-name',
  severity: 'block',
  start: CHECKED.indexOf('Olivia'),
  end: CHECKED.indexOf('Olivia') + 'Olivia'.length,
  excerpt: 'Olivia',
  message: "A pupil's name",
  suggestion: 'a pupil',
  clause: { pack: 'default', section: '1', quote: 'x' },
  why: 'roster',
  score: 0.9,
};

function applied(current: string): string | 'moved' | null {
  const edit = currentEdit(olivia, CHECKED, current);
  if (edit === null || edit === 'moved') return edit;
  return current.slice(0, edit.start) + edit.insert + current.slice(edit.end);
}

describe('Apply on text that changed after the check', () => {
  it('replaces the words where they are now when text was typed before them', () => {
    expect(applied(`Hi all! ${CHECKED}`)).toBe('Hi all! We are proud of a pupil for the award.');
    expect(applied(CHECKED.replace('We are', 'We all are'))).toBe('We all are proud of a pupil for the award.');
    expect(applied(CHECKED.replace('proud ', ''))).toBe('We are of a pupil for the award.');
    // Deleting up to the words' edge may have joined them to what was before: checked again.
    expect(applied(CHECKED.replace('proud of ', ''))).toBe('moved');
  });

  it('keeps the offsets when text was typed after them, or nothing changed', () => {
    expect(applied(`${CHECKED} Well done!`)).toBe('We are proud of a pupil for the award. Well done!');
    expect(applied(CHECKED)).toBe('We are proud of a pupil for the award.');
  });

  it('refuses when the words themselves, or the text right against them, were edited', () => {
    expect(applied(CHECKED.replace('Olivia', 'Olive'))).toBe('moved');
    expect(applied(CHECKED.replace('Olivia', 'Olivias'))).toBe('moved');
    expect(applied(CHECKED.replace('of Olivia', 'ofOlivia'))).toBe('moved');
    expect(applied(CHECKED.replace('Olivia for', 'Olivia, for'))).toBe('moved');
    expect(applied('Something else entirely.')).toBe('moved');
    expect(applied('')).toBe('moved');
  });

  it('a sentence to append goes at the end of the text as it is now', () => {
    const disclaimer: Finding = { ...olivia, rule: 'disclaimer', start: 0, end: 0, excerpt: '', suggestion: 'Views are my own.' };
    const edit = currentEdit(disclaimer, CHECKED, `${CHECKED} More.`);
    expect(edit).toEqual({ start: CHECKED.length + 6, end: CHECKED.length + 6, insert: ' Views are my own.' });
  });
});

describe('a suggestion that goes at the end of the draft', () => {
  it('goes after its last non-space, read from the end in slices (a long draft is not joined for it)', () => {
    const disclaimer: Finding = { ...olivia, rule: 'disclaimer', suggestion: 'Views are my own.' };
    for (const tail of ['', ' ', '\n\n', ' '.repeat(255), ' '.repeat(256), '\n'.repeat(700), ' \t\n'.repeat(300)]) {
      for (const body of ['', 'Lovely day.', `${'x'.repeat(1_000)} end.`]) {
        const text = body + tail;
        const slices: [number, number][] = [];
        const reader = {
          length: text.length,
          slice(start: number, end: number) {
            slices.push([start, end]);
            return text.slice(start, end);
          },
        };
        const end = text.trimEnd().length;
        expect(editFor(disclaimer, reader), JSON.stringify(text.slice(-20))).toEqual({ start: end, end, insert: ' Views are my own.' });
        expect(editFor(disclaimer, text)).toEqual({ start: end, end, insert: ' Views are my own.' });
        // Only the end is read, back to the last non-space.
        expect(slices.reduce((n, [a, b]) => n + b - a, 0)).toBeLessThanOrEqual(text.length - end + 256);
      }
    }
  });
});
