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
