// location: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('location', [
  { text: "Selling our trampoline, free to collect from 31 Beech Grove, Lowfield.", account: 'personal', marks: [[45, 59, "31 Beech Grove"]] },
  { text: "We're at Riverside Park until 3pm with Year 2, come and say hi!", account: 'official', marks: [[0, 63, "We're at Riverside Park until 3pm with Year 2, come and say hi!"]] },
  { text: "Lost property from last week's aquarium trip is by the office.", account: 'official', marks: [] },
  { text: "Year 4 visited the Roman fort last week. Photos are on the website now.", account: 'official', marks: [] },
]);
