import { describe, expect, it } from 'vitest';
import { difference } from '../content/surface';
import { random } from './support/random';

// A textarea's change is guessed from the caret (content/surface.ts difference): whatever the
// caret says, the change must turn the old text into the new one, and be as narrow as a
// character-by-character comparison would make it at either end it keeps.
describe('difference (a textarea edit, from the caret)', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`gives a change that turns the old text into the new through random edits (seed ${seed})`, () => {
      const next = random(seed);
      const int = (n: number) => Math.floor(next() * n);
      const words = ['a', 'aa', ' ', '\n', 'Olivia', 'the ', 'b'];
      let text = '';
      for (let step = 0; step < 2_000; step++) {
        const at = int(text.length + 1);
        const end = Math.min(text.length, at + (next() < 0.5 ? 0 : int(6)));
        const insert = next() < 0.3 ? '' : Array.from({ length: 1 + int(3) }, () => words[int(words.length)]).join('');
        const after = text.slice(0, at) + insert + text.slice(end);
        // The caret where the edit leaves it, or (a site moved it, a script set the value) anywhere.
        const caret = next() < 0.8 ? at + insert.length : int(after.length + 1);
        const change = difference(text, after, caret);
        if (text === after) expect(change).toBeNull();
        else {
          expect(change).not.toBeNull();
          const { at: from, oldEnd, newEnd } = change!;
          expect(newEnd - from - (oldEnd - from)).toBe(after.length - text.length);
          expect(text.slice(0, from) + after.slice(from, newEnd) + text.slice(oldEnd)).toBe(after);
          // Narrowed: the ends of the changed spans differ (or one of them is empty).
          if (oldEnd > from && newEnd > from) {
            expect(text[from] === after[from] && text[oldEnd - 1] === after[newEnd - 1]).toBe(false);
          }
        }
        text = after.length > 400 ? after.slice(0, 200) : after;
      }
    });
  }
});
