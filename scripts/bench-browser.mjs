#!/usr/bin/env node
// Browser benchmark: in Chromium with the built extension, on the Facebook fixture (Lexical),
// the time from a keystroke to updated marks, median and p95, for a 280-character draft and a
// 5,000-character one, and the longest main-thread task while typing the long one.
//
// Keystroke time is the keydown event's timeStamp; "marks updated" is the user-timing mark the
// benchmark's build of the content script makes after each redraw (content/controller.ts,
// MARKS_UPDATED; the shipped build makes none, as the page can read them), read by a
// PerformanceObserver in the page. Then attached images: the time from picking a photo in the
// composer's file input to its findings (read, sent to the offscreen document, analysed by the
// shipped models, checked), and the longest main-thread task meanwhile. Run: npm run bench:browser
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

// The content script marks each redraw on the page's timeline only in the benchmark's build.
process.env.WXT_BENCH_MARKS = '1';
const { launch, SITES } = await tsImport('../tests/browser/support/chromium.ts', import.meta.url);
const { setSettings } = await tsImport('../tests/browser/support/page.ts', import.meta.url);
const { SCHOOL } = await tsImport('../tests/browser/support/settings.ts', import.meta.url);
const { report } = await tsImport('../tests/browser/support/page.ts', import.meta.url);
const fx = await tsImport('../tests/images/fixtures.ts', import.meta.url);

const COMPOSER = '[role="dialog"] [role="textbox"]';
const SENTENCES = [
  'What a week it has been for everyone in Year 4.',
  'The children loved the trip to the science museum and asked brilliant questions.',
  'Well done to Olivia in Year 3 for her reading award!',
  'Thanks to @jenny_b for organising the coaches.',
  'Our football team played really well on Saturday despite the rain.',
  'Please remember that the school will close early on Friday for staff training.',
  'The choir will sing at the town hall next month and tickets are free.',
];

/** Text of about `length` characters, in paragraphs of three or four sentences. */
function draft(length) {
  const paragraphs = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const paragraph = [0, 1, 2, 3].slice(0, 3 + (i % 2)).map((j) => SENTENCES[(i * 3 + j) % SENTENCES.length]).join(' ');
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, length);
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

/** Starts recording keydown times, mark times and long tasks in the page. */
function instrument(page) {
  return page.evaluate(() => {
    const record = { keys: [], marks: [], longTasks: [] };
    window.benchRecord = record;
    addEventListener('keydown', (event) => record.keys.push(event.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'second-look:marks') record.marks.push(entry.startTime);
    }).observe({ type: 'mark' });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** Keystroke-to-marks latencies: for each keydown, the first mark after it. */
async function collect(page) {
  const { keys, marks, longTasks } = await page.evaluate(() => {
    const r = window.benchRecord;
    const copy = { keys: [...r.keys], marks: [...r.marks], longTasks: [...r.longTasks] };
    r.keys.length = 0;
    r.marks.length = 0;
    r.longTasks.length = 0;
    return copy;
  });
  const latencies = [];
  for (const key of keys) {
    const mark = marks.find((m) => m >= key);
    if (mark !== undefined) latencies.push(mark - key);
  }
  return { latencies, longTasks };
}

/** Puts `text` into the composer the way a paste does (Lexical splits it into paragraphs). */
function paste(page, text) {
  return page.locator(COMPOSER).evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function openComposer(page) {
  await page.goto(SITES.facebook.url);
  await page.click('#open-composer');
  await page.locator(COMPOSER).click();
  await instrument(page);
}

const browser = await launch({ extension: true });
try {
  await setSettings(browser.worker, SCHOOL);
  const page = await browser.context.newPage();

  // 280 characters, typed one key at a time at a fast typist's pace.
  await openComposer(page);
  await page.keyboard.type(draft(280), { delay: 25 });
  await page.waitForTimeout(800);
  const short = await collect(page);

  // 5,000 characters: paste the first 4,800, then type the last 200 at the end.
  const long = draft(5_000);
  await openComposer(page);
  await paste(page, long.slice(0, 4_800));
  await page.waitForTimeout(1_500);
  const pasted = await collect(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(long.slice(4_800), { delay: 25 });
  const typing = await collect(page);
  // Typing stops: the debounced whole-draft check runs.
  await page.waitForTimeout(1_000);
  const settled = await collect(page);

  const ms = (v) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);
  const line = (label, { latencies }) => {
    const s = stats(latencies);
    console.log(`${label.padEnd(34)} n=${String(s.n).padStart(3)}  median ${ms(s.median)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`);
  };
  console.log('Keystroke to updated marks (Chromium, Facebook fixture, Lexical):');
  line('280-character draft', short);
  line('5,000-character draft', typing);
  console.log(`Longest task while typing the 5,000-character draft: ${ms(Math.max(0, ...typing.longTasks))} (${typing.longTasks.length} tasks over 50 ms)`);
  console.log(`Whole-draft check once typing pauses: longest task ${ms(Math.max(0, ...settled.longTasks))}`);
  console.log(`Pasting 4,800 characters at once: longest task ${ms(Math.max(0, ...pasted.longTasks))}`);

  // Attached images, picked from disk (as a user picks them) in the composer's file input.
  const dir = mkdtempSync(join(tmpdir(), 'second-look-bench-'));
  const photos = [
    ['12 MP photo (4000x3000)', 'phone.jpg', await fx.twelveMegapixels()],
    ['photo (1920x1280)', 'party.jpg', fx.demoPhoto(1)],
    ['certificate (1200x850)', 'certificate.png', (await fx.certificate('Olivia Smith')).bytes],
  ];
  const ROUNDS = 5;
  const attachAndWait = async (name) => {
    await openComposer(page);
    const start = performance.now();
    await page.setInputFiles('[data-testid="media-input"]', join(dir, name));
    for (;;) {
      const images = (await report(browser.worker, page))?.images;
      if (images?.length && images.every((i) => i.status !== 'checking')) {
        if (images.some((i) => i.status === 'failed')) throw new Error(`${name} was not checked: ${JSON.stringify(images)}`);
        break;
      }
      await page.waitForTimeout(10);
    }
    const elapsed = performance.now() - start;
    return { elapsed, longTasks: (await collect(page)).longTasks };
  };
  for (const [, name, bytes] of photos) writeFileSync(join(dir, name), bytes);
  console.log('\nAttached image to its findings (Chromium, offscreen document, shipped models; polled every 10 ms):');
  const first = await attachAndWait(photos[1][1]);
  console.log(`${'first image (models load)'.padEnd(34)} ${ms(first.elapsed)}`);
  for (const [label, name] of photos) {
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(await attachAndWait(name));
    const s = stats(runs.map((r) => r.elapsed));
    const longest = Math.max(0, ...runs.flatMap((r) => r.longTasks));
    console.log(`${label.padEnd(34)} n=${ROUNDS}  median ${ms(s.median)}  max ${ms(s.max)}  longest task on the page ${ms(longest)}`);
  }
} finally {
  await browser.close();
}
