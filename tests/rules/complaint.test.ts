// complaint: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('complaint', [
  { text: "So SLT have decided we're all doing lunch duty every day now. No discussion, obviously. Views my own", account: 'personal', marks: [[0, 61, "So SLT have decided we're all doing lunch duty every day now."], [62, 87, "No discussion, obviously."]] },
  { text: "Absolutely fuming with the head's decision to cancel sports day. Views my own.", account: 'personal', marks: [[0, 64, "Absolutely fuming with the head's decision to cancel sports day."]] },
  { text: "Gutted the village fete was rained off. Views my own.", account: 'personal', marks: [] },
  { text: "Nobody at this school listens to a word staff say. Views my own.", account: 'personal', marks: [[0, 50, "Nobody at this school listens to a word staff say."]] },
  { text: "Ofsted sent a smug little idiot to inspect us. Views my own.", account: 'personal', marks: [] },
  { text: "Thornbury Heath is run by a bunch of clowns. Views my own.", account: 'personal', marks: [[0, 44, "Thornbury Heath is run by a bunch of clowns."]] },
  // An insult at a leader by handle, by role or as the school knows them is a grievance; so is pay that is still wrong.
  { text: "@mrs_fenwick_head you are a spineless coward and the whole staffroom knows it", account: 'personal', marks: [[0, 77, "@mrs_fenwick_head you are a spineless coward and the whole staffroom knows it"]] },
  { text: "head of maths is a c u n t and I am done pretending otherwise", account: 'personal', marks: [[0, 61, "head of maths is a c u n t and I am done pretending otherwise"]] },
  { text: "Our SLT = absolute cl0wns 🤡🤡", account: 'personal', marks: [[0, 30, "Our SLT = absolute cl0wns 🤡🤡"]] },
  { text: "Kestrel Lane's business manager is lovely. Pay still wrong for the 3rd month running.", account: 'personal', marks: [[43, 85, "Pay still wrong for the 3rd month running."]] },
  { text: "whose idea was it to put detentions on a friday at 3.30?? management at my school dont have a clue", account: 'personal', marks: [[0, 57, "whose idea was it to put detentions on a friday at 3.30??"], [58, 98, "management at my school dont have a clue"]] },
  // Sympathy is not a grievance, nor is a referee without a clue.
  { text: "Internal only, but TA redundancies are coming across the trust in the summer. Gutted for my team.", account: 'personal', marks: [] },
  { text: "Gutted we lost the match on Saturday, the ref did not have a clue", account: 'personal', marks: [] },
  { text: "Love how SLT send emails at 10pm and expect replies by 7am", account: 'personal', marks: [[0, 58, "Love how SLT send emails at 10pm and expect replies by 7am"]] },
  { text: "Love how my dog steals socks", account: 'personal', marks: [] },
]);
