import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './support/chromium';
import { axeViolations, openOptions, openPopup } from './support/extension';
import { composeOnFacebook, markedText, report, setSettings, ui } from './support/page';
import { removePolicy, writePolicy } from './support/policy';

// The organisation's settings, deployed for real: a Chromium policy file naming the extension's
// fixed id, read by Chromium at start and handed to the extension through storage.managed.
const POLICY = {
  pack: 'aspire',
  organisation: { names: ['Penrice Primary Academy'], hashtags: ['#PenricePride'] },
  disclaimer: 'Views are my own and not those of Aspire.',
  lockedRules: ['tagging'],
};

let browser: Browser | undefined;
const pages: Page[] = [];

async function start(policy: Record<string, unknown>): Promise<Browser> {
  writePolicy(policy);
  browser = await launch({ extension: true });
  // Chromium hands extensions their policy a second or two after it starts.
  const worker = browser.worker!;
  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<object> } } } }).chrome.storage.managed.get(null))), { timeout: 15_000 })
    .toContain('pack');
  return browser;
}

async function stop(): Promise<void> {
  for (const p of pages.splice(0)) await p.close().catch(() => undefined);
  await browser?.close();
  browser = undefined;
}

async function composeIn(b: Browser, text: string): Promise<Page> {
  const page = await b.context.newPage();
  pages.push(page);
  await composeOnFacebook(page, text);
  return page;
}

/** Reads the policy files again, as an administrator's push or a periodic refresh would. */
async function reloadPolicies(b: Browser): Promise<void> {
  const page = await b.context.newPage();
  await page.goto('chrome://policy');
  await page.locator('#reload-policies').click();
  await page.close();
}

beforeAll(() => removePolicy());
afterEach(stop);
afterAll(() => removePolicy());

describe('managed settings from a Chromium policy', () => {
  it("are in force over the page's own, with the organisation's pack, and locked rules offer no Post anyway", async () => {
    const b = await start(POLICY);
    // The member of staff's own choices, which the organisation's override where both set one.
    await setSettings(b.worker!, { pack: 'coop', disclaimer: 'Mine.', organisation: { handles: ['@PenricePrimary'] } });
    const page = await composeIn(b, 'Great trip today with @jenny_b and the team.');
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b']);
    const [finding] = (await report(b.worker!, page))!.findings;
    expect(finding).toMatchObject({ rule: 'tagging', severity: 'block', clause: { pack: 'aspire' } });
    await page.keyboard.press('Control+Enter');
    const gate = ui(page).getByRole('alertdialog');
    await gate.waitFor();
    expect(await gate.getByRole('button', { name: 'Post anyway' }).count()).toBe(0);
    expect(await gate.innerText()).toContain('does not allow posting');

    const popup = await openPopup(b.context, b.worker!, page);
    pages.push(popup);
    expect(await popup.getByTestId('pack').innerText()).toBe('Aspire Social Media Policy (2023)');
    expect(await popup.getByTestId('managed').innerText()).toBe('Partly set by your organisation');
    expect(await popup.locator('li[data-rule="tagging"]').innerText()).toContain('Blocks posting');
  });

  it('show as locked in the options page, which still saves what the organisation left open', async () => {
    const b = await start(POLICY);
    const options = await openOptions(b.context, b.worker!);
    pages.push(options);
    expect(await options.getByTestId('managed-notice').innerText()).toContain('manages some of these settings');
    const pack = options.locator('fieldset[data-field="pack"]');
    expect(await pack.innerText()).toContain('Set by your organisation');
    expect(await options.getByRole('radio', { name: 'Aspire Social Media Policy (2023)' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'Aspire Social Media Policy (2023)' }).isDisabled()).toBe(true);
    for (const label of ['Official hashtags', 'Names of the trust and its schools', 'Disclaimer for personal accounts']) {
      expect(await options.getByLabel(label).isDisabled(), label).toBe(true);
      expect(await options.locator('.field', { has: options.getByLabel(label) }).innerText()).toContain('Set by your organisation');
    }
    expect(await options.getByLabel('Official hashtags').inputValue()).toBe('#PenricePride');
    expect(await options.getByLabel('Tagging people: when found').isDisabled()).toBe(true);
    expect(await options.getByLabel('Tagging people: when found').inputValue()).toBe('block');
    expect(await options.locator('tr[data-rule="tagging"]').innerText()).toContain('always blocks');
    // What the organisation left open can still be set.
    expect(await options.getByLabel('Straplines and mottos').isDisabled()).toBe(false);
    await options.getByLabel('Straplines and mottos').fill('Learning together');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByTestId('status').innerText()).toContain('Saved');
    const local = await b.worker!.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings);
    // The organisation's values are not copied into the page's own settings.
    expect(local).toEqual({ organisation: { straplines: ['Learning together'] } });
    expect(await axeViolations(options)).toEqual([]);
  });

  it('can lock the whole configuration', async () => {
    const b = await start({ ...POLICY, locked: true });
    const options = await openOptions(b.context, b.worker!);
    pages.push(options);
    expect(await options.getByTestId('managed-notice').innerText()).toContain('has locked them');
    expect(await options.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    expect(await options.getByLabel('Straplines and mottos').isDisabled()).toBe(true);
    expect(await options.getByLabel('Import a settings file').isDisabled()).toBe(true);
    const popup = await openPopup(b.context, b.worker!, options);
    pages.push(popup);
    expect(await popup.getByTestId('managed').innerText()).toBe('Set and locked by your organisation');
  });

  it('fail closed: one bad value drops only itself, the locks hold over a local "off", and the popup and options page name the bad key', async () => {
    // An unknown rule id among the locks, with no earlier good copy. (Chromium itself drops a
    // misspelt top-level key; Firefox's policies.json passes it on: tests/settings-store.test.ts.)
    const b = await start({ ...POLICY, lockedRules: ['tagging', 'child-name', 'no-such-rule'] });
    const managed = await b.worker!.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null)));
    // Chromium passes the list to the extension whole (public/managed_schema.json leaves the ids unchecked).
    expect(managed).toMatchObject({ lockedRules: ['tagging', 'child-name', 'no-such-rule'] });
    await setSettings(b.worker!, { pack: 'coop', rules: { tagging: { enabled: false }, 'child-name': { enabled: false } } });
    const page = await composeIn(b, 'Great trip today with @jenny_b and Olivia in Year 3. Views are my own.');
    await expect.poll(() => markedText(page)).toEqual(['@jenny_b', 'Olivia']);
    const findings = (await report(b.worker!, page))!.findings;
    expect(findings.map((f) => [f.rule, f.severity, f.clause?.pack])).toEqual([
      ['tagging', 'block', 'aspire'],
      ['child-name', 'block', 'aspire'],
    ]);

    const popup = await openPopup(b.context, b.worker!, page);
    pages.push(popup);
    const popupProblems = await popup.getByTestId('problems').innerText();
    expect(popupProblems).toContain('$.lockedRules[2]');
    expect(popupProblems).toContain('its other settings and locks stay in force');
    const options = await openOptions(b.context, b.worker!);
    pages.push(options);
    const optionProblems = await options.getByTestId('problems').innerText();
    expect(optionProblems).toContain('$.lockedRules[2]');
    expect(await options.getByLabel('Tagging people: when found').isDisabled()).toBe(true);
    expect(await options.getByLabel('Disclaimer for personal accounts').isDisabled()).toBe(true);
  });

  it('apply to an open draft as soon as the policy changes, without reinstalling', async () => {
    const b = await start(POLICY);
    const page = await composeIn(b, 'Great trip today with @jenny_b and the team.');
    await expect.poll(async () => (await report(b.worker!, page))?.findings[0]?.severity).toBe('block');
    writePolicy({ ...POLICY, lockedRules: [], rules: { tagging: { severity: 'warn' } } });
    await reloadPolicies(b);
    await expect.poll(async () => (await report(b.worker!, page))?.findings[0]?.severity, { timeout: 15_000 }).toBe('warn');
    writePolicy({ ...POLICY, rules: { tagging: { enabled: false } }, lockedRules: [] });
    await reloadPolicies(b);
    await expect.poll(() => markedText(page), { timeout: 15_000 }).toEqual([]);
  });
});
