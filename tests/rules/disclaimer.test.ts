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
  // School matters point at the school whatever words they use: a grievance, a colleague's private details.
  { text: "Ms Carter has been signed off with depression again and I am covering her class.", account: 'personal', marks: [[19, 29, "signed off", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "@mrs_fenwick_head you are a spineless coward and the whole staffroom knows it", account: 'personal', marks: [[0, 17, "@mrs_fenwick_head", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "Chelsea in my Y10 set just wrote the best opening paragraph I have read all year.", account: 'personal', marks: [[11, 17, "my Y10", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "Sarah from the Year 2 team is on a final written warning apparently.", account: 'personal', marks: [[11, 26, "the Year 2 team", "These are my personal views and not those of Halden Learning Trust."]] },
  { text: "Night out with @jo_head and the gang", account: 'personal', marks: [] },
  { text: "Great session with my running group this morning", account: 'personal', marks: [] },
  { text: "Hate crime awareness training at work today, really thought-provoking.", account: 'personal', marks: [] },
  { text: "Our place got Good from the inspectors. Proud of everyone.", account: 'personal', marks: [[19, 38, "from the inspectors", "These are my personal views and not those of Halden Learning Trust."]] },
  // Words that point at a school only in a school's sense.
  { text: "Bought my new set of golf clubs today, watch out Sunday league", account: 'personal', marks: [] },
  { text: "Finally filled in my form for the passport renewal", account: 'personal', marks: [] },
  { text: "In my group chat everyone is arguing about the football", account: 'personal', marks: [] },
  { text: "My son has just made the Year 7 team for rugby, so proud", account: 'personal', marks: [] },
]);
