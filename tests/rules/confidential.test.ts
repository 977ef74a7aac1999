// confidential: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Hush hush, but the trust is about to sell off our playing field. Views my own.", account: 'personal', marks: ["Hush hush", "about to sell"] },
    { text: "Our business manager has been suspended, so send queries to the trust office.", account: 'official', marks: ["suspended"] },
    { text: "Reece's statement for his ADHD finally came through. Views my own.", account: 'personal', marks: ["statement for his", "ADHD"] },
    { text: "It's Autism Awareness Week: here's how we support our pupils.", account: 'official', marks: [] },
    { text: "Mum is recovering well after her hip operation.", account: 'personal', marks: [] },
];

describe('confidential', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('confidential', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
