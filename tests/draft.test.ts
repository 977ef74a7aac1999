/**
 * The policy drafter (packs/draft/): leave-one-out on the five seed policies against their
 * hand-made packs, with floors; every quote verbatim; the clause splitter's structure.
 */
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../packs/schema';
import { builtInKnowledge } from '../packs/draft/builtin';
import { splitClauses } from '../packs/draft/clauses';
import { draftPack } from '../packs/draft/draft';
import { evidenceTest } from '../packs/draft/propose';
import { audienceOf, isDirective, isPurpose } from '../packs/draft/text';
import { SOURCES } from '../packs/ids';
import { leaveOneOut, summarise, table } from './support/draft-loo';
import { normaliseQuote, normalisedSources, rawSources } from './seeds';

describe('leave-one-out on the seed policies', () => {
  const rows = leaveOneOut();
  const summary = summarise(rows);
  console.log(`leave-one-out, drafted pack vs hand-made pack (1 = first proposal is a cited clause, 3 = one of the first three, - = rightly left out, FP = wrongly proposed)\n${table(rows)}`);

  it('proposes a clause the hand-made pack cites first for most stated rules, in the first three for more', () => {
    // Measured 68.6% and 74.5% (51 stated rules) once each rule carries its evidence (rules/<id>.ts);
    // 70.6% and 78.4% once a clause that tells no one what to do (an introduction, a definition,
    // a lead-in, a fragment) weighs less and cannot by itself state a rule; 84.3% in the first three
    // once alternatives scoring 40% of the best (not 60%) are listed for review.
    // 72.5% and 86.3% once a blanket ban on discussing the school ("never discuss the school or its
    // stakeholders") counts for the rules it covers (rules' `evidence.blanket`).
    // 78.4% and 88.2% once a procedure after a breach ("the breach must be reported to ...") tells
    // no one what to post, and a rule is stated from a score of 0.006 (not 0.012).
    // 80.4% and 88.2% once a list item ending in "; or" is whole (not a fragment) and a list's
    // lead-in is its paragraph's last sentence.
    expect(summary.top1).toBeGreaterThanOrEqual(0.803);
    expect(summary.top3).toBeGreaterThanOrEqual(0.882);
  });

  it('leaves out the rules the hand-made packs leave out', () => {
    // Measured 100% (14 rules not stated): a rule is stated only by a clause in its own words.
    expect(summary.leftOut).toBeGreaterThanOrEqual(1);
  });
});

describe.each(SOURCES)('the pack drafted from the %s policy', (seed) => {
  const { pack, clauses } = draftPack(rawSources[seed], builtInKnowledge(seed), { id: `${seed}-own` });

  it('is a valid pack', () => {
    const result = PackSchema.safeParse(pack);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('quotes every clause verbatim from the document', () => {
    const notVerbatim = clauses.filter((c) => !normalisedSources[seed].includes(normaliseQuote(c.quote))).map((c) => c.quote);
    expect(notVerbatim).toEqual([]);
    expect(pack.clauses.every((c) => c.source === pack.id)).toBe(true);
  });

  it('cites only clauses it lists, and lists every clause it does not cite as not checkable', () => {
    const cited = new Set(Object.values(pack.rules).flatMap((r) => r?.clauses ?? []));
    expect(pack.clauses.filter((c) => !cited.has(c.id) && !c.notCheckable).map((c) => c.id)).toEqual([]);
    expect(pack.clauses.filter((c) => cited.has(c.id) && c.notCheckable).map((c) => c.id)).toEqual([]);
  });
});

describe("a rule's evidence", () => {
  const knowledge = builtInKnowledge();
  const doc = [
    '2. Conduct online',
    '2.1 Staff must not post photographs of pupils on their personal accounts.',
    '2.2 Staff must ensure their privacy settings are set to friends only.',
    '2.3 Staff must not use language that is offensive or abusive towards colleagues.',
  ].join('\n');
  const { rules } = draftPack(doc, knowledge);
  const rule = (id: string) => rules.find((r) => r.rule === id)!;

  it('is what states a rule: a clause that never uses its words is never proposed first', () => {
    expect(rule('pupil-photo').proposals[0]!.clause.quote).toMatch(/photographs of pupils/);
    expect(rule('derogatory').proposals[0]!.clause.quote).toMatch(/offensive or abusive/);
  });

  it("is not all in a list item's lead-in: the item itself uses some of the rule's words", () => {
    const contact = evidenceTest(knowledge.rules.find((r) => r.id === 'contact')!.evidence);
    const leadIn = 'Parents who contact staff through social media should:';
    expect(contact.words(`not include any information that breaches copyright ${leadIn}`, 'not include any information that breaches copyright')).toBeUndefined();
    expect(contact.words(`not send them private messages ${leadIn}`, 'not send them private messages')).toBe('terms');
  });

  it("knows a rule's usual words in their other forms and phrasings", () => {
    const of = (id: string) => evidenceTest(knowledge.rules.find((r) => r.id === id)!.evidence);
    expect(of('derogatory').words('Staff must not publish any material that is harmful or damaging to any member of the school community.')).toBe('terms');
    expect(of('derogatory').words('Do not publish anything likely to cause offence.')).toBe('terms');
    expect(of('contact').words('A proper professional distance is kept between staff and pupils.')).toBe('terms');
    expect(of('contact').words('Keep in touch with friends and colleagues.')).toBeUndefined();
    // "connected with the school" is who someone is, not a connection made online.
    expect(of('contact').words('Everyone connected with the school, staff, parents and pupils, should not publish harmful material.')).toBeUndefined();
    expect(of('contact').words('Staff must not connect with pupils on social media.')).toBe('terms');
    // "follow" as in obeying guidance, and "the following", are not following an account.
    expect(of('contact').words('Staff and pupils must follow the school guidance below.')).toBeUndefined();
    expect(of('contact').words('Parents are asked to observe the following when pupils are online:')).toBeUndefined();
    expect(of('contact').words('Staff must not follow pupils on Instagram.')).toBe('terms');
    // An "@" standing for "at" is no mention; one before a handle is.
    expect(of('tagging').words("Accounts such as 'Mr Khan Science @ Hill School' are not official.")).toBeUndefined();
    expect(of('tagging').words('Do not @mention parents in posts.')).toBe('terms');
    // Identifying a pupil, not identifying oneself as the school's employee.
    expect(of('child-name').words('Do not post anything that could identify a pupil.')).toBe('terms');
    expect(of('child-name').words('Pupils may see your posts, whether or not you identify yourself as an employee.')).toBeUndefined();
  });

  it('counts a blanket ban on discussing the school for each rule it covers, but not a permission or a talk with someone', () => {
    const of = (id: string) => evidenceTest(knowledge.rules.find((r) => r.id === id)!.evidence);
    for (const s of [
      'Do not discuss your work or place of work.',
      'Not discussing anything to do with school, pupils or other staff members',
      'This is not the platform to discuss or debate school related issues.',
      // Commenting on, referring to, giving information about the school at all, a few words after the ban.
      'Do not use social networking sites or online blogs to make comments on anything related to the school, its activities, its pupils.',
      'No comments should be made with reference to the school, its staff, governors, pupils or families.',
      'I will not place any information regarding my activities at school on my social networking sites.',
    ])
      for (const id of ['complaint', 'confidential', 'child-name']) expect(of(id).words(s), `${id}: ${s}`).toBe('blanket');
    expect(of('complaint').words('discuss the school or its staff Staff should not:', 'discuss the school or its staff')).toBe('blanket');
    expect(of('derogatory').words('Do not discuss your work or place of work.')).toBeUndefined();
    for (const s of [
      'An individual is free to talk about the school.',
      'Other pupils should not be discussed with pupils or their parents.',
      'We will not enter into private discussions with others.',
      // A narrower ban, a condition, a ban that ends before the talk, talk as someone rather than about them.
      'An employee must not disclose confidential information relating to his/her employment at the school.',
      'If your personal presence does not make any reference to the school, it cannot be identified.',
      'Make it clear that your views are not those of your employer if commenting on matters related to your work.',
      "Don't make comments on behalf of the school.",
    ])
      expect(of('child-name').words(s), s).toBeUndefined();
  });

  it('leaves out rules no clause states in their words', () => {
    for (const id of ['political', 'tagging', 'location', 'disclaimer']) expect(rule(id).stated).toBe(false);
  });
});

describe('splitting a document into clauses', () => {
  const doc = [
    '# 3. Personal use',
    '',
    '3.1 Staff must not share images of pupils on personal accounts. Doing so breaches this policy.',
    '',
    'Staff should not:',
    '- befriend pupils or parents on social media',
    '- post derogatory comments about colleagues,',
    '  the school or the trust',
    '',
    'Monitoring',
    'The head teacher reviews this policy every two years (i.e. in',
    'September) and reports to governors.',
  ].join('\n');
  const clauses = splitClauses(doc);

  it('keeps sentences apart, list items apart, and joins lines that continue a sentence', () => {
    expect(clauses.map((c) => c.quote)).toEqual([
      'Staff must not share images of pupils on personal accounts.',
      'Doing so breaches this policy.',
      'Staff should not:',
      'befriend pupils or parents on social media',
      'post derogatory comments about colleagues, the school or the trust',
      'The head teacher reviews this policy every two years (i.e. in September) and reports to governors.',
    ]);
  });

  it('does not take a web address for a heading', () => {
    const c = splitClauses(['# source: https://example.sch.uk/contact-us/social-media-policy', 'Staff must not befriend pupils on social media.'].join('\n'));
    expect(c.map((x) => [x.quote, x.headings])).toEqual([['Staff must not befriend pupils on social media.', []]]);
  });

  it('gives each clause its clause number or heading, and each list item its lead-in', () => {
    expect(clauses.map((c) => c.section)).toEqual(['3.1', '3.1', '3. Personal use', '3. Personal use', '3. Personal use', '3. Personal use: Monitoring']);
    expect(clauses[3]!.leadIn).toBe('Staff should not:');
  });

  it('records where each clause is, so quotes are the document\'s own words', () => {
    for (const c of clauses) expect(normaliseQuote(doc.slice(c.start, c.end))).toBe(normaliseQuote(c.quote));
  });
});

describe('what a clause says of itself', () => {
  it('tells a directive (an obligation, a prohibition, an imperative, a list item under one) from an introduction or a definition', () => {
    for (const s of [
      'Staff must not accept friend requests from pupils.',
      'Do not post photographs of pupils.',
      'Under no circumstances may the school logo be used on personal pages.',
      'The trust crest must not appear on personal pages: it is a registered trademark of the trust.',
      'We request that parents do not make negative comments about staff.',
      'The school expects all those connected with the school not to publish any material that is harmful.',
    ])
      expect(isDirective(s), s).toBe(true);
    expect(isDirective('photos of students;', 'The content of personal social media activities may not contain:')).toBe(true);
    for (const s of [
      "Social media can present risks to the school's confidential information.",
      'Examples would include real/full name, address and phone numbers.',
      'Examples would include real names, which staff should never post.',
      'This policy sets out the principles that staff are expected to follow when using social media.',
      'Where there has been a breach of confidential information, the breach must be reported to the Data Protection Officer.',
      'Inappropriate use of social media should be referred to the headteacher in the first instance.',
      'Any cyber bullying of staff or pupils to be reported immediately and investigated.',
      'To ensure that the school and individuals are not exposed to legal action for defamation.',
      'Always respect the copyright and trademarks of others, including the school logo and images.',
    ])
      expect(isDirective(s), s).toBe(false);
  });

  it('tells a statement of what the policy protects from other sentences about the policy', () => {
    expect(isPurpose('The principles set out in this policy are designed to ensure that the use of social media is responsibly undertaken and that confidentiality of pupils is maintained.')).toBe(true);
    expect(isPurpose('This policy sets out the principles that staff are expected to follow when using social media.')).toBe(false);
    expect(isPurpose('Staff must protect confidential information.')).toBe(false);
    expect(isPurpose('To ensure that a proper professional distance is kept between staff and pupils.')).toBe(true);
  });

  it('knows whom a lead-in or heading addresses', () => {
    expect(audienceOf('Parental requirements often include')).toBe('others');
    expect(audienceOf('Children are typically required to:')).toBe('others');
    expect(audienceOf('For staff, requirements typically include:')).toBe('staff');
    expect(audienceOf('Staff must not discuss pupils or parents:')).toBe('staff');
    expect(audienceOf('Use of images')).toBeUndefined();
  });

  it("in a document that asks things of staff, does not let a list for parents state a rule for staff's posts", () => {
    const doc = [
      'For staff, requirements typically include:',
      '- Not accepting friend requests from current pupils',
      '',
      'Parental requirements often include:',
      '- Not posting anything malicious about the school or any member of the school community',
    ].join('\n');
    const knowledge = builtInKnowledge();
    const derogatory = draftPack(doc, knowledge).rules.find((r) => r.rule === 'derogatory')!;
    expect(derogatory.stated).toBe(false);
    // ... while a parents' charter states it.
    const charter = ['Parental requirements often include:', '- Not posting anything malicious about the school or any member of the school community'].join('\n');
    expect(draftPack(charter, knowledge).rules.find((r) => r.rule === 'derogatory')!.stated).toBe(true);
  });

  it('does not let an introduction, a lead-in or a cut-off fragment state a rule by itself', () => {
    const doc = [
      'Social Media Policy',
      '',
      "Social media can present risks to the school's confidential information and its reputation.",
      'Social media technologies include blogs, forums and video- and image-sharing websites.',
      'We ask that parents observe the following protocols when using social networking sites:',
      '',
      'A member of staff, governor, parent or carer who',
    ].join('\n');
    const { rules } = draftPack(doc, builtInKnowledge());
    for (const id of ['confidential', 'pupil-photo', 'contact']) expect(rules.find((r) => r.rule === id)!.stated, id).toBe(false);
  });

  it('takes a line ending in a spaced dash ("We will not –") as the lead-in of the list under it, not a heading', () => {
    const doc = ['Privacy', '', 'We will not \u2013', '', '  \u2022 publish photographs of children without the written consent of parents', '  \u2022 identify by full name any of the children featured in photographs'].join('\n');
    const clauses = splitClauses(doc);
    expect(clauses.map((c) => [c.quote, c.leadIn ?? null, c.headings])).toEqual([
      ['We will not \u2013', null, ['Privacy']],
      ['publish photographs of children without the written consent of parents', 'We will not \u2013', ['Privacy']],
      ['identify by full name any of the children featured in photographs', 'We will not \u2013', ['Privacy']],
    ]);
    const { rules } = draftPack(doc, builtInKnowledge());
    expect(rules.find((r) => r.rule === 'pupil-photo')!.proposals[0]!.clause.quote).toMatch(/^publish photographs/);
    expect(rules.find((r) => r.rule === 'pupil-photo')!.stated).toBe(true);
  });

  it("takes a paragraph's last sentence as its list's lead-in, and an item ending in \"; or\" as whole, not cut off", () => {
    const doc = [
      'Conduct online',
      'Staff have the right to a private life online. The trust will act on a member of staff\'s personal posts where a post:',
      '- mocks or threatens colleagues or members of the public; or',
      '- presents the writer as speaking for the trust by using its crest or logo; or',
      '- breaks the law.',
    ].join('\n');
    const clauses = splitClauses(doc);
    expect(clauses[2]!.leadIn).toBe("The trust will act on a member of staff's personal posts where a post:");
    const { rules } = draftPack(doc, builtInKnowledge());
    const branding = rules.find((r) => r.rule === 'branding')!;
    expect(branding.stated).toBe(true);
    expect(branding.proposals[0]!.clause.quote).toMatch(/crest or logo; or$/);
  });

  it("counts a limit the school sets on its own account's contact with its readers, though it names no pupils or parents", () => {
    const doc = [
      'Our school Facebook page',
      '',
      'The page shares news of school events with the community.',
      'The school page will not send private messages to anyone or answer messages sent to it.',
    ].join('\n');
    const contact = draftPack(doc, builtInKnowledge()).rules.find((r) => r.rule === 'contact')!;
    expect(contact.stated).toBe(true);
    expect(contact.proposals[0]!.clause.quote).toMatch(/^The school page will not send private messages/);
    // ... but not what the school's account does for its readers, nor a member of staff's own messages to friends.
    const other = ['Our school Facebook page', '', 'The school page will share messages of congratulation with families.', 'Staff should not message friends during lessons.'].join('\n');
    expect(draftPack(other, builtInKnowledge()).rules.find((r) => r.rule === 'contact')!.stated).toBe(false);
  });

  it('splits a list run together into one line (" • ") into its items, and finds a lead-in whose first item shares its line', () => {
    const doc = [
      'Staff guidance',
      '',
      'Be aware of the boundary of being friendly and being a friend. • All pupil information is confidential and should not be discussed. • Do not reply if contacted.',
      '',
      'The content of personal social media activities may not contain: a) any reference to confidential information;',
      'b) photos of students;',
    ].join('\n');
    const clauses = splitClauses(doc);
    expect(clauses.map((c) => c.quote)).toEqual([
      'Be aware of the boundary of being friendly and being a friend.',
      'All pupil information is confidential and should not be discussed.',
      'Do not reply if contacted.',
      'The content of personal social media activities may not contain: a) any reference to confidential information;',
      'photos of students;',
    ]);
    expect(clauses[4]!.leadIn).toBe('The content of personal social media activities may not contain:');
    for (const c of clauses) expect(normaliseQuote(doc.slice(c.start, c.end))).toBe(normaliseQuote(c.quote));
  });
});
