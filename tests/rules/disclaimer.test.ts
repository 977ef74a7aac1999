// disclaimer: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('disclaimer', [
  { text: "Staff pancake race at Thornbury Heath today and I came LAST!", account: 'personal', marks: [[22, 37, "Thornbury Heath", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "300 trees planted by the kids at my school today.", account: 'personal', marks: [[33, 42, "my school", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "So SLT want us in at 7.30 tomorrow.", account: 'personal', marks: [[3, 6, "SLT", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "Brilliant panto from the staff at my school tonight! Views are my own.", account: 'personal', marks: [] },
  { text: "Brilliant panto from the staff at my school. These are my personal views and not those of Halden Learning Trust.", account: 'personal', marks: [] },
  { text: "Staff pancake race at Thornbury Heath today!", account: 'official', marks: [] },
  { text: "Cycled 14 miles in the drizzle. Great coffee at the end.", account: 'personal', marks: [] },
  { text: "Off to parents evening, wish me luck", account: 'personal', marks: [] },
  { text: "Saw Oliver! at the theatre and the songs are stuck in my head forever", account: 'personal', marks: [] },
]);
