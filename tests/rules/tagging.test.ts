// tagging: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('tagging', [
  { text: "Thank you to @mike.the.magician.uk for a spellbinding show!", account: 'official', marks: [[13, 34, "@mike.the.magician.uk", "mike.the.magician.uk"]] },
  { text: "Can you name everyone in this class photo? Tag them below!", account: 'official', marks: [[43, 51, "Tag them"]] },
  { text: "Tag a teacher who made a difference to you!", account: 'official', marks: [[0, 13, "Tag a teacher"]] },
  { text: "Road Safety Week with @HaldenLT and @BBCNews today.", account: 'official', marks: [] },
  { text: "Email office@thornbury.sch.uk for a place. #ThornburyThrives", account: 'official', marks: [] },
  { text: "Playing tag in the playground is banned on icy days.", account: 'official', marks: [] },
  { text: "Thanks to @MillbeckLibrary for the author visit.", account: 'official', marks: [] },
  // Whoever a relative clause describes is a person to tag.
  { text: "Swipe to see our Year 3 Egyptian day. Tag a grown-up who would love this!", account: 'official', marks: [[38, 52, "Tag a grown-up"]] },
  { text: "Tag your auntie in this", account: 'personal', marks: [[0, 15, "Tag your auntie"]] },
  { text: "Remember to tag your bags with your name who knows", account: 'personal', marks: [] },
]);
