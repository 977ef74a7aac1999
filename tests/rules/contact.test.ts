// contact: table of drafts and every mark the rule must make ([] = must not fire).
import { ruleTable } from './table';

ruleTable('contact', [
  { text: "Former pupils, I've started a TikTok for my baking, come and find me! Views my own.", account: 'personal', marks: [[15, 36, "I've started a TikTok"], [52, 68, "come and find me"]] },
  { text: "Year 6: this account is just for you! Follow us and DM your questions.", account: 'official', marks: [[38, 51, "Follow us and", "contact the school office"], [52, 69, "DM your questions", "contact the school office"]] },
  { text: "Worried about your child's reading? DM us and we'll send ideas.", account: 'official', marks: [[36, 41, "DM us", "contact the school office"]] },
  { text: "Please don't message this page about your child: email the office.", account: 'official', marks: [] },
  { text: "A follow-up letter about the residential comes home on Friday.", account: 'official', marks: [] },
  { text: "Follow us on Instagram for photos of the school fair!", account: 'official', marks: [] },
  { text: "Year 11 leavers, my DMs are open if you need revision help! Views my own.", account: 'personal', marks: [[17, 32, "my DMs are open"]] },
  // Pupils a post shows are not its audience.
  { text: "Follow us on Instagram for more photos from Year 4!", account: 'official', marks: [] },
]);
