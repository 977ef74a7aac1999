import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { activeMarkedText, badgeText, explainMark, lexicalParagraphs, markedText, markRects, model, overlayRects, posts, pressShortcut, report, setSettings, ui } from './support/page';
import { SCHOOL } from './support/settings';

// Facebook's composers are Lexical editors: the feed's "Create post" dialog and the comment box.
let browser: Browser;
let page: Page;

const COMPOSER = '[role="dialog"] [role="textbox"]';
const COMMENT = '[aria-label^="Comment as"]';
const BLOCKED = 'Well done to Olivia in Year 3 for her reading award!';
// A personal post pointing at a year group needs a disclaimer (the `disclaimer` rule marks "Year 3");
// the Apply tests are about the pupil's name alone, so their draft carries one.
const DISCLAIMED = `${BLOCKED} Views my own.`;
const WARNED = 'Great trip today with @jenny_b and the team.';

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  await page.goto(SITES.facebook.url);
});

async function compose(text: string): Promise<void> {
  await page.click('#open-composer');
  await page.locator(COMPOSER).click();
  await page.keyboard.type(text);
}

const editorText = (selector: string) => page.locator(selector).evaluate((e) => (e as HTMLElement).innerText);
const gate = () => ui(page).getByRole('alertdialog');
const card = () => ui(page).getByRole('dialog', { name: /^Second Look/ });

const explain = (text: string) => explainMark(page, text);

describe('Facebook (Lexical)', () => {
  it('marks exactly the words each finding covers, and nothing else', async () => {
    await compose(BLOCKED);
    // The pupil's name, and the year group that needs a disclaimer on a personal account.
    await expect.poll(() => markedText(page)).toEqual(['Olivia', 'Year 3']);
    const draft = await report(browser.worker!, page);
    expect(draft).toMatchObject({ text: BLOCKED, platform: 'facebook', account: 'personal' });
    expect(draft!.findings.map((f) => [f.rule, f.start, f.end])).toEqual([
      ['child-name', 13, 19],
      ['disclaimer', 23, 29],
    ]);
  });

  it('a click in marked words, then on the counter, opens their card: the reason, the policy clause and the suggestion', async () => {
    await compose(BLOCKED);
    // Hovering the marks opens nothing (the page would see a card appear over its words).
    const olivia = (await markRects(page)).find((r) => r.text === 'Olivia')!;
    await page.mouse.move(olivia.x + olivia.width / 2, olivia.y + olivia.height / 2, { steps: 4 });
    await page.waitForTimeout(500);
    expect(await card().count()).toBe(0);
    await explain('Olivia');
    const finding = (await report(browser.worker!, page))!.findings.find((f) => BLOCKED.slice(f.start, f.end) === 'Olivia');
    await expect.poll(() => card().innerText()).toContain(finding!.message);
    const text = await card().innerText();
    expect(text).toContain(finding!.clause.quote);
    expect(text).toContain(finding!.clause.section);
    expect(text).toContain(finding!.suggestion!);
    // Only the explained finding's words are drawn as the open card's; the other mark stays as it was.
    await expect.poll(() => markedText(page)).toEqual(['Olivia', 'Year 3']);
    expect(await activeMarkedText(page)).toEqual(['Olivia']);
  });

  it('by the keyboard: the caret in marked words, the shortcut opens their card, Tab reaches Apply, Escape goes back', async () => {
    await compose(DISCLAIMED);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    // The caret in "Olivia" opens nothing by itself.
    await page.waitForTimeout(500);
    expect(await card().count()).toBe(0);
    await pressShortcut(browser.worker!, page);
    await card().waitFor();
    expect(await card().innerText()).toContain("A pupil's name");
    // Focus is in the card: Escape closes it and puts the caret back in the draft.
    await page.keyboard.press('Escape');
    await card().waitFor({ state: 'detached' });
    await page.keyboard.type('X');
    await expect.poll(() => editorText(COMPOSER)).toContain('OlXivia');
    await page.keyboard.press('Backspace');
    // Again, then Apply from the keyboard alone.
    await pressShortcut(browser.worker!, page);
    await card().waitFor();
    await card().getByRole('button', { name: 'Apply' }).waitFor();
    for (let i = 0; i < 10 && !(await card().evaluate((c) => (c.getRootNode() as ShadowRoot).activeElement?.textContent === 'Apply')); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(COMPOSER)).toBe('Well done to a pupil in Year 3 for her reading award! Views my own.');
  });

  it('the shortcut in a clean draft, and the counter, open a card of the same size that says there is nothing to explain', async () => {
    await compose('What a lovely afternoon of reading. Views my own.');
    await expect.poll(async () => (await report(browser.worker!, page))?.findings.length).toBe(0);
    await pressShortcut(browser.worker!, page);
    await card().waitFor();
    expect(await card().innerText()).toContain('Nothing to check in this post');
    await page.keyboard.press('Escape');
    await card().waitFor({ state: 'detached' });
    await ui(page).getByRole('button', { name: 'Second Look: nothing to check in this post' }).click();
    await card().waitFor();
    await card().getByRole('button', { name: 'Back to the post' }).click();
    await card().waitFor({ state: 'detached' });
  });

  it('Apply replaces the words through Lexical: the page and the model agree', async () => {
    await compose(DISCLAIMED);
    await explain('Olivia');
    await card().getByRole('button', { name: 'Apply' }).click();
    const fixed = 'Well done to a pupil in Year 3 for her reading award! Views my own.';
    await expect.poll(() => editorText(COMPOSER)).toBe(fixed);
    expect(lexicalParagraphs(await model(page, 'composer'))).toEqual([fixed]);
    await expect.poll(() => markedText(page)).toEqual([]);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('');
  });

  it('Apply after more typing replaces the words where they are now, not at the offsets first checked', async () => {
    await compose(DISCLAIMED);
    await explain('Olivia');
    // The worker is busy for a while, so the words typed next are not checked before Apply.
    const busy = browser.worker!.evaluate(() => {
      const until = Date.now() + 2_500;
      while (Date.now() < until);
    });
    // Back in the draft (the card stays open beside it), to its start (Home alone goes to the
    // start of the line, and the draft wraps).
    await page.locator(COMPOSER).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hi all! ');
    await card().getByRole('button', { name: 'Apply' }).click();
    const fixed = 'Hi all! Well done to a pupil in Year 3 for her reading award! Views my own.';
    await expect.poll(() => editorText(COMPOSER)).toBe(fixed);
    expect(lexicalParagraphs(await model(page, 'composer'))).toEqual([fixed]);
    await busy;
    await expect.poll(() => markedText(page)).toEqual([]);
  });

  it('Apply works paragraph by paragraph in a draft of several paragraphs', async () => {
    await page.click('#open-composer');
    await page.locator(COMPOSER).click();
    await page.keyboard.type('Well done to Olivia for her award.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('It was a lovely sunny week.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('And thanks to Jack for helping.');
    await expect.poll(() => markedText(page)).toEqual(['Jack', 'Olivia']);
    for (const name of ['Jack', 'Olivia']) {
      await explain(name);
      await card().getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => markedText(page)).not.toContain(name);
    }
    const paragraphs = ['Well done to a pupil for her award.', 'It was a lovely sunny week.', 'And thanks to a pupil for helping.'];
    expect(lexicalParagraphs(await model(page, 'composer'))).toEqual(paragraphs);
    expect(await editorText(COMPOSER)).toBe(paragraphs.join('\n\n'));
  });

  it('the Post button is gated; "Go back and edit" keeps the draft; a blocking finding offers no "Post anyway"', async () => {
    await compose(BLOCKED);
    // A warning beside the blocking finding does not bring "Post anyway" back.
    await expect.poll(() => markedText(page)).toEqual(['Olivia', 'Year 3']);
    await page.getByRole('dialog', { name: 'Create post' }).getByRole('button', { name: 'Post', exact: true }).click();
    await gate().waitFor();
    expect(await gate().innerText()).toContain("A pupil's name");
    expect(await gate().getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    await gate().waitFor({ state: 'detached' });
    expect(await posts(page)).toEqual([]);
    expect(await editorText(COMPOSER)).toBe(BLOCKED);
    expect(lexicalParagraphs(await model(page, 'composer'))).toEqual([BLOCKED]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('textbox');
  });

  it('"Post anyway" lets the site\'s own Post handler run exactly once', async () => {
    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.getByRole('dialog', { name: 'Create post' }).getByRole('button', { name: 'Post', exact: true }).click();
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual([WARNED]);
    await page.waitForTimeout(200);
    expect(await posts(page)).toEqual([WARNED]);
  });

  it('Ctrl+Enter is gated like the button, and "Post anyway" sends once', async () => {
    await compose(WARNED);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.keyboard.press('Control+Enter');
    await gate().waitFor();
    expect(await posts(page)).toEqual([]);
    expect(await editorText(COMPOSER)).toBe(WARNED);
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual([WARNED]);
  });

  it('a comment box sends on Enter, so Enter is gated there; Shift+Enter still starts a line', async () => {
    await page.locator(COMMENT).click();
    await page.keyboard.type('Great trip with @jenny_b');
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    await page.keyboard.press('Shift+Enter');
    expect(await gate().count()).toBe(0);
    await page.keyboard.press('Enter');
    await gate().waitFor();
    await gate().getByRole('button', { name: 'Go back and edit' }).click();
    expect(await posts(page)).toEqual([]);
    expect((await editorText(COMMENT)).trim()).toBe('Great trip with @jenny_b');
  });

  it('the badge counts the findings of the draft being edited', async () => {
    await compose('Great trip with @jenny_b and @tom_h today.');
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('2');
    await explain('@jenny_b');
    await card().getByRole('button', { name: 'Ignore' }).click();
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('1');
    await expect.poll(() => markedText(page)).toEqual(['@tom_h']);
    // The card moved on to the next finding and has focus; Escape closes it and returns to the text.
    await page.keyboard.press('Escape');
    await card().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('');
  });

  it("reads who is posting from the composer, and the card switches the account for this draft", async () => {
    const text = 'Sports day at Penrice Primary Academy was brilliant!';
    await page.locator(COMMENT).click();
    await page.keyboard.type(text);
    await expect.poll(() => markedText(page)).toEqual(['Penrice Primary Academy']);
    expect((await report(browser.worker!, page))!.account).toBe('personal');
    await explain('Penrice Primary Academy');
    expect(await card().innerText()).toContain('Checked as a personal account (Jane Smith)');
    await card().getByRole('button', { name: 'Check as official instead' }).click();
    await expect.poll(() => markedText(page)).toEqual([]);
    expect((await report(browser.worker!, page))!.account).toBe('official');

    // Acting as the school's page: its name is one of the organisation's, so the post is official.
    await page.click('#switch-profile');
    await page.locator(COMMENT).click();
    await page.keyboard.type(text);
    await expect.poll(async () => (await report(browser.worker!, page))?.account).toBe('official');
    expect(await markedText(page)).toEqual([]);
  });

  it('falls back to any other text box: a plain form is checked once focused, and its submit is gated', async () => {
    await page.locator('#review-text').click();
    await page.keyboard.type('Lovely school, thanks to @jenny_b for the tour.');
    await expect.poll(async () => (await overlayRects(page)).length).toBe(1);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('1');
    await page.locator('#review').getByRole('button', { name: 'Post' }).click();
    await gate().getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => posts(page)).toEqual(['Lovely school, thanks to @jenny_b for the tour.']);
    await expect.poll(() => badgeText(browser.worker!, page)).toBe('');
  });
});
