// Kinds, not sentences (see kinds.test.ts) for disclaimer, contact, location, political,
// child-name, tagging and branding: each row is a draft written for this table in words of its
// own, none copied from a labelled set, naming the rules that must fire and those that must not.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../rules/engine/ids';
import type { RuleId } from '../../rules/engine/facts';
import { check, settings } from '../helpers';

interface Row {
  text: string;
  account?: Account;
  fires?: RuleId[];
  not?: RuleId[];
}

function kinds(kind: string, rows: readonly Row[]): void {
  describe(kind, () => {
    it.each(rows)('$text', (row) => {
      const found = new Set(check({ text: row.text, account: row.account ?? 'personal', platform: 'x' }, settings).map((f) => f.rule));
      for (const rule of row.fires ?? []) expect(found, `${rule} should fire`).toContain(rule);
      for (const rule of row.not ?? []) expect(found, `${rule} should not fire`).not.toContain(rule);
    });
  });
}

kinds('disclaimer: the school pointed at through staff life (roles, places, events, pupils, processes)', [
  // groups of pupils the author owns
  { text: 'My bottom set Year 9s finally cracked simultaneous equations and I nearly cried.', fires: ['disclaimer'] },
  { text: 'Proud of my SEN kids today, every one of them read aloud.', fires: ['disclaimer'] },
  { text: 'Our little reception ones planted sunflowers this morning 🌻', fires: ['disclaimer'] },
  { text: 'My GCSE lot have their chemistry paper tomorrow, fingers crossed for them.', fires: ['disclaimer'] },
  { text: 'The kids at work made me a birthday card and I am not crying, you are.', fires: ['disclaimer'] },
  // roles and places of the author's workplace
  { text: 'Our deputy brought doughnuts for the whole staff on a Monday. Legend.', fires: ['disclaimer'] },
  { text: 'Spent my free period hiding in the prep room with a cold cuppa.', fires: ['disclaimer'] },
  { text: 'Boarding house duty until midnight then a full timetable tomorrow.', fires: ['disclaimer'] },
  { text: 'Our maths department is the best bunch of people I have ever worked with.', fires: ['disclaimer'] },
  // school events and processes
  { text: 'Report writing weekend. 94 comments to go and the wine is open.', fires: ['disclaimer'] },
  { text: 'Mock marking done, moderation meeting tomorrow, then sleep.', fires: ['disclaimer'] },
  { text: 'Two INSET days and not one minute of it was useful for my teaching.', fires: ['disclaimer'] },
  { text: 'Sports day went off without a single nosebleed, a first for us.', fires: ['disclaimer'] },
  { text: 'Eight hours of parent consultations and my voice has gone.', fires: ['disclaimer'] },
  // the organisation's own handles and hashtags
  { text: 'Lovely to see the new library finally open #ThornburyThrives', fires: ['disclaimer'] },
  // a disclaimer written many ways: nothing to add
  { text: 'Proud of my SEN kids today, every one of them read aloud. Opinions mine.', not: ['disclaimer'] },
  { text: 'Report writing weekend, 94 comments to go. #ViewsMyOwn', not: ['disclaimer'] },
  { text: 'Our deputy brought doughnuts again. (Personal account, not speaking for my employer.)', not: ['disclaimer'] },
  { text: 'My Year 9s were superb today. All views are mine, not the school’s.', not: ['disclaimer'] },
  { text: 'Mock marking all weekend 😩 veiws my own obvs', not: ['disclaimer'] },
  { text: 'Two INSET days this week. Thoughts here are my own and nobody else’s.', not: ['disclaimer'] },
  // nothing pointing at a school
  { text: 'My bottom drawer is full of takeaway menus, time for a clear out.', not: ['disclaimer'] },
  { text: 'Our little dog has learnt to open the fridge. Send help.', not: ['disclaimer'] },
  { text: 'Marking the garden out for raised beds this weekend.', not: ['disclaimer'] },
  { text: 'The kids at home have eaten every biscuit in the house.', not: ['disclaimer'] },
  { text: 'Sports day at the office five-a-side was chaos.', not: ['disclaimer'] },
  { text: 'Our department store closed down after forty years, sad to see it go.', not: ['disclaimer'] },
]);

kinds('contact: an invitation to a private channel, with pupils or parents as the audience', [
  { text: 'Year 11, slide into my DMs if you are stuck on the coursework.', fires: ['contact'] },
  { text: 'Parents, if you have any worries just ping me on WhatsApp.', fires: ['contact'] },
  { text: 'Any of my tutor group who need help over half term, my number is 07700 900123.', fires: ['contact'] },
  { text: 'Revision notes for my Year 13s are on my Discord server, link in bio.', fires: ['contact'] },
  { text: 'Parents, feel free to email me at sarah.hollis87@gmail.com about homework.', fires: ['contact'] },
  { text: 'Mums and dads, hit me up on Snap if the reading books go missing.', fires: ['contact'] },
  { text: 'Made a group chat for my form so they can message me with questions at the weekend.', fires: ['contact'] },
  { text: 'Families with worries about your child, message the page and we will get back to you.', account: 'official', fires: ['contact'] },
  { text: 'Pupils, give my personal insta a follow for behind the scenes!', fires: ['contact'] },
  // hard negatives
  { text: 'Please do not message this page about your child; ring the office on 01632 960123.', account: 'official', not: ['contact'] },
  { text: 'Questions about the trip? Email office@thornburyheath.sch.uk or call the office.', account: 'official', not: ['contact'] },
  { text: 'My sister, slide into my DMs with the recipe please.', not: ['contact'] },
  { text: 'Anyone selling a bike? Drop me a message, cash waiting.', not: ['contact'] },
  { text: 'Set up a group chat for the book club, twelve of us now.', not: ['contact'] },
  { text: 'WhatsApp has gone down again, how will I survive.', not: ['contact'] },
  { text: 'Never give your number to strangers online, we told Year 6 in assembly.', not: ['contact'] },
]);
