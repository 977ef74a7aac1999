// tagging: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Thank you to @mike.the.magician.uk for a spellbinding show!", account: 'official', marks: ["@mike.the.magician.uk"] },
    { text: "Can you name everyone in this class photo? Tag them below!", account: 'official', marks: ["Tag them"] },
    { text: "Tag a teacher who made a difference to you!", account: 'official', marks: ["Tag a teacher"] },
    { text: "Road Safety Week with @HaldenLT and @BBCNews today.", account: 'official', marks: [] },
    { text: "Email office@thornbury.sch.uk for a place. #ThornburyThrives", account: 'official', marks: [] },
    { text: "Playing tag in the playground is banned on icy days.", account: 'official', marks: [] },
    { text: "Thanks to @MillbeckLibrary for the author visit.", account: 'official', marks: [] },
];

describe('tagging', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('tagging', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
