// child-name: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Well done to Grace Adeyemi in Year 5 for her science project!", account: 'official', marks: ["Grace Adeyemi"] },
    { text: "Shout-out to aarav for helping a new classmate settle in.", account: 'official', marks: ["aarav"] },
    { text: "Yusuf's recipe is going in the school cookbook.", account: 'official', marks: ["Yusuf's"] },
    { text: "M4tteo built the tallest tower in Science Week.", account: 'official', marks: ["M4tteo"] },
    { text: "Who won the spelling bee? I s l a, of course!", account: 'official', marks: ["I s l a"] },
    { text: "Thank you Kof​i for showing our visitors around.", account: 'official', marks: ["Kof​i"] },
    { text: "Well done to Dоminik for his pyramid model!", account: 'official', marks: ["Dоminik"] },
    { text: "Well done Niamhh for raising money for the RSPB.", account: 'official', marks: ["Niamhh"] },
    { text: "Big thanks to Ollie from Year 1, who handed in a lost purse.", account: 'official', marks: ["Ollie"] },
    { text: "Star of the week: Pearl!", account: 'official', marks: ["Pearl"] },
    { text: "Amelia S. got her swimming certificate today.", account: 'official', marks: ["Amelia"] },
    { text: "Our pupil Marcus read his poem in assembly.", account: 'official', marks: ["Marcus"] },
    { text: "Huge thanks to Mrs Baker and Mr Clarke for running the swap shop.", account: 'official', marks: [] },
    { text: "Saying grace before lunch is a lovely tradition at the harvest festival.", account: 'official', marks: [] },
    { text: "Meet us on Hope Street for the sponsored walk.", account: 'official', marks: [] },
    { text: "My son Rory lost his first tooth today!", account: 'personal', marks: [] },
    { text: "Year 6 performed Macbeth and the witches stole the show.", account: 'official', marks: [] },
    { text: "Farewell to our caretaker Dave after 30 years of service.", account: 'official', marks: [] },
    { text: "Sam from the council came in to talk about recycling. Thanks Sam!", account: 'official', marks: [] },
    { text: "Year 6 learned about Florence Nightingale and Robin Hood this week.", account: 'official', marks: [] },
    { text: "Chelsea's mum asked me to add her on Facebook. Views my own.", account: 'personal', marks: ["Chelsea's"] },
];

describe('child-name', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('child-name', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
