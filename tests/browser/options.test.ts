import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './support/chromium';
import { axeViolations, openOptions, openPopup, unreachableByTab } from './support/extension';
import { composeOnFacebook, markedText, report, setSettings } from './support/page';
import { SettingsSchema } from '../../settings/schema';

// The options page: settings set, saved, read back after a reload, and used by the checker.
let browser: Browser;
let options: Page;
const pages: Page[] = [];

/** Everything the extension keeps in storage.local, as JSON text. */
function storedJson(): Promise<string> {
  return browser.worker!.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local.get(null)));
}

function clearStorage(): Promise<void> {
  return browser.worker!.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
}

const field = (name: string) => options.locator(`[data-field="${name}"]`);

async function save(): Promise<string> {
  const status = options.getByTestId('status');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => status.innerText()).toMatch(/Saved|Not saved/);
  return status.innerText();
}

async function composeIn(text: string): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  await composeOnFacebook(page, text);
  return page;
}

beforeAll(async () => {
  browser = await launch({ extension: true });
});
afterAll(() => browser?.close());

beforeEach(async () => {
  for (const p of pages.splice(0)) await p.close();
  await options?.close();
  await clearStorage();
  options = await openOptions(browser.context, browser.worker!);
});

describe('the options page', () => {
  it('round trip: settings set and saved are there after a reload, and drafts are checked with them', async () => {
    await options.getByRole('radio', { name: 'Aspire Social Media Policy (2023)' }).check();
    await options.getByLabel('Official hashtags').fill('#PenricePride');
    await options.getByLabel('Names of the trust and its schools').fill('Penrice Primary Academy\nPenrice');
    await options.getByLabel('Disclaimer for personal accounts').fill('Views are my own.');
    await options.getByRole('button', { name: 'Add an account' }).click();
    await options.getByLabel('Account 1: site').selectOption('facebook');
    await options.getByLabel('Account 1: page name or handle').fill('Penrice Primary Academy');
    await options.getByLabel('Tagging people: when found').selectOption('block');
    await options.getByLabel('Or paste names, one a line').fill('Zebedee Quint\nMarigold Fenwick');
    await options.getByRole('button', { name: 'Hash the pasted names' }).click();
    // Each name part takes a memory-hard derivation (about a second, more on a loaded machine).
    await expect.poll(() => options.getByTestId('pupil-count').innerText(), { timeout: 300_000 }).toContain('2 names loaded');
    expect(await options.getByLabel('Or paste names, one a line').inputValue()).toBe('');
    expect(await save()).toContain('Saved');

    await options.reload();
    await options.getByRole('button', { name: 'Save' }).waitFor();
    expect(await options.getByRole('radio', { name: 'Aspire Social Media Policy (2023)' }).isChecked()).toBe(true);
    expect(await options.getByLabel('Official hashtags').inputValue()).toBe('#PenricePride');
    expect(await options.getByLabel('Disclaimer for personal accounts').inputValue()).toBe('Views are my own.');
    expect(await options.getByLabel('Account 1: page name or handle').inputValue()).toBe('Penrice Primary Academy');
    expect(await options.getByLabel('Tagging people: when found').inputValue()).toBe('block');
    expect(await options.getByTestId('pupil-count').innerText()).toContain('2 names loaded (stored only as hashes)');

    // The pupil list is stored as hashes only.
    const stored = await storedJson();
    expect(stored).not.toMatch(/Zebedee|Marigold|Quint|Fenwick/i);
    expect(JSON.parse(stored).settings.pupilNameHashes.count).toBe(2);

    // And the checker uses it all.
    const page = await composeIn('Well done Zebedee! Thanks to @jenny_b. #PenricePride');
    // The hashed pupil list, the hashtag (branding, and the disclaimer it calls for) and the tagging rule's new severity.
    const found = async () => (await report(browser.worker!, page))?.findings.map((f) => `${f.rule}:${f.excerpt}`).sort();
    // The worker derives the draft's new words before the hashed list can match them.
    await expect.poll(found, { timeout: 300_000 }).toEqual(['branding:#PenricePride', 'child-name:Zebedee', 'disclaimer:#PenricePride', 'tagging:@jenny_b']);
    await expect.poll(() => markedText(page)).toContain('Zebedee');
    const findings = (await report(browser.worker!, page))!.findings;
    expect(findings.find((f) => f.rule === 'tagging')?.severity).toBe('block');
    expect(findings.every((f) => f.clause.pack === 'aspire')).toBe(true);
    const popup = await openPopup(browser.context, browser.worker!, page);
    pages.push(popup);
    expect(await popup.getByTestId('pack').innerText()).toBe('Aspire Social Media Policy (2023)');
  }, 900_000);

  it('shows each validation error beside its field, and saves nothing until they are fixed', async () => {
    await options.getByLabel('Official hashtags').fill('#PenricePride\nnot a hashtag!');
    await options.getByLabel("The organisation's own handles").fill('@Penrice Primary');
    expect(await save()).toContain('Not saved');
    expect(await field('organisation.hashtags').getByTestId('field-error').innerText()).toContain('line 2: must be a hashtag such as #PenricePride ($.organisation.hashtags[1])');
    expect(await field('organisation.handles').getByTestId('field-error').innerText()).toContain('$.organisation.handles[0]');
    expect(await options.getByLabel('Official hashtags').getAttribute('aria-invalid')).toBe('true');
    expect(JSON.parse(await storedJson()).settings).toBeUndefined();
    await options.getByLabel('Official hashtags').fill('#PenricePride');
    await options.getByLabel("The organisation's own handles").fill('@PenricePrimary');
    expect(await save()).toContain('Saved');
    expect(await options.getByTestId('field-error').count()).toBe(0);
  });

  it('imports a settings file: unknown keys and bad values are shown with their JSON paths', async () => {
    const input = options.getByLabel('Import a settings file');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "pack": "aspire",\n  "organisation": {"hashtag": ["#x"]}\n}') });
    await expect.poll(() => field('file').innerText()).toContain('unknown key "hashtag" ($.organisation.hashtag)');
    await input.setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "pack": "aspire",\n  "disclaimer": ""\n,}') });
    await expect.poll(() => field('file').innerText()).toContain('typo.json: line 4, column 2');
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ organisation: { hashtags: ['#Good', 'bad one'] } })) });
    await expect.poll(() => field('organisation.hashtags').innerText()).toContain('line 2: must be a hashtag such as #PenricePride ($.organisation.hashtags[1])');

    // A good file with plain pupil names: they are hashed on import and never stored as they are.
    const sample = readFileSync(new URL('../../samples/settings.json', import.meta.url));
    await input.setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: sample });
    await expect.poll(() => options.getByTestId('status').innerText(), { timeout: 600_000 }).toContain('4 pupil names were turned into hashes');
    expect(await options.getByTestId('pupil-count').innerText()).toContain('4 names loaded');
    expect(await save()).toContain('Saved');
    const stored = await storedJson();
    expect(stored).not.toMatch(/Olivia|Amelia|Noah/);
    expect(JSON.parse(stored).settings.pack).toBe('aspire');
    expect(JSON.parse(stored).settings.organisation.hashtags).toEqual(['#AspireFamily', '#PenricePride']);
  }, 900_000);

  it('exports the whole settings file, valid against the schema, with pupil names only as hashes', async () => {
    await setSettings(browser.worker!, { pack: 'coop', disclaimer: 'Views are my own.', pupilNames: ['Olivia Smith'] });
    await options.reload();
    await options.getByRole('button', { name: 'Save' }).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download', { timeout: 300_000 }), options.getByRole('button', { name: 'Export the settings' }).click()]);
    expect(download.suggestedFilename()).toBe('second-look-settings.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const exported = SettingsSchema.parse(JSON.parse(text));
    expect(exported).toMatchObject({ pack: 'coop', disclaimer: 'Views are my own.', pupilNameHashes: { count: 1 } });
    expect(text).not.toContain('Olivia');
  }, 900_000);

  it('imports a pack file, validated, with errors at their JSON paths, and checks with it', async () => {
    const aspire = JSON.parse(readFileSync(new URL('../../packs/aspire.json', import.meta.url), 'utf8'));
    const input = options.getByLabel('Import a pack file (JSON)');
    const broken = { ...aspire, clauses: [{ ...aspire.clauses[0], quote: 'short' }, ...aspire.clauses.slice(1)] };
    await input.setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect.poll(() => field('packFile').innerText()).toContain('ours.json: $.clauses[0].quote:');
    const ours = { ...aspire, id: 'ours', name: 'Our Trust Social Media Policy' };
    await input.setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ours)) });
    await expect.poll(() => options.getByRole('radio', { name: /Our Trust Social Media Policy/ }).isChecked()).toBe(true);
    expect(await field('packFile').getByTestId('field-error').count()).toBe(0);
    expect(await save()).toContain('Saved');
    const page = await composeIn('Well done to Olivia in Year 3 for her reading award! Views are my own.');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    const popup = await openPopup(browser.context, browser.worker!, page);
    pages.push(popup);
    expect(await popup.getByTestId('pack').innerText()).toBe('Our Trust Social Media Policy');
  });

  it('says so when a pack file is over the storage quota, and keeps the saved pack and settings in force', async () => {
    const aspire = JSON.parse(readFileSync(new URL('../../packs/aspire.json', import.meta.url), 'utf8'));
    const input = options.getByLabel('Import a pack file (JSON)');
    const small = { ...aspire, id: 'small', name: 'Our Small Policy' };
    await input.setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(small)) });
    await expect.poll(() => options.getByRole('radio', { name: /Our Small Policy/ }).isChecked()).toBe(true);
    expect(await save()).toContain('Saved');
    const before = await storedJson();
    // Chromium's storage.local holds 10 MB (QUOTA_BYTES) without "unlimitedStorage": a valid
    // 11 MB pack (one clause quoting a very long section) does not fit.
    const huge = { ...aspire, id: 'huge', name: 'Our Huge Policy', clauses: [{ ...aspire.clauses[0], quote: aspire.clauses[0].quote + ' lorem ipsum'.repeat(1_000_000) }, ...aspire.clauses.slice(1)] };
    await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(huge)) });
    await expect.poll(() => options.getByRole('radio', { name: /Our Huge Policy/ }).isChecked(), { timeout: 20_000 }).toBe(true);
    const status = await save();
    expect(status).toMatch(/^Not saved: the pack file huge\.json \(1\d\.\d MB\) does not fit in the browser's storage for extensions \(.*quota.*\)\. The settings and pack in force are unchanged/i);
    expect(await storedJson()).toBe(before);
    const page = await composeIn('Well done to Olivia in Year 3 for her reading award! Views are my own.');
    await expect.poll(() => markedText(page)).toEqual(['Olivia']);
    const popup = await openPopup(browser.context, browser.worker!, page);
    pages.push(popup);
    expect(await popup.getByTestId('pack').innerText()).toBe('Our Small Policy');
  });

  it('shows a broken stored settings file as a problem, with the last good settings still in force', async () => {
    await setSettings(browser.worker!, { pack: 'aspire' });
    await options.reload();
    await options.getByRole('button', { name: 'Save' }).waitFor();
    await setSettings(browser.worker!, { pack: 'aspire', organisation: { hashtag: ['#x'] } });
    await options.reload();
    await options.getByTestId('problems').waitFor();
    expect(await options.getByTestId('problems').innerText()).toContain('$.organisation.hashtag: unknown key "hashtag"');
    expect(await options.getByTestId('problems').innerText()).toContain('the last valid ones stay in force');
    expect(await options.getByRole('radio', { name: 'Aspire Social Media Policy (2023)' }).isChecked()).toBe(true);
  });

  it('passes axe-core, and every control is reachable by keyboard', async () => {
    await options.getByRole('button', { name: 'Add an account' }).click();
    await options.getByLabel('Official hashtags').fill('bad hashtag');
    await save();
    expect(await axeViolations(options)).toEqual([]);
    expect(await unreachableByTab(options)).toEqual([]);
  });
});
