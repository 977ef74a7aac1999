// branding: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('branding', [
  { text: "New trainers, who dis? #HaldenTogether Views are my own.", account: 'personal', marks: [[23, 38, "#HaldenTogether", ""]] },
  { text: "Curiosity, courage, kindness: that's what I tell my own kids too. Views are my own.", account: 'personal', marks: [[0, 28, "Curiosity, courage, kindness"]] },
  { text: "Official update from Thornbury Heath: the school closes at 1.30pm. Views my own.", account: 'personal', marks: [[0, 36, "Official update from Thornbury Heath"]] },
  { text: "New trainers, who dis? #HaldenTogether", account: 'official', marks: [] },
  { text: "Proud to work at Thornbury Heath. Views are my own.", account: 'personal', marks: [] },
  // Announcing as the school: a notice "from <school>:" with a colon heads the school's own message.
  { text: "Message from Thornbury Heath: transport will run 30 mins late tomorrow due to ice. Please pass on to families.", account: 'personal', marks: [[0, 29, "Message from Thornbury Heath:"]] },
  { text: "IMPORTANT NOTICE FROM MILLBECK INFANT SCHOOL: buses will leave at 2.30pm tomorrow.", account: 'personal', marks: [[0, 45, "IMPORTANT NOTICE FROM MILLBECK INFANT SCHOOL:"]] },
  { text: "Got a message from Thornbury Heath about the trip money, anyone else?", account: 'personal', marks: [] },
]);
