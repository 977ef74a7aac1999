// derogatory: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('derogatory', [
  { text: "Whoever runs the village gossip page is a spiteful old witch. Views are my own.", account: 'personal', marks: [[55, 60, "witch"]] },
  { text: "Fobbed off by some jumped-up little s o d. Views my own.", account: 'personal', marks: [[36, 41, "s o d"]] },
  { text: "The parents at pick-up are thick, nasty people. Views my own.", account: 'personal', marks: [[27, 46, "thick, nasty people"]] },
  { text: "What a f*cking idiot that driver was. Views my own.", account: 'personal', marks: [[7, 14, "f*cking"], [15, 20, "idiot"]] },
  { text: "Ofsted can go f**k themselves. Views my own.", account: 'personal', marks: [[14, 18, "f**k"]] },
  { text: "My Year 2s at sports day: a herd of clumsy, confused penguins. Views my own.", account: 'personal', marks: [[28, 61, "herd of clumsy, confused penguins"]] },
  { text: "Awful weather, but a killer workout at the gym this morning.", account: 'personal', marks: [] },
  { text: "Anti-Bullying Week starts Monday: odd socks at the ready!", account: 'official', marks: [] },
  { text: "The three witches were terrifyingly good in our Macbeth.", account: 'official', marks: [] },
  { text: "Our printer is a nightmare today, sorry for the delay.", account: 'official', marks: [] },
  { text: "Joke of the day: what do you call a sleeping dinosaur? A dino-snore!", account: 'official', marks: [] },
  { text: "The trust's CEO is a greedy p1g. Views my own.", account: 'personal', marks: [[28, 31, "p1g"]] },
  { text: "If that ref gives one more penalty against us he'll be going home in an ambulance. Views my own.", account: 'personal', marks: [[55, 81, "going home in an ambulance"]] },
  { text: "Some parents clearly can't read. Views my own.", account: 'personal', marks: [[0, 31, "Some parents clearly can't read"]] },
]);
