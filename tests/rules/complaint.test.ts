// complaint: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "So SLT have decided we're all doing lunch duty every day now. No discussion, obviously. Views my own", account: 'personal', marks: ["So SLT have decided we're all doing lunch duty every day now.", "No discussion, obviously."] },
    { text: "Absolutely fuming with the head's decision to cancel sports day. Views my own.", account: 'personal', marks: ["Absolutely fuming with the head's decision to cancel sports day."] },
    { text: "Gutted the village fete was rained off. Views my own.", account: 'personal', marks: [] },
    { text: "Nobody at this school listens to a word staff say. Views my own.", account: 'personal', marks: ["Nobody at this school listens to a word staff say."] },
    { text: "Ofsted sent a smug little idiot to inspect us. Views my own.", account: 'personal', marks: [] },
    { text: "Thornbury Heath is run by a bunch of clowns. Views my own.", account: 'personal', marks: ["Thornbury Heath is run by a bunch of clowns."] },
];

describe('complaint', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('complaint', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
