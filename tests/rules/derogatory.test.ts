// derogatory: table of drafts with the exact words the rule must mark ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { marksOf, type Row } from '../helpers';

const rows: Row[] = [
    { text: "Whoever runs the village gossip page is a spiteful old witch. Views are my own.", account: 'personal', marks: ["witch"] },
    { text: "Fobbed off by some jumped-up little s o d. Views my own.", account: 'personal', marks: ["s o d"] },
    { text: "The parents at pick-up are thick, nasty people. Views my own.", account: 'personal', marks: ["thick, nasty people"] },
    { text: "What a f*cking idiot that driver was. Views my own.", account: 'personal', marks: ["f*cking", "idiot"] },
    { text: "Ofsted can go f**k themselves. Views my own.", account: 'personal', marks: ["f**k"] },
    { text: "My Year 2s at sports day: a herd of clumsy, confused penguins. Views my own.", account: 'personal', marks: ["herd of clumsy, confused penguins"] },
    { text: "Awful weather, but a killer workout at the gym this morning.", account: 'personal', marks: [] },
    { text: "Anti-Bullying Week starts Monday: odd socks at the ready!", account: 'official', marks: [] },
    { text: "The three witches were terrifyingly good in our Macbeth.", account: 'official', marks: [] },
    { text: "Our printer is a nightmare today, sorry for the delay.", account: 'official', marks: [] },
    { text: "Joke of the day: what do you call a sleeping dinosaur? A dino-snore!", account: 'official', marks: [] },
    { text: "The trust's CEO is a greedy p1g. Views my own.", account: 'personal', marks: ["p1g"] },
];

describe('derogatory', () => {
  it.each(rows)('$text', (row) => {
    const { findings, marks } = marksOf('derogatory', row);
    expect(marks).toEqual(row.marks);
    for (const f of findings) expect(f.excerpt).toBe(row.text.slice(f.start, f.end));
  });
});
