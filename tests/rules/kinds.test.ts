// Kinds, not sentences: for each kind of wording a rule must catch (or leave alone), drafts written
// for this table in words of their own (other nouns, verbs and registers than any labelled set),
// so that a rule tuned on one set's wording is caught out here. Each row names the rules that must
// fire and those that must not; the rest are not this row's business.
import { kindsTable as kinds } from './table';

kinds('complaint: grievances about workload, pay, leadership, decisions and treatment', [
  // persistence
  { text: 'Rota changed on us yet again by management, third time since Easter.', fires: ['complaint'] },
  { text: 'The deputy has moved the goalposts AGAIN on data drops.', fires: ['complaint'] },
  { text: "Our heating still hasn't been fixed by the site team and it's week four.", fires: ['complaint'] },
  // duty left undone by those in charge
  { text: 'Nobody in the leadership team bothers to answer an email before Friday.', fires: ['complaint'] },
  { text: 'Senior leaders were nowhere to be found when the fire alarm chaos kicked off.', fires: ['complaint'] },
  { text: 'Our department has been left to cope with two vacancies since October.', fires: ['complaint'] },
  // incompetence idioms
  { text: "The new head wouldn't know a lesson plan if it slapped her in the face.", fires: ['complaint'] },
  // pay and spending set against staff
  { text: 'Trust CEO on £210k while support staff buy their own glue sticks.', fires: ['complaint'] },
  // rhetorical questions
  { text: 'Is it normal for the head to email staff at midnight and expect an answer by seven??', fires: ['complaint'] },
  { text: 'How is it fair that management get a bonus and we get a pay freeze?', fires: ['complaint'] },
  { text: 'Why does SLT always announce the big changes on a Friday at 4pm?', fires: ['complaint'] },
  // being failed; sarcasm
  { text: 'Our kids deserve better than this leadership team.', fires: ['complaint'] },
  { text: 'Great communication as ever from SLT: found out about the new rota on Facebook.', fires: ['complaint'] },
  { text: "Does anyone else's head insist on a lesson plan for a wet play? Asking for me.", fires: ['complaint'] },
  { text: 'Twelve years on the tills in this canteen and this is how they treat us: a letter on a Friday.', fires: ['complaint'] },
  // grievances about something else than the school
  { text: "Does anyone else's dog insist on a walk at 5am?", not: ['complaint'] },
  { text: 'Took my tutor group bowling and the staff there were rude ignorant pigs to them.', not: ['complaint'] },
  { text: 'Shh, SLT are shortlisting for a new bursar and the current one has no idea.', not: ['complaint'] },
  { text: "The weather has let us down yet again, fete's off.", not: ['complaint'] },
  { text: 'Nobody at the pub quiz knew the capital of Peru.', not: ['complaint'] },
  { text: 'Is it normal for a cat to sleep eighteen hours a day??', not: ['complaint'] },
  { text: 'Why does my sourdough always collapse in the oven?', not: ['complaint'] },
  { text: 'Still haven’t finished my novel, third month running.', not: ['complaint'] },
  { text: 'Ministers have let teachers down for a decade; our staff deserve better pay.', account: 'official', not: ['complaint'] },
]);

kinds('confidential: an identifiable person’s private matters, and plans not yet public', [
  { text: 'My teaching partner has been signed off for six weeks with her nerves.', fires: ['confidential'] },
  { text: 'A lad in my form got caught vaping in the toilets and is being sent home.', fires: ['confidential'] },
  { text: 'Two of my Year 8s were caught shoplifting in town at lunch.', fires: ['confidential'] },
  { text: 'My tutee’s mum has walked out on the family and he is in bits.', fires: ['confidential'] },
  { text: 'Our PE teacher is facing a disciplinary hearing next week, awful atmosphere.', fires: ['confidential'] },
  { text: 'A child in Reception disclosed something to me today and it has gone to the DSL.', fires: ['confidential'] },
  { text: "Can't say who yet, but someone senior is off at Christmas. Letters go out after half term.", fires: ['confidential'] },
  { text: 'Big news about the nursery coming once the letters go out 😉 mum’s the word.', fires: ['confidential'] },
  // no one identifiable, or no private matter
  { text: 'Brilliant training on how to support pupils with dyslexia today.', not: ['confidential'] },
  { text: 'The season kicks off in August, can’t wait.', not: ['confidential'] },
  { text: 'Letters to Santa go out next week from the post office.', not: ['confidential'] },
]);

kinds('contact: invitations to private channels aimed at pupils or parents', [
  { text: 'Year 9, my Insta is miss_j_paints if you want to see what I paint at weekends', fires: ['contact'] },
  { text: 'Parents, feel free to WhatsApp me on 07700 900123 about pick-ups.', fires: ['contact'] },
  { text: 'Ex-pupils, I’m on Snapchat as sirbakes, say hi!', fires: ['contact'] },
  { text: 'Y11s: subscribe to my channel for revision walkthroughs every night', fires: ['contact'] },
  { text: 'Reception families, follow this account for all my classroom pictures', fires: ['contact'] },
  { text: 'Welcome, new families! Follow Mr Davies’s personal account for PE tips and send him a message any time.', account: 'official', fires: ['contact'] },
  // nobody from school invited
  { text: 'Add me on LinkedIn if you are recruiting for data analysts', not: ['contact'] },
  { text: 'Message me if you want the banana bread recipe', not: ['contact'] },
  { text: 'Follow the council’s page for bin collection updates', not: ['contact'] },
]);

kinds('disclaimer: what points a personal post at the school', [
  { text: 'Took the Y3s pond dipping this morning, so much mud.', fires: ['disclaimer'] },
  { text: 'Class Willow were superstars in assembly today!', fires: ['disclaimer'] },
  { text: 'Stood at the school gate in the rain for twenty minutes this morning.', fires: ['disclaimer'] },
  { text: 'My ECT mentor meeting overran again.', fires: ['disclaimer'] },
  { text: 'Pupils were brilliant on the trip to the science museum.', fires: ['disclaimer'] },
  { text: 'The teachers here are the kindest bunch I have ever worked with.', fires: ['disclaimer'] },
  { text: 'Dosbarth Onnen smashed their spelling test today 🌳', fires: ['disclaimer'] },
  { text: 'Running 7X2 through quadratics after lunch, wish me luck', fires: ['disclaimer'] },
  // the author's own child, another school, or no school at all
  { text: 'My daughter starts Year 7 in September, where did the time go?', not: ['disclaimer'] },
  { text: 'Twenty year olds these days have never heard of Blockbuster.', not: ['disclaimer'] },
  { text: 'Y2K themed party this weekend, dusting off the silver trousers.', not: ['disclaimer'] },
  { text: 'Finally got 5G in the village, welcome to the future.', not: ['disclaimer'] },
  { text: 'Mum’s 70th at the garden centre today 🎉', not: ['disclaimer'] },
  // the organisation's name as a place's name (Thornbury Heath, Millbeck and Halden are configured)
  { text: 'Traffic at a standstill on Thornbury Heath Road again, leave early.', not: ['disclaimer'] },
  { text: 'Lost a glove somewhere near Millbeck station, grey wool, any sightings?', not: ['disclaimer'] },
  { text: 'Lovely walk round Halden reservoir with the dog.', not: ['disclaimer'] },
  { text: 'Lovely assembly at Thornbury Heath this morning.', fires: ['disclaimer'] },
]);

kinds('branding: a personal account speaking as the school', [
  { text: 'Official Thornbury Heath news: the book fair opens on Monday!', fires: ['branding'] },
  { text: "Official Millbeck page reminder: wellies on Friday for forest school", fires: ['branding'] },
  { text: 'Proud to work at Thornbury Heath. Views my own.', not: ['branding'] },
]);

kinds('location: where pupils are now, not where they were', [
  { text: 'Spotted outside the Odeon: three of our Year 9s bunking off, second period 👀', fires: ['location'] },
  { text: 'Year 5 are picnicking at Clumber Park until 2, come and wave!', fires: ['location'] },
  { text: 'Our Year 3 choir performed at the Town Hall this morning, so proud.', account: 'official', not: ['location'] },
  { text: 'The Year 2s planted bulbs at the community garden today.', account: 'official', not: ['location'] },
  { text: 'A dad complained at school reception today and I need a cup of tea.', not: ['location'] },
]);

kinds('child-name: names that are not a child', [
  // Chelsea, Reuben and Rose are on the test pupil list.
  { text: 'Chelsea were dreadful tonight, two down at half time.', not: ['child-name'] },
  { text: 'Had a Reuben sandwich for lunch and I regret nothing.', not: ['child-name'] },
  { text: 'Grace Darling Museum in Bamburgh today, what a story.', not: ['child-name'] },
  // an abstract noun placed like a pupil ("<noun> in Year 9") is a topic, not a child
  { text: 'Punctuality in Year 10 has been dire this half term.', not: ['child-name'] },
  { text: 'Friendship in Year 2 is complicated, there were tears at break.', not: ['child-name'] },
  { text: 'Mathematics in Year 11 is where the grades are won.', not: ['child-name'] },
  // still a child
  { text: 'Kacper in Year 3 read the whole of his book to me today.', fires: ['child-name'] },
  { text: 'Chelsea was brilliant in the Year 4 assembly today.', fires: ['child-name'] },
  { text: 'Reuben and Rose were brilliant in the play.', fires: ['child-name'] },
]);

// The kind, whatever the words (rules/engine/workplace.ts x rules/engine/affect.ts): a grievance
// about one's own workplace said wearily, sarcastically or as a question, with none of the phrases
// the labelled sets use.
kinds('complaint: own workplace said negatively, in other words', [
  { text: 'Earning less than the lads who stack shelves at the big Tesco, and we ran the trip with half the staff it needs. Still, have a biscuit for your trouble.', fires: ['complaint'] },
  { text: "Fifth cover lesson of the week and the 'work' set for it was a blank slide. Living my best life.", fires: ['complaint'] },
  { text: "Odd how the 'flexible working' promise only holds when it suits the people upstairs.", fires: ['complaint'] },
  { text: 'Requested one afternoon of PPA back in September. Still nothing. Week nine.', fires: ['complaint'] },
  { text: 'Whoever wrote our new marking policy has clearly never marked 90 books in a night.', fires: ['complaint'] },
  { text: 'Why am I the one doing the rota, the duty and the data drop on the wage of a trainee?', fires: ['complaint'] },
  // hard negatives: praise of the workplace, sadness, national debate, pupils, a machine
  { text: 'Our head stayed until 7 helping us set up the hall. Lucky to work here, honestly.', not: ['complaint'] },
  { text: "Lost our lovely caretaker last week. The staffroom is so quiet without his jokes.", not: ['complaint'] },
  { text: 'Ministers keep cutting school budgets across the country and it is the profession that pays.', not: ['complaint'] },
  { text: 'Year 9 were a nightmare after lunch, wind and a wasp in the room. Never again.', not: ['complaint'] },
  { text: 'Staff briefing moved to Thursday this week, see the email for the new room.', not: ['complaint'] },
  { text: 'The academy down the road has a useless head, so glad I am not there.', not: ['complaint'] },
]);

kinds('confidential: a sensitive matter about a particular person or a plan not yet public, in other words', [
  { text: 'The little girl I support in Year 4 was diagnosed with diabetes over half term.', fires: ['confidential'] },
  { text: 'One of our cleaners has been sacked after an allegation, nobody is meant to know.', fires: ['confidential'] },
  { text: 'Two lads from my tutor group were arrested at the weekend.', fires: ['confidential'] },
  { text: 'My teaching assistant is on maternity leave from May, she has only told me.', fires: ['confidential'] },
  { text: 'The trust is proposing to merge our infants with the juniors; parents have not been told yet.', fires: ['confidential'] },
  { text: 'A dad in my class has been evicted and the family are sofa-surfing.', fires: ['confidential'] },
  // hard negatives: no particular person, or a public matter
  { text: 'Great CPD today on how to support children with epilepsy in PE.', not: ['confidential'] },
  { text: 'Our pupils collected 300 tins for the food bank, so proud of them.', not: ['confidential'] },
  { text: 'Read a brilliant novel about a family coping with divorce.', not: ['confidential'] },
  { text: 'Mrs Foster ran the cake sale and made £200.', not: ['confidential'] },
  { text: 'As announced in the newsletter, the new head starts in September.', not: ['confidential'] },
]);
