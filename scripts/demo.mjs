#!/usr/bin/env node
// Try Second Look without a school account: builds the extension and opens Chromium with it on
// local pages that reproduce the Facebook, X and Instagram composers (the same real editor
// libraries as the browser tests), configured for a sample school. With a display, the browser
// stays open for you to type in; without one (CI, SSH) it runs headless, types sample drafts
// and saves screenshots of each composer, a card and the gate to demo-screenshots/.
// Run: npm run demo
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { launch, SITES } = await tsImport('../tests/browser/support/chromium.ts', import.meta.url);
// Second Look's layer is a closed shadow root: the demo reaches it as the tests do (support/ui.ts).
const { setSettings, ui } = await tsImport('../tests/browser/support/page.ts', import.meta.url);
const { SCHOOL } = await tsImport('../tests/browser/support/settings.ts', import.meta.url);
const { ROOT } = await tsImport('../tests/browser/support/build.ts', import.meta.url);

const interactive = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const OUT = join(ROOT, 'demo-screenshots');

const DEMOS = [
  {
    name: 'facebook',
    site: 'facebook',
    open: (page) => page.click('#open-composer'),
    editor: '[role="dialog"] [role="textbox"]',
    draft: 'Well done to Olivia in Year 3 for her reading award! Thanks to @jenny_b for organising the trip.',
    submit: (page) => page.getByRole('dialog', { name: 'Create post' }).getByRole('button', { name: 'Post', exact: true }).click(),
  },
  {
    name: 'x',
    site: 'x',
    open: async () => undefined,
    editor: '[data-testid="tweetTextarea_0"]',
    draft: "Absolutely fuming with the head's decision, nobody at this school listens.",
    submit: (page) => page.getByTestId('tweetButtonInline').click(),
  },
  {
    name: 'instagram',
    site: 'instagram',
    open: (page) => page.click('#create'),
    editor: '[aria-label="Write a caption..."]',
    draft: "Sports day at Penrice Primary Academy! We're at Riverside Park until 3pm with Year 2.",
    submit: (page) => page.getByRole('button', { name: 'Share' }).click(),
  },
];

const browser = await launch({ extension: true, headless: !interactive });
await setSettings(browser.worker, SCHOOL);

if (interactive) {
  for (const demo of DEMOS) {
    const page = await browser.context.newPage();
    await page.goto(SITES[demo.site].url);
  }
  await browser.context.pages()[0]?.close();
  console.log('Chromium is open with Second Look on the three fixture sites. Try a draft such as:');
  for (const demo of DEMOS) console.log(`  ${demo.name}: ${demo.draft}`);
  console.log('Close the browser window to finish.');
  await new Promise((resolve) => browser.context.on('close', resolve));
} else {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.context.newPage();
  for (const demo of DEMOS) {
    await page.goto(SITES[demo.site].url);
    await demo.open(page);
    await page.locator(demo.editor).click();
    await page.keyboard.type(demo.draft);
    // Wait for the marks, then open the first one's card from the counter.
    const counter = ui(page).getByRole('button', { name: /^Second Look: \d+ things? to check/ });
    await counter.waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, `${demo.name}-marks.png`) });
    await counter.click();
    await ui(page).getByRole('dialog', { name: /^Second Look/ }).waitFor();
    await page.screenshot({ path: join(OUT, `${demo.name}-card.png`) });
    await page.keyboard.press('Escape');
    await demo.submit(page);
    await ui(page).getByRole('alertdialog').waitFor();
    await page.screenshot({ path: join(OUT, `${demo.name}-gate.png`) });
    console.log(`${demo.name}: ${demo.name}-marks.png, ${demo.name}-card.png, ${demo.name}-gate.png`);
  }
  console.log(`Screenshots saved in ${OUT}`);
  await browser.close();
}
