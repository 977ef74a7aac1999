import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './support/chromium';
import { openOptions, openPopup } from './support/extension';
import { composeOnFacebook, explainMark, markedText, report, ui } from './support/page';
import { POLICY, blocksOf, policyDocx, policyPdf, scannedPdf } from '../support/policy-files';
import { PackSchema } from '../../packs/schema';
import { SettingsSchema } from '../../settings/schema';

// "Use our own policy" in the options page: a school's policy pasted or picked, drafted in the
// page, reviewed, saved as the pack in force; drafts in a composer then cite its clauses.
let browser: Browser;
let options: Page;
const pages: Page[] = [];

const NAMES_CLAUSE = "Pupils' full names must never be published alongside their photographs.";

beforeAll(async () => {
  browser = await launch({ extension: true });
});
afterAll(() => browser?.close());

beforeEach(async () => {
  for (const p of pages.splice(0)) await p.close();
  await options?.close();
  await browser.worker!.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
  options = await openOptions(browser.context, browser.worker!);
});

const rule = (id: string) => options.getByTestId(`own-rule-${id}`);
const ownError = () => options.locator('#own-error');

async function pick(name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await options.getByLabel("Or pick the policy's file").setInputFiles({ name, mimeType, buffer });
}

describe('Use our own policy', () => {
  it('paste, review, save: a draft in the composer then cites the new pack in its card and the popup', async () => {
    await options.getByLabel('Organisation', { exact: true }).fill('Riverside Academy Trust');
    await options.getByLabel("The policy's name").fill('Riverside Staff Social Media Policy');
    await options.getByLabel("Paste the policy's text").fill(POLICY);
    await options.getByRole('button', { name: 'Draft from the pasted text' }).click();
    await options.getByTestId('own-review').waitFor();

    // Each rule the policy states is proposed with a clause and the document around it.
    expect(await rule('derogatory').locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await rule('derogatory').getByTestId('own-rule-derogatory-context').innerText()).toContain(
      'Staff must not post anything that is offensive, discriminatory or abusive.',
    );
    // Rules it does not state are left out.
    expect(await rule('political').locator('input[type="checkbox"]').isChecked()).toBe(false);

    // Choose another clause for pupils' names; the context follows the choice.
    const select = rule('child-name').getByLabel('Clause it cites');
    const value = await select.locator('option', { hasText: "Pupils' full names" }).first().getAttribute('value');
    await select.selectOption(value!);
    await rule('child-name').locator('input[type="checkbox"]').check();
    const context = await rule('child-name').getByTestId('own-rule-child-name-context').innerText();
    expect(context).toContain(NAMES_CLAUSE);
    expect(context).toContain('2.1 Staff must not post photographs');
    // Edit a severity and leave a rule out.
    await rule('complaint').getByLabel('When found').selectOption('block');
    await rule('derogatory').locator('input[type="checkbox"]').uncheck();

    // Both exports.
    const [packDownload] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export the pack file' }).click()]);
    expect(packDownload.suggestedFilename()).toBe('riverside-academy-trust.json');
    const pack = PackSchema.parse(JSON.parse(readFileSync((await packDownload.path())!, 'utf8')));
    expect(pack.rules['child-name']?.clauses).toHaveLength(1);
    expect(pack.clauses.find((c) => c.id === pack.rules['child-name']!.clauses[0])?.quote).toBe(NAMES_CLAUSE);
    expect(pack.rules.complaint?.severity).toBe('block');
    expect(pack.rules.derogatory).toBeUndefined();
    for (const c of pack.clauses) expect(POLICY.replace(/\s+/g, ' ')).toContain(c.quote);
    const [settingsDownload] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export a settings file for managed deployment' }).click(),
    ]);
    expect(settingsDownload.suggestedFilename()).toBe('second-look-managed-settings.json');
    const managed = SettingsSchema.parse(JSON.parse(readFileSync((await settingsDownload.path())!, 'utf8')));
    expect(managed.pack).toBe('riverside-academy-trust');
    expect(managed.ownPack).toEqual(pack);
    expect(await options.getByTestId('own-status').innerText()).toMatch(/ownPack \d+(\.\d)? KB, within the 1024 KB/);

    // Save it as the pack in force.
    await options.getByRole('button', { name: 'Save as the pack in force' }).click();
    await expect.poll(() => options.getByTestId('own-status').innerText()).toContain('is the pack in force');
    expect(await options.getByRole('radio', { name: /Riverside Staff Social Media Policy/ }).isChecked()).toBe(true);
    await options.reload();
    await options.getByRole('button', { name: 'Save' }).waitFor();
    expect(await options.getByRole('radio', { name: /Riverside Staff Social Media Policy/ }).isChecked()).toBe(true);

    // A draft in the Facebook fixture cites the school's own clause, in the card and the popup.
    const page = await browser.context.newPage();
    pages.push(page);
    await composeOnFacebook(page, 'Well done to Olivia in Year 3 for her reading award!');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    const finding = (await report(browser.worker!, page))!.findings.find((f) => f.rule === 'child-name')!;
    expect(finding.clause).toMatchObject({ pack: 'riverside-academy-trust', quote: NAMES_CLAUSE, section: '2.2' });
    await explainMark(page, 'Olivia');
    const card = ui(page).getByRole('dialog', { name: /^Second Look/ });
    await expect.poll(() => card.innerText()).toContain(NAMES_CLAUSE);
    const popup = await openPopup(browser.context, browser.worker!, page);
    pages.push(popup);
    expect(await popup.getByTestId('pack').innerText()).toBe('Riverside Staff Social Media Policy');
    await popup.locator('li[data-rule="child-name"]').waitFor();
    expect(await popup.locator('li[data-rule="child-name"]').innerText()).toContain(NAMES_CLAUSE);
  });

  it('reads a PDF and a Word file in the page', async () => {
    const blocks = blocksOf(POLICY);
    await pick('policy.pdf', 'application/pdf', Buffer.from(await policyPdf(blocks)));
    await options.getByTestId('own-review').waitFor();
    expect(await options.getByTestId('own-review').innerText()).toContain('From policy.pdf');
    expect(await rule('complaint').getByTestId('own-rule-complaint-context').innerText()).toContain('criticise or complain about the Trust');
    await pick('policy.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from(await policyDocx(blocks)));
    await expect.poll(() => options.getByTestId('own-review').innerText()).toContain('From policy.docx');
    expect(await ownError().count()).toBe(0);
  });

  it('bad files get a clear message and no review', async () => {
    await pick('scan.pdf', 'application/pdf', Buffer.from(await scannedPdf()));
    await expect.poll(() => ownError().innerText()).toContain('scan.pdf has no text layer');
    await pick('photo.docx', 'application/octet-stream', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    await expect.poll(() => ownError().innerText()).toContain('photo.docx is not text, PDF or a Word .docx file');
    await pick('empty.txt', 'text/plain', Buffer.alloc(0));
    await expect.poll(() => ownError().innerText()).toContain('empty.txt is empty');
    expect(await options.getByTestId('own-review').count()).toBe(0);
  });
});
