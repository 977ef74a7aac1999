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
  // Abuse telling someone off, a person told what they are, insults by comparison and sarcasm,
  // blended slurs, stretched letters, swearing in a post addressed to someone, threats as
  // consequences; and the same words where they insult nobody.
  { text: "@dave_smith fuck off and stop posting about our school.", account: 'personal', marks: [[12, 20, "fuck off"]] },
  { text: "You're absolutely insane if you think that is acceptable. Views my own.", account: 'personal', marks: [[0, 24, "You're absolutely insane"]] },
  { text: "Whoever wrote that comment has half a brain. Views my own.", account: 'personal', marks: [[31, 43, "half a brain"]] },
  { text: "Nice job, genius. Views my own.", account: 'personal', marks: [[0, 16, "Nice job, genius"]] },
  { text: "Some libtard on the parents' page is at it again. Views my own.", account: 'personal', marks: [[5, 12, "libtard"]] },
  { text: "Leotards for the gymnastics display are in the hall.", account: 'personal', marks: [] },
  { text: "The ref today was an idiooot. Views my own.", account: 'personal', marks: [[21, 28, "idiooot"]] },
  { text: "@mrjones what a load of shit. Views my own.", account: 'personal', marks: [[24, 28, "shit"]] },
  { text: "She is crazy busy this week but will reply soon.", account: 'personal', marks: [] },
  { text: "He is entitled to his pension after 30 years.", account: 'personal', marks: [] },
  { text: "He is bloody brilliant at football.", account: 'personal', marks: [] },
  { text: "You'll pay for tickets on the door.", account: 'personal', marks: [] },
  { text: "We'll hang them in the hall and line them up for the photo.", account: 'personal', marks: [] },
  { text: "Hope you rot in hell, whoever keyed my car.", account: 'personal', marks: [[0, 12, "Hope you rot"]] },
  { text: "Sleazy, spineless and useless: you pathetic!", account: 'personal', marks: [[31, 43, "you pathetic"]] },
  { text: "Ofsted are in. #GroomingGangs", account: 'personal', marks: [] },
  { text: "Are you really that stupid? Views my own.", account: 'personal', marks: [[0, 26, "Are you really that stupid"]] },
]);
