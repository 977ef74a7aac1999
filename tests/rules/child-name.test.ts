// child-name: table of drafts and every mark the rule must make ([] = must not fire).
import { describe, expect, it } from 'vitest';
import { check, settings } from '../helpers';
import { ruleTable } from './table';

ruleTable('child-name', [
  { text: "Well done to Grace Adeyemi in Year 5 for her science project!", account: 'official', marks: [[13, 26, "Grace Adeyemi", "a Year 5 pupil"]] },
  { text: "Shout-out to aarav for helping a new classmate settle in.", account: 'official', marks: [[13, 18, "aarav", "a pupil"]] },
  { text: "Yusuf's recipe is going in the school cookbook.", account: 'official', marks: [[0, 7, "Yusuf's", "a pupil's"]] },
  { text: "M4tteo built the tallest tower in Science Week.", account: 'official', marks: [[0, 6, "M4tteo", "a pupil"]] },
  { text: "Who won the spelling bee? I s l a, of course!", account: 'official', marks: [[26, 33, "I s l a", "a pupil"]] },
  { text: "Thank you Kof​i for showing our visitors around.", account: 'official', marks: [[10, 15, "Kof​i", "a pupil"]] },
  { text: "Well done to Dоminik for his pyramid model!", account: 'official', marks: [[13, 20, "Dоminik", "a pupil"]] },
  { text: "Well done Niamhh for raising money for the RSPB.", account: 'official', marks: [[10, 16, "Niamhh", "a pupil"]] },
  { text: "Big thanks to Ollie from Year 1, who handed in a lost purse.", account: 'official', marks: [[14, 19, "Ollie", "a pupil"]] },
  { text: "Star of the week: Pearl!", account: 'official', marks: [[18, 23, "Pearl", "a pupil"]] },
  { text: "Amelia S. got her swimming certificate today.", account: 'official', marks: [[0, 9, "Amelia S.", "a pupil"]] },
  { text: "Our pupil Marcus read his poem in assembly.", account: 'official', marks: [[10, 16, "Marcus", "a pupil"]] },
  { text: "Huge thanks to Mrs Baker and Mr Clarke for running the swap shop.", account: 'official', marks: [] },
  { text: "Saying grace before lunch is a lovely tradition at the harvest festival.", account: 'official', marks: [] },
  { text: "Meet us on Hope Street for the sponsored walk.", account: 'official', marks: [] },
  { text: "My son Rory lost his first tooth today!", account: 'personal', marks: [] },
  { text: "Year 6 performed Macbeth and the witches stole the show.", account: 'official', marks: [] },
  { text: "Farewell to our caretaker Dave after 30 years of service.", account: 'official', marks: [] },
  { text: "Sam from the council came in to talk about recycling. Thanks Sam!", account: 'official', marks: [] },
  { text: "Year 6 learned about Florence Nightingale and Robin Hood this week.", account: 'official', marks: [] },
  { text: "Chelsea's mum asked me to add her on Facebook. Views my own.", account: 'personal', marks: [[0, 9, "Chelsea's", "a pupil's"]] },
  // Issue 12: names as schools write them, and listed names used as words, places and titles.
  { text: "Get-well wishes to Bethany C in Year 7, who is in hospital this week.", account: 'official', marks: [[19, 28, "Bethany C", "a Year 7 pupil"]] },
  { text: "Kieran P read his story to the whole school today.", account: 'official', marks: [[0, 8, "Kieran P", "a pupil"]] },
  { text: "A big well done to Bethany (Y7) for her art prize!", account: 'official', marks: [[19, 26, "Bethany", "a pupil"]] },
  { text: "Huge congratulations to B e t h a n y in Year 7!", account: 'official', marks: [[24, 37, "B e t h a n y", "a pupil"]] },
  { text: "Vitamin C tablets are on offer at the pharmacy this week.", account: 'personal', marks: [] },
  { text: "Year 9 studied Jordan and the Dead Sea in geography this week.", account: 'official', marks: [] },
  { text: "Jordan was brilliant in the match today.", account: 'official', marks: [[0, 6, "Jordan", "a pupil"]] },
  { text: "Hope by the Lighthouse Family is still my favourite song.", account: 'personal', marks: [] },
  { text: "A Chelsea-based charity visited us today.", account: 'official', marks: [] },
  { text: "Rose Class planted an apple tree this morning.", account: 'official', marks: [] },
  { text: "Grace & Frankie is back on tonight, I cannot wait.", account: 'personal', marks: [] },
  { text: "Happy birthday to my husband Jordan!", account: 'personal', marks: [] },
  { text: "Jordan for a week in the sun, bliss.", account: 'personal', marks: [] },
  { text: "Star of the day in our class: Esme, for her kindness.", account: 'official', marks: [[30, 34, "Esme", "a pupil"]] },
  { text: "A lad in my tutor group, Marcus, fixed the printer for me.", account: 'personal', marks: [[25, 31, "Marcus", "a pupil"]] },
  { text: "Our reading award this week goes to Nadia for her book reviews.", account: 'official', marks: [[36, 41, "Nadia", "a pupil"]] },
  // A name the lexicon knows, one letter from a listed one (Rudy / Ruby, Rosa / Rose), written
  // plainly, is that person; placed as a pupil it is still read as the listed name misspelt.
  { text: "Thanks to Rudy from the council for the new bins.", account: 'official', marks: [] },
  { text: "Great chat with Rosa from the museum today.", account: 'official', marks: [] },
  { text: "Well done to Rudy in Year 5 for his project!", account: 'official', marks: [[13, 17, "Rudy", "a pupil"]] },
]);

describe('child-name: a listed name used as something else', () => {
  it('is scored under the balanced threshold, says why, and shows where the threshold is lower', () => {
    const text = 'Year 9 studied Jordan and the Dead Sea in geography this week.';
    const draft = { text, account: 'official' as const, platform: 'facebook' as const };
    expect(check(draft, settings).filter((f) => f.rule === 'child-name')).toEqual([]);
    const low = { ...settings, rules: { ...settings.rules, 'child-name': { ...settings.rules?.['child-name'], threshold: 0.2 } } };
    const shown = check(draft, low).filter((f) => f.rule === 'child-name');
    expect(shown.map((f) => [f.excerpt, f.why])).toEqual([['Jordan', 'pupil list: exact first name, but named together with a place or a title']]);
    expect(shown[0]!.score).toBeLessThan(0.5);
  });
});
