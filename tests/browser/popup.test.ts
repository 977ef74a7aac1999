import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES, launch, type Browser } from './support/chromium';
import { EXTENSION_ID, axeViolations, extensionIdOf, openPopup, tabStops } from './support/extension';
import { composeOnFacebook, markedText, report, setSettings, tabId } from './support/page';
import { SCHOOL } from './support/settings';

// The toolbar popup, opened as a page for a given tab: what it says about that tab's draft.
let browser: Browser;
let page: Page;
let popup: Page | undefined;

// 'Views are my own.': a personal post naming a year group needs the disclaimer; these tests are about the name and the tag.
const DRAFT = 'Well done to Olivia in Year 3! Great trip with @jenny_b today. Views are my own.';

beforeAll(async () => {
  browser = await launch({ extension: true });
  await setSettings(browser.worker!, SCHOOL);
});
afterAll(() => browser?.close());

beforeEach(async () => {
  await popup?.close();
  popup = undefined;
  await page?.close();
  page = await browser.context.newPage();
});

describe('the popup', () => {
  it('has the fixed extension id that policies name', () => {
    expect(extensionIdOf(browser.worker!)).toBe(EXTENSION_ID);
  });

  it("lists the tab's findings grouped by rule, each with its reason, clause, suggestion and severity", async () => {
    await composeOnFacebook(page, DRAFT);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b', 'Olivia']);
    const findings = (await report(browser.worker!, page))!.findings;
    popup = await openPopup(browser.context, browser.worker!, page);
    await popup.locator('[data-rule]').first().waitFor();
    expect(await popup.getByTestId('draft').innerText()).toBe(DRAFT);
    expect(await popup.locator('[data-rule-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-group')))).toEqual([
      'child-name',
      'tagging',
    ]);
    for (const finding of findings) {
      const item = popup.locator(`li[data-rule="${finding.rule}"]`);
      expect(await item.count()).toBe(1);
      const text = await item.innerText();
      expect(text).toContain(finding.message);
      expect(text).toContain(finding.clause.quote);
      expect(text).toContain(finding.clause.section);
      if (finding.suggestion) expect(text).toContain(finding.suggestion);
      // Severity in words (and a symbol), not only by colour.
      expect(text).toMatch(finding.severity === 'block' ? /Blocks posting/ : /Warning: .*post anyway/);
    }
    const facts = await popup.locator('dl.facts').innerText();
    expect(facts).toMatch(/Policy\s+\S/);
    expect(facts).toContain('A personal account');
    expect(facts).toContain('not managed');
  });

  it('names the policy the findings cite', async () => {
    await setSettings(browser.worker!, { ...SCHOOL, pack: 'aspire' });
    await composeOnFacebook(page, 'Well done to Olivia in Year 3 for her reading award! Views are my own.');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    popup = await openPopup(browser.context, browser.worker!, page);
    expect(await popup.getByTestId('pack').innerText()).toBe('Aspire Social Media Policy (2023)');
    await popup.locator('li[data-rule="child-name"]').waitFor();
    expect(await popup.locator('li[data-rule="child-name"] figcaption').innerText()).toContain('Aspire Social Media Policy (2023)');
    await setSettings(browser.worker!, SCHOOL);
  });

  it('says plainly when the draft has nothing to flag', async () => {
    await composeOnFacebook(page, 'Lovely sunny walk along the coast this morning.');
    await expect.poll(async () => (await report(browser.worker!, page))?.text).toBe('Lovely sunny walk along the coast this morning.');
    popup = await openPopup(browser.context, browser.worker!, page);
    await expect.poll(() => popup!.getByTestId('status').innerText()).toContain('Nothing found');
    expect(await popup.locator('[data-rule]').count()).toBe(0);
  });

  it('says plainly when no post is being written, and when the tab is not a checked site', async () => {
    await page.goto(SITES.facebook.url);
    popup = await openPopup(browser.context, browser.worker!, page);
    await expect.poll(() => popup!.getByTestId('status').innerText()).toContain('no post being written in this tab');
    await popup.close();
    // The same tab, moved on to a page Second Look does not run on.
    const id = await tabId(browser.worker!, page);
    await page.goto('about:blank');
    popup = await openPopup(browser.context, browser.worker!, id);
    await expect.poll(() => popup!.getByTestId('status').innerText()).toContain('checks posts in the Facebook, X and Instagram composers');
  });

  it('shows a draft holding HTML and script as text: nothing in it runs or renders', async () => {
    const html = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script><b>Olivia</b>';
    await composeOnFacebook(page, html);
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    popup = await openPopup(browser.context, browser.worker!, page);
    await popup.locator('[data-rule="child-name"]').waitFor();
    expect(await popup.getByTestId('draft').innerText()).toBe(html);
    expect(await popup.locator('main img, main script, main b').count()).toBe(0);
    expect(await popup.title()).not.toBe('pwned');
  });

  it('shows a settings problem and goes on checking with the default pack', async () => {
    await setSettings(browser.worker!, { pack: 'aspire', organisation: { hashtag: ['#Oops'] } });
    await composeOnFacebook(page, 'Well done to Olivia in Year 3 for her reading award! Views are my own.');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    popup = await openPopup(browser.context, browser.worker!, page);
    const problems = popup.getByTestId('problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('$.organisation.hashtag: unknown key "hashtag"');
    await setSettings(browser.worker!, SCHOOL);
  });

  it('passes axe-core, and every control is reachable by keyboard', async () => {
    await composeOnFacebook(page, DRAFT);
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b', 'Olivia']);
    popup = await openPopup(browser.context, browser.worker!, page);
    await popup.locator('[data-rule]').first().waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    expect(await tabStops(popup)).toEqual(['button:Settings']);
  });
});
