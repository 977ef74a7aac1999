// Kinds, not sentences (see kinds.test.ts) for disclaimer, contact, location, political,
// child-name, tagging and branding: each row is a draft written for this table in words of its
// own, none copied from a labelled set, naming the rules that must fire and those that must not.
import { kindsTable as kinds } from './table';

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
  { text: 'Any of my form want to join the revision Discord, ask me for the invite', fires: ['contact'] },
  { text: 'Parents, you can reach me on my personal mobile any time', fires: ['contact'] },
  { text: 'Join the Discord for the book club, ask me for the invite!', not: ['contact'] },
  { text: 'Could not reach my personal trainer all week, typical.', not: ['contact'] },
  // hard negatives
  { text: 'Please do not message this page about your child; ring the office on 01632 960123.', account: 'official', not: ['contact'] },
  { text: 'Questions about the trip? Email office@thornburyheath.sch.uk or call the office.', account: 'official', not: ['contact'] },
  { text: 'My sister, slide into my DMs with the recipe please.', not: ['contact'] },
  { text: 'Anyone selling a bike? Drop me a message, cash waiting.', not: ['contact'] },
  { text: 'Set up a group chat for the book club, twelve of us now.', not: ['contact'] },
  { text: 'WhatsApp has gone down again, how will I survive.', not: ['contact'] },
  { text: 'Never give your number to strangers online, we told Year 6 in assembly.', not: ['contact'] },
]);

kinds('location: pupils or staff placed at a named place at a time', [
  { text: 'Year 4 are at Crickley Hill Country Park until half two, weather holding!', fires: ['location'] },
  { text: 'Coach is parked at Tamworth Snowdome, Year 8 on the slopes till 3pm.', fires: ['location'] },
  { text: 'Meet at the gates of Ashby Castle at 9.15 tomorrow, Year 5.', fires: ['location'] },
  { text: 'The choir will be singing at Westfield Shopping Centre from 11 to 1 on Saturday, come and see them!', fires: ['location'] },
  { text: 'Our Year 3s are heading to Drayton Manor now, back for 5.', fires: ['location'] },
  { text: 'Isla McKenzie lives on Foxglove Road, can someone drop her bag round?', fires: ['location'] },
  { text: 'Year 9 are at the Science Museum now, so far nobody has been lost', fires: ['location'] },
  // places named where nobody is placed
  { text: 'Crickley Hill Country Park has reopened its visitor centre.', not: ['location'] },
  { text: 'Thank you to @TamworthSnowdome for hosting our trip last month.', not: ['location'] },
  { text: 'Labour and the Greens both held meetings in Westfield this year.', not: ['location'] },
  { text: 'Year 4 learned all about Crickley Hill in geography today.', not: ['location'] },
  { text: 'Year 9 went to the Science Museum today and nobody got lost', not: ['location'] },
  { text: 'Year 5 wrote letters to Ashby Castle asking about its history.', not: ['location'] },
  { text: 'Meet at the Red Lion at 7 tomorrow for Dave’s leaving drinks.', not: ['location'] },
  { text: 'Foxglove Road is closed for resurfacing, allow extra time on the school run.', account: 'official', not: ['location'] },
  { text: 'Year 5 will visit Ashby Castle in the summer term.', account: 'official', not: ['location'] },
]);

kinds('political: an official account endorsing or opposing parties, candidates, campaigns or votes', [
  { text: 'We are proud to back Priya Shah for Halden West on 2 May, a true friend to our school.', account: 'official', fires: ['political'] },
  { text: 'Remember which party cut your children’s funding when you go to the polls on Thursday.', account: 'official', fires: ['political'] },
  { text: 'Please sign the petition against the government’s schools bill, link below.', account: 'official', fires: ['political'] },
  { text: 'Our staff stand with the Green candidate on free school meals. Vote wisely!', account: 'official', fires: ['political'] },
  { text: 'Whatever you do on Thursday, do not let the Conservatives near our schools again.', account: 'official', fires: ['political'] },
  // neutral civic information
  { text: 'The school is a polling station on Thursday, so we are closed to pupils.', account: 'official', not: ['political'] },
  { text: 'Year 10 held a mock election and the Greens won by three votes.', account: 'official', not: ['political'] },
  { text: 'Our MP visited to open the new library. Thank you for your time!', account: 'official', not: ['political'] },
  { text: 'Sixth formers: remember to register to vote before the deadline on 17 April.', account: 'official', not: ['political'] },
  { text: 'All candidates for Halden West are invited to our hustings on Tuesday.', account: 'official', not: ['political'] },
  { text: 'Vote for Jess for Head Girl in Friday’s school council ballot!', account: 'official', not: ['political'] },
  { text: 'Remember your PE kit when you come back on Monday.', account: 'official', not: ['political'] },
  { text: 'Sign the petition for a new zebra crossing outside school, link below.', account: 'official', not: ['political'] },
]);

kinds('child-name: names as schools write them; word-names, places, brands and adults left alone', [
  { text: 'Well done to Tilly R (Y4) for her fantastic poem!', account: 'official', fires: ['child-name'] },
  { text: 'Writer of the week goes to Bodhi in Class 2 for his dragon story.', account: 'official', fires: ['child-name'] },
  { text: 'Huge congrats to Esme and Arlo from Year 1 on their swimming badges.', account: 'official', fires: ['child-name'] },
  { text: 'Headteacher award this week: Zara M. in Year 6!', account: 'official', fires: ['child-name'] },
  { text: 'Thank you to Mrs Okonkwo for running the chess club this term.', account: 'official', not: ['child-name'] },
  { text: 'Year 5 visited Cadbury World and came back full of chocolate.', account: 'official', not: ['child-name'] },
  { text: 'Our author visit with Michael Morpurgo was a dream come true.', account: 'official', not: ['child-name'] },
  { text: 'Year 2 have been reading about Florence Nightingale this week.', account: 'official', not: ['child-name'] },
  { text: 'Sunny spells forecast for sports day, so please send a sun hat.', account: 'official', not: ['child-name'] },
  // word-names on a personal account with nothing about school or children: the word, the place
  { text: 'Jordan was everything I hoped it would be, Petra at sunrise 😍', not: ['child-name'] },
  { text: 'Ruby was the gemstone of the month, apparently. Bought myself a ring.', not: ['child-name'] },
  { text: 'Hope is a funny thing. Still waiting on the mortgage offer.', not: ['child-name'] },
  { text: 'Well done Hope, you smashed your swimming gala today!', fires: ['child-name'] },
  { text: 'So proud of my Grace, she got her GCSE results', fires: ['child-name'] },
]);

kinds('tagging: handles of people tagged, or asked for', [
  { text: 'Great session with @jo_reads_books today, thank you!', account: 'official', fires: ['tagging'] },
  { text: 'Mums, tag each other in the sports day photos below!', account: 'official', fires: ['tagging'] },
  { text: 'Shout out to @coachdavies_pe for the football clinic.', account: 'official', fires: ['tagging'] },
  { text: 'Follow @BBCNews for the latest on the snow closures.', account: 'official', not: ['tagging'] },
  { text: 'Email office@millbeck.sch.uk to book a place.', account: 'official', not: ['tagging'] },
  { text: 'Look out for #MillbeckMagic on our page this week.', account: 'official', not: ['tagging'] },
  { text: 'Photos from the disco are up, get tagging!', account: 'official', fires: ['tagging'] },
  { text: 'Year 2 played tag in the playground and then it rained.', account: 'official', not: ['tagging'] },
  { text: 'Please check the name tag in each jumper.', account: 'official', not: ['tagging'] },
]);

kinds('branding: a personal account using the school brand or speaking as it', [
  { text: 'Every child, every day, every chance ❤️ proud to be part of it.', fires: ['branding'] },
  { text: 'Official update from Thornbury Heath: the trip is on!', fires: ['branding'] },
  { text: 'Posting on behalf of Millbeck: school closes at 1pm on Friday.', fires: ['branding'] },
  { text: 'Official update from Thornbury Heath: the trip is on!', account: 'official', not: ['branding'] },
  { text: 'I work at Millbeck and love it. Views my own.', not: ['branding'] },
]);
