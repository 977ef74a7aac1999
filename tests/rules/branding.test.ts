// branding: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "New trainers, who dis? #HaldenTogether Views are my own.", account: 'personal', marks: ["#HaldenTogether"] },
    { text: "Curiosity, courage, kindness: that's what I tell my own kids too. Views are my own.", account: 'personal', marks: ["Curiosity, courage, kindness"] },
    { text: "Official update from Thornbury Heath: the school closes at 1.30pm. Views my own.", account: 'personal', marks: ["Official update from Thornbury Heath"] },
    { text: "New trainers, who dis? #HaldenTogether", account: 'official', marks: [] },
    { text: "Proud to work at Thornbury Heath. Views are my own.", account: 'personal', marks: [] },
];

describe('branding', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('branding', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
