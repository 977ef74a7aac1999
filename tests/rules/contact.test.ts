// contact: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Former pupils, I've started a TikTok for my baking, come and find me! Views my own.", account: 'personal', marks: ["I've started a TikTok", "come and find me"] },
    { text: "Year 6: this account is just for you! Follow us and DM your questions.", account: 'official', marks: ["Follow us and", "DM your questions"] },
    { text: "Worried about your child's reading? DM us and we'll send ideas.", account: 'official', marks: ["DM us"] },
    { text: "Please don't message this page about your child: email the office.", account: 'official', marks: [] },
    { text: "A follow-up letter about the residential comes home on Friday.", account: 'official', marks: [] },
    { text: "Follow us on Instagram for photos of the school fair!", account: 'official', marks: [] },
];

describe('contact', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('contact', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
