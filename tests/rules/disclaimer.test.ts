// disclaimer: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Staff pancake race at Thornbury Heath today and I came LAST!", account: 'personal', marks: ["Thornbury Heath"] },
    { text: "300 trees planted by the kids at my school today.", account: 'personal', marks: ["my school"] },
    { text: "So SLT want us in at 7.30 tomorrow.", account: 'personal', marks: ["SLT"] },
    { text: "Brilliant panto from the staff at my school tonight! Views are my own.", account: 'personal', marks: [] },
    { text: "Brilliant panto from the staff at my school. These are my personal views and not those of Halden Learning Trust.", account: 'personal', marks: [] },
    { text: "Staff pancake race at Thornbury Heath today!", account: 'official', marks: [] },
    { text: "Cycled 14 miles in the drizzle. Great coffee at the end.", account: 'personal', marks: [] },
    { text: "Off to parents evening, wish me luck", account: 'personal', marks: [] },
    { text: "Saw Oliver! at the theatre and the songs are stuck in my head forever", account: 'personal', marks: [] },
];

describe('disclaimer', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('disclaimer', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
