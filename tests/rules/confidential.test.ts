// confidential: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('confidential', [
  { text: "Hush hush, but the trust is about to sell off our playing field. Views my own.", account: 'personal', marks: [[0, 9, "Hush hush"], [28, 41, "about to sell"]] },
  { text: "Our business manager has been suspended, so send queries to the trust office.", account: 'official', marks: [[30, 39, "suspended"]] },
  { text: "Reece's statement for his ADHD finally came through. Views my own.", account: 'personal', marks: [[8, 25, "statement for his"], [26, 30, "ADHD"]] },
  { text: "It's Autism Awareness Week: here's how we support our pupils.", account: 'official', marks: [] },
  { text: "Mum is recovering well after her hip operation.", account: 'personal', marks: [] },
  { text: "Our deputy has been suspended pending a disciplinary. Views my own.", account: 'personal', marks: [[20, 29, "suspended"], [40, 52, "disciplinary"]] },
  // Staff discipline is private; a role, or "looked after" as kindness, is not.
  { text: "Sarah from the Year 2 team is on a final written warning apparently. Staffroom gossip is wild this week", account: 'personal', marks: [[35, 56, "final written warning"]] },
  { text: "Mr Price was escorted off the premises this morning, no idea why.", account: 'personal', marks: [[13, 38, "escorted off the premises"]] },
  { text: "Star of the day in my class: Esther, who looked after a friend who was upset.", account: 'personal', marks: [] },
  { text: "Welcome to Dr Femi Adeyemi, our new educational psychologist, who starts on Monday.", account: 'official', marks: [] },
  { text: "Weather warning for Friday: school will open as normal.", account: 'official', marks: [] },
  // A leak is news the people it concerns do not have yet; a surprise party is not.
  { text: "Redundancy letters going out to support staff on Friday. Nobody knows yet.", account: 'personal', marks: [[57, 73, "Nobody knows yet"]] },
  { text: "Surprise party for Dad on Saturday, he does not know yet!", account: 'personal', marks: [] },
]);
