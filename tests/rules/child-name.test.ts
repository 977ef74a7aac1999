// child-name: table of drafts and every mark the rule must make ([] = must not fire).
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
  { text: "Amelia S. got her swimming certificate today.", account: 'official', marks: [[0, 6, "Amelia", "a pupil"]] },
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
]);
