// location: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Selling our trampoline, free to collect from 31 Beech Grove, Lowfield.", account: 'personal', marks: ["31 Beech Grove"] },
    { text: "We're at Riverside Park until 3pm with Year 2, come and say hi!", account: 'official', marks: ["We're at Riverside Park until 3pm with Year 2, come and say hi!"] },
    { text: "Lost property from last week's aquarium trip is by the office.", account: 'official', marks: [] },
    { text: "Year 4 visited the Roman fort last week. Photos are on the website now.", account: 'official', marks: [] },
];

describe('location', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('location', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
