// location: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('location', [
  { text: "Selling our trampoline, free to collect from 31 Beech Grove, Lowfield.", account: 'personal', marks: [[45, 59, "31 Beech Grove"]] },
  { text: "We're at Riverside Park until 3pm with Year 2, come and say hi!", account: 'official', marks: [[0, 63, "We're at Riverside Park until 3pm with Year 2, come and say hi!"]] },
  { text: "Lost property from last week's aquarium trip is by the office.", account: 'official', marks: [] },
  { text: "Year 4 visited the Roman fort last week. Photos are on the website now.", account: 'official', marks: [] },
  // Live whereabouts need somewhere: pupils and "now" with no place reveal nothing.
  { text: "Great trip today with Year 3.", account: 'official', marks: [] },
  { text: "Romeo and Juliet with Year 10 today and someone asked why Juliet did not just text him", account: 'personal', marks: [] },
  { text: "Mrs Hughes is currently suspended; Ms Cole will be covering her Year 8 classes.", account: 'official', marks: [] },
  { text: "Year 4 are in Tudor costume today for history day.", account: 'official', marks: [] },
  { text: "Year 1 are learning about Africa in geography this morning.", account: 'official', marks: [] },
  { text: "Year 3 loved the visit from @ZooLabUK today!", account: 'official', marks: [] },
  { text: "Spent lunch with my year group sorting out timetables, they have come so far this year.", account: 'personal', marks: [] },
  // Plainly live ("till 4pm") outweighs a past verb elsewhere in the sentence; travelling is being somewhere.
  { text: "At Alton Towers with 60 of my Year 8s till 4pm, who thought this was a good idea", account: 'personal', marks: [[0, 80, "At Alton Towers with 60 of my Year 8s till 4pm, who thought this was a good idea"]] },
  { text: "On the train to York with 4 of my class, arriving 11:40, wish us luck", account: 'personal', marks: [[0, 69, "On the train to York with 4 of my class, arriving 11:40, wish us luck"]] },
  { text: "We are at Center Parcs until Friday with the kids, bliss", account: 'personal', marks: [] },
]);
