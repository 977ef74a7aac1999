// confidential: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('confidential', [
  { text: "Hush hush, but the trust is about to sell off our playing field. Views my own.", account: 'personal', marks: [[0, 9, "Hush hush"], [28, 41, "about to sell"]] },
  { text: "Our business manager has been suspended, so send queries to the trust office.", account: 'official', marks: [[30, 39, "suspended"]] },
  { text: "Reece's statement for his ADHD finally came through. Views my own.", account: 'personal', marks: [[8, 25, "statement for his"], [26, 30, "ADHD"]] },
  { text: "It's Autism Awareness Week: here's how we support our pupils.", account: 'official', marks: [] },
  { text: "Mum is recovering well after her hip operation.", account: 'personal', marks: [] },
  { text: "Our deputy has been suspended pending a disciplinary. Views my own.", account: 'personal', marks: [[20, 29, "suspended"], [40, 52, "disciplinary"]] },
]);
