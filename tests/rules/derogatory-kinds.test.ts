// derogatory, by kind: for each kind of insult the rule must catch, sentences written for this
// table (not taken from any labelled set) that must fire, and near misses that must not.
import { describe, expect, it } from 'vitest';
import { marksOf } from './table';

interface Kind {
  kind: string;
  fires: string[];
  clean: string[];
}

const KINDS: Kind[] = [
  {
    kind: 'a mocking word with a person in its sentence',
    fires: [
      'Honestly, how stupid are these parents? Views my own.',
      'The supply teacher we had today was so ignorant it hurt.',
      "@mr_hughes you're talking crap again.",
      'Some of the dads on the touchline are plain dumb.',
      'That governor is delusional if he thinks this will work.',
      'People who park on the zigzags are pathetic.',
    ],
    clean: [
      'The printer is stupid slow today, sorry for the late newsletter.',
      'Disgusting decision from the trust to cut the music budget.',
      'What a crap day for weather, sports day moved to Friday.',
      'Our Year 4s are not stupid: they spotted the trick question straight away!',
      'Stupid o\'clock start for the ski trip, coach leaves at 4am.',
    ],
  },
  {
    kind: 'people, where they are, called animals or a joke',
    fires: [
      'The cover staff over at Beech Road are complete animals.',
      'Half the governors here are a total joke.',
      'The new head of science is an absolute joke.',
      'Honestly the parents round here are vermin.',
      "The deputy at our place is a laughing stock and everyone knows it.",
    ],
    clean: [
      'The new timetable is a joke, three lessons moved again.',
      'The way the lunch queue is run at this school is a disgrace.',
      'Year 1 at the farm: the animals are lovely and the sheep are very friendly.',
      'Our school play is a comedy and the jokes are brilliant.',
      'The parking at the trust office is a joke.',
    ],
  },
  {
    kind: 'someone said not to know the obvious',
    fires: [
      "Our business manager wouldn't know a balanced budget if it bit her.",
      "That inspector wouldn't recognise good teaching if it sat in front of him.",
      "The new head couldn't spot a safeguarding risk if it walked up and slapped him.",
      "Half the governors wouldn't know a classroom if it hit them.",
      "The council's transport officer wouldn't know a bus timetable if it jumped out at him.",
    ],
    clean: [
      "I wouldn't know where to start with the new tracker, any tips?",
      "The children wouldn't know if it was raining or sunny in that hall!",
      "I couldn't see the stage if I stood at the back.",
      "You wouldn't know it was the same playground after the makeover.",
      "We wouldn't know what to do without our lovely volunteers.",
    ],
  },
  {
    kind: 'a name said of people, then "the lot of them"',
    fires: [
      'The mums by the gate. Snakes, the lot of them.',
      'Governors? Clowns, every one of them.',
      'Cowards, all of them, hiding behind the trust.',
      'The PTA committee: gossiping hens, the lot of them.',
      'SLT meeting again. Dinosaurs, the whole lot of them.',
    ],
    clean: [
      'Year 2 met the goats and the pigs at the farm and loved the lot of them.',
      'Twenty new library books arrived and the children want to read all of them.',
      'Thank you to our volunteers, every one of them!',
      'The snakes at the reptile show were amazing, and the children held all of them.',
      'Our Year 6 leavers: superstars, the lot of them.',
    ],
  },
  {
    kind: 'violence someone wanted to do to a person',
    fires: [
      'Parent rang me three times at home tonight. Wanted to strangle her.',
      'Could have throttled that ref on Saturday, honestly.',
      'Felt like punching the bloke who parked across the gate.',
      "If that driver cuts up the minibus again I'll batter him.",
      'Our new deputy was so smug in the briefing I was itching to slap him.',
    ],
    clean: [
      'I could murder a coffee after that parents evening.',
      'Our netball girls wanted to beat them so badly, and they did!',
      'Pregnancy complications can kill, please support the midwives\' charity walk.',
      'We wanted to thank him for twenty years as our caretaker.',
      'The Year 5s felt like punching the air when the results came in!',
    ],
  },
  {
    kind: 'a person to be thrown out of a window',
    fires: [
      "If that lad talks over me once more he's going straight out the window.",
      'Honestly, the next parent who rings at 10pm is getting thrown out of the window.',
      'Touch my stapler again and you are going through that window.',
      "One more 'reply all' from the office and they're going out the window.",
      'If he sighs at me in the briefing again he will be thrown out of a window.',
    ],
    clean: [
      'The timetable is going out the window this week: it is sports week!',
      'All our plans went out the window when the snow came.',
      'Year 2 watched the birds flying past the window.',
      'He is getting a new window fitted in the library.',
      'She is going to the window seat on the coach.',
    ],
  },
  {
    kind: 'insults spelt out or broken by spaces',
    fires: [
      'The new head of year is a right s m u g c o w.',
      'That governor is such a t w a t.',
      'Absolute pr 1 ck of a ref today.',
      'Our so-called leader is a total b it ch.',
      'Some dad at pick-up is a proper tw at.',
    ],
    clean: [
      'The word of the week is s m i l e: spell it with your fingers!',
      'Meet us at the gate at 3. See you there!',
      'Y 5 are at the pool this afternoon.',
      'Our phonics sounds today: sh, ch, th and ck.',
      'Pre 1 club starts at 8 in the hall.',
    ],
  },
  {
    kind: 'a lone name for the person just named',
    fires: [
      'The trust CEO just gave himself another pay rise. Parasite.',
      'Head took the credit for my project again. Snake.',
      'That councillor promised us a crossing three years ago. Liar.',
      'One dad filmed the nativity and posted it everywhere. Creep.',
      'Our chair of governors skipped the meeting again. Coward.',
    ],
    clean: [
      'Year 3 visited the farm and met the animals. Pigs!',
      'Our minibus is finally fixed. Brilliant.',
      'The head read the story in assembly. Dinosaurs!',
      'Two new pupils started today. Welcome!',
      'The caretaker fixed the boiler. Hero.',
    ],
  },
  {
    kind: 'a post quoted whole, with doubled quote marks (spreadsheet export), is the author\'s own words',
    fires: [
      '"@parent_bob you are such an idiot, the trip was free"" and he still moaned."""',
      '"The governors are useless"" as everyone on the staff says"""',
    ],
    clean: [
      'Our policy says "staff must not post insulting or offensive comments about anyone".',
      'The play opens with "you stupid boy, what have you done" from the grandad.',
    ],
  },
  {
    kind: "a sweeping remark about a group (not a slur): nationality, religion, class, place",
    fires: [
      "Honestly, Nigerian parents never accept that their child might be average.",
      "Working class families just don't value reading, you can tell by Year 2.",
      "Roma kids will never settle, we've tried everything.",
      "Foreign mums always think the rules are for someone else.",
      "The families from that estate are all the same, shouting at the office staff.",
      "Muslim boys can't take instruction from a female teacher, apparently.",
      "I'm not being funny but single dads have no clue about packed lunches.",
    ],
    clean: [
      "Polish families are always welcome at our Saturday coffee morning.",
      "Muslim parents never miss the Eid celebration assembly, it's lovely.",
      "Our EAL children can't believe how much snow there is today!",
      "Single parents can't always make it to 3.15 pickup, so after-school club runs until 6.",
      "Working class heroes: a Year 9 project on the miners' strike.",
      "Refugee families from the new housing scheme are welcome at the uniform swap.",
    ],
  },
  {
    kind: "a threat held over someone as a consequence",
    fires: [
      "If that dad shouts at my TA one more time he'll regret it.",
      "Next time a parent parks across the gate they will learn the hard way.",
      "If the Year 10s wreck my room again, someone's going to get hurt.",
      "If he emails me once more after 9pm he'll find out how far I'm willing to go.",
      "Whoever keeps nicking my mug had better watch it. If I catch them they won't enjoy it.",
      "Parents who let their kids vandalise the garden deserve everything they get.",
    ],
    clean: [
      "If you finish the quiz early you'll find out what's next on Friday!",
      "If Year 6 win the cup they will get a pizza party.",
      "Next time we go to the museum the children will see the dinosaurs.",
      "If the weather holds, sports day will go ahead, and I think they'll enjoy it.",
      "I learned the hard way to label every water bottle.",
      "I'll get on with the reports tonight.",
    ],
  },
  {
    kind: "a colleague's illness put in quotes to doubt it",
    fires: [
      "Our deputy is off with 'stress' again, funny how it's always Ofsted week.",
      "Guess who has another \"migraine\" the day before the book look.",
      "Mr K's 'bad back' is playing up again, right before parents' evening.",
      "Half the department signed off with \"anxiety\" the week reports are due.",
      "She's away with her 'appointment' for the third Friday running.",
    ],
    clean: [
      "Mental health week: the word 'stress' comes from the Latin stringere.",
      "Our new 'Back to School' display is up in the hall!",
      "Year 5 wrote poems called 'Anxiety' and 'Hope' for the wellbeing wall.",
      "Please note the new 'sickness' absence form is on the portal.",
      "Thanks to everyone who came to the 'Wellbeing' twilight.",
    ],
  },
  {
    kind: "mockery of competence by comparison",
    fires: [
      "Our new trust lead couldn't write a timetable to save his life.",
      "The supply agency sent someone with the attention span of a gnat.",
      "Half the governors have the common sense of a paperclip.",
      "That new assistant head wouldn't last five minutes with 9X.",
      "Trainees from that course couldn't mark a spelling test if their lives depended on it.",
      "Year 8 in the canteen today. Raised by wolves, the lot of them.",
    ],
    clean: [
      "I couldn't remember the password to save my life this morning!",
      "The class goldfish has a longer attention span than my printer queue.",
      "Year 4 learnt about wolves and how they raise their cubs.",
      "Our head would last five minutes in the egg-and-spoon race, tops!",
      "Five minutes to go until the end of term.",
    ],
  },
  {
    kind: "children or families written off as creatures or lost causes",
    fires: [
      "That boy in 10C is a lost cause, just like his cousins were.",
      "The kids from the flats near the park are feral.",
      "The parents on this new development are scroungers.",
      "The lad we moved up to 8R is feral.",
      "Some families round here are nothing but freeloaders.",
    ],
    clean: [
      "Year 3 were cavemen for Stone Age day and looked brilliant.",
      "Children are sponges at this age, they pick everything up.",
      "Our Year 2s are dinosaurs for the class assembly.",
      "The cat that hangs round the gate is feral, please don't feed it.",
      "Year 1 loved the farm: they are sheep mad now.",
    ],
  },
  {
    kind: "doubt lowers a finding: denied, reported, a verb's object, or swearing that cheers",
    fires: [
      "I'm not saying much but the new head is a clown.",
      "You're a fraud and everyone on the staff knows it.",
    ],
    clean: [
      "I don't think the new deputy is a fraud, he just needs time.",
      "Some parents will call you a racist for enforcing the uniform rules; stay calm.",
      "Why do you keep defending bullies in your replies? Let's talk about restorative practice.",
      "Year 6 performance tonight was fucking brilliant.",
      "What a week. My shitty laptop died twice.",
    ],
  },
];

describe('derogatory, by kind', () => {
  for (const { kind, fires, clean } of KINDS) {
    describe(kind, () => {
      it.each(fires)('fires: %s', (text) => {
        expect(marksOf('derogatory', { text, account: 'personal' })).not.toEqual([]);
      });
      it.each(clean)('leaves alone: %s', (text) => {
        expect(marksOf('derogatory', { text, account: 'personal' })).toEqual([]);
      });
    });
  }
});
