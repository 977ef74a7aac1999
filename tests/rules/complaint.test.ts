// complaint: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('complaint', [
  { text: "So SLT have decided we're all doing lunch duty every day now. No discussion, obviously. Views my own", account: 'personal', marks: [[0, 61, "So SLT have decided we're all doing lunch duty every day now."], [62, 87, "No discussion, obviously."]] },
  { text: "Absolutely fuming with the head's decision to cancel sports day. Views my own.", account: 'personal', marks: [[0, 64, "Absolutely fuming with the head's decision to cancel sports day."]] },
  { text: "Gutted the village fete was rained off. Views my own.", account: 'personal', marks: [] },
  { text: "Nobody at this school listens to a word staff say. Views my own.", account: 'personal', marks: [[0, 50, "Nobody at this school listens to a word staff say."]] },
  { text: "Ofsted sent a smug little idiot to inspect us. Views my own.", account: 'personal', marks: [] },
  { text: "Thornbury Heath is run by a bunch of clowns. Views my own.", account: 'personal', marks: [[0, 44, "Thornbury Heath is run by a bunch of clowns."]] },
]);
