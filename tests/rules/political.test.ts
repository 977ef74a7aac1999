// political: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Nigel Farage is the only politician who gets it. Vote Reform!", account: 'official', marks: ["Nigel Farage", "Vote Reform"] },
    { text: "The Tories have failed our schools.", account: 'official', marks: ["Tories"] },
    { text: "Our mock election is over: The Wild Robot won by a landslide!", account: 'official', marks: [] },
    { text: "Vote Labour on Thursday!", account: 'personal', marks: [] },
];

describe('political', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('political', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
