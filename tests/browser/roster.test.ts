import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './support/chromium';
import { composeOnFacebook, report, setSettings } from './support/page';
import { hashPupilNames, type PupilNameHashes } from '../../settings/roster';

// The hashed pupil list at its real cost (the default derivation parameters) in the real
// worker: a name typed into a composer is found once the worker has derived the draft's new
// words, and the elapsed times are printed (measured, not asserted: the machine is shared).
let browser: Browser;
let roster: PupilNameHashes;
const pages: Page[] = [];

beforeAll(async () => {
  roster = await hashPupilNames(['Demelza Trewin']);
  browser = await launch({ extension: true });
}, 600_000);
afterAll(async () => {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser?.close();
});

async function listedExcerpts(page: Page): Promise<string[]> {
  const findings = (await report(browser.worker!, page))?.findings ?? [];
  return findings.filter((f) => f.rule === 'child-name' && f.why.startsWith('pupil list')).map((f) => f.excerpt);
}

describe('a hashed pupil list in the worker', () => {
  it('finds a listed name typed into a composer, and a one-letter misspelling of it', async () => {
    await setSettings(browser.worker!, { pack: 'default', pupilNameHashes: roster });
    const page = await browser.context.newPage();
    pages.push(page);
    const started = Date.now();
    await composeOnFacebook(page, 'What a week: huge thanks to Demelza for the display.');
    await expect.poll(() => listedExcerpts(page), { timeout: 60_000, interval: 100 }).toEqual(['Demelza']);
    console.log(`hashed roster in the worker: a new name found ${Date.now() - started} ms after typing began`);
    const typo = Date.now();
    await page.keyboard.type(' And Demelsa too.');
    await expect.poll(() => listedExcerpts(page), { timeout: 300_000, interval: 100 }).toEqual(['Demelza', 'Demelsa']);
    console.log(`hashed roster in the worker: a new misspelling found ${Date.now() - typo} ms after it was typed`);
  }, 450_000);
});
