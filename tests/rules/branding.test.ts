// branding: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('branding', [
  { text: "New trainers, who dis? #HaldenTogether Views are my own.", account: 'personal', marks: [[23, 38, "#HaldenTogether", ""]] },
  { text: "Curiosity, courage, kindness: that's what I tell my own kids too. Views are my own.", account: 'personal', marks: [[0, 28, "Curiosity, courage, kindness"]] },
  { text: "Official update from Thornbury Heath: the school closes at 1.30pm. Views my own.", account: 'personal', marks: [[0, 36, "Official update from Thornbury Heath"]] },
  { text: "New trainers, who dis? #HaldenTogether", account: 'official', marks: [] },
  { text: "Proud to work at Thornbury Heath. Views are my own.", account: 'personal', marks: [] },
]);
