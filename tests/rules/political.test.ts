// political: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('political', [
  { text: "Nigel Farage is the only politician who gets it. Vote Reform!", account: 'official', marks: [[0, 12, "Nigel Farage"], [49, 60, "Vote Reform"]] },
  { text: "The Tories have failed our schools.", account: 'official', marks: [[4, 10, "Tories"]] },
  { text: "Our mock election is over: The Wild Robot won by a landslide!", account: 'official', marks: [] },
  { text: "Vote Labour on Thursday!", account: 'personal', marks: [] },
  // A mock election's result is a lesson.
  { text: "Year 6 held a mock election today: the Green Party won!", account: 'official', marks: [] },
]);
