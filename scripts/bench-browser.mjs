#!/usr/bin/env node
// Browser benchmark, in Debian's Chromium with the built extension.
//
// Keystroke cost by draft size: on the Facebook fixture (Lexical) and the X fixture (Draft.js),
// a draft of 5 k, 64 k and 1 M characters is pasted, then keys are typed at its end. For each
// keystroke, two costs:
// - on the page: the renderer main thread's tasks from that keydown to the next (Chromium's own
//   trace, CDP Tracing, "RunTask" events of the page's main thread): the longest one and their
//   sum; the editor's own work is in it too, so the same typing is also measured with the
//   extension off;
// - the extension's own: CPU time of its code per keystroke, from CPU profiles (CDP Profiler) of
//   the page (samples with a content-script function on the stack, with what it calls into the
//   browser: reading the DOM, laying it out, sending messages) and of its service worker (every
//   sample but idle), so the editor's own work is not in it. The page's garbage collection is
//   shown beside it (it is not charged to anyone's function);
// - end to end: from the keydown's timeStamp to the user-timing mark the content script makes
//   after it redraws marks (content/controller.ts, MARKS_UPDATED; only the benchmark's build makes
//   it, as the page can read the timeline), read by a PerformanceObserver.
// Figures are medians over the keystrokes, and ratios against 5 k measured in the same run (the
// machine is shared: absolute figures move from run to run, ratios much less).
//
// Then attached images: the time from picking a photo in the composer's file input to its
// findings (read, sent to the offscreen document, analysed by the shipped models, checked), and
// the longest main-thread task meanwhile.
//
// Then the gate: the time from the click or key that sends (its event's timeStamp) to the gate's
// answer (its dialog in Second Look's layer, or the site's own handler running for a clean
// draft), on the paths fixtures (a Facebook reply sent with Enter, a Page post's deep "Post", an
// X thread's "Post all"), and the longest task meanwhile.
//
// Run: npm run bench:browser [-- --text-only] [-- --sizes=5000,65536] [-- --gate-only]
//   [-- --rounds=6] (rounds of the interleaved keystroke measure) [-- --editors=0,1] (which of OWN_EDITORS)
//   [-- --functions] (the extension's functions by CPU time per key, at each size)
//   [-- --page-tasks] [-- --no-baseline] (instead: the page's main-thread tasks from a trace, with the
//   extension and without it, all keys of a size in one burst)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { tsImport } from 'tsx/esm/api';

// The content script marks each redraw on the page's timeline only in the benchmark's build.
process.env.WXT_BENCH_MARKS = '1';
const { launch, SITES, PATHS } = await tsImport('../tests/browser/support/chromium.ts', import.meta.url);
const { setSettings, ui } = await tsImport('../tests/browser/support/page.ts', import.meta.url);
const { SCHOOL } = await tsImport('../tests/browser/support/settings.ts', import.meta.url);
const { report } = await tsImport('../tests/browser/support/page.ts', import.meta.url);
const fx = await tsImport('../tests/images/fixtures.ts', import.meta.url);

const COMPOSER = '[role="dialog"] [role="textbox"]';
const TEXT_ONLY = process.argv.includes('--text-only');
const GATE_ONLY = process.argv.includes('--gate-only');
const FUNCTIONS = process.argv.includes('--functions');
const PAGE_TASKS = process.argv.includes('--page-tasks');
const SIZES = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number)) ?? [5_000, 65_536, 1_048_576];
// Keys typed at the end of each draft, and the pause between them: long enough for one
// keystroke's work to end before the next key, so each is measured on its own.
const KEYS = 'Thanks all ';
const KEY_DELAY_MS = 300;
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

async function openComposer(page) {
  await page.goto(SITES.facebook.url);
  await page.click('#open-composer');
  await page.locator(COMPOSER).click();
  await instrument(page);
}

/** The composers measured: Lexical (Facebook's post dialog) and Draft.js (X's home composer). */
const EDITORS = [
  { label: 'Lexical (Facebook fixture)', url: SITES.facebook.url, open: '#open-composer', composer: COMPOSER },
  { label: 'Draft.js (X fixture)', url: SITES.x.url, open: null, composer: '[data-testid="tweetTextarea_0"]' },
];

/** Puts `text` into an editor the way a paste does (the editor splits it into paragraphs). */
function pasteInto(page, selector, text) {
  return page.locator(selector).evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Waits until the editor holds `length` characters and no marks were redrawn for `quietMs`. */
async function settle(page, selector, length, quietMs) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { chars, last, now } = await page.evaluate((selector) => {
      const marks = performance.getEntriesByName('second-look:marks');
      return { chars: document.querySelector(selector).innerText.length, last: marks.at(-1)?.startTime ?? 0, now: performance.now() };
    }, selector);
    if (chars >= length * 0.98 && now - last > quietMs) return;
    if (Date.now() > deadline) throw new Error(`the editor did not settle: ${chars} of ${length} characters`);
    await page.waitForTimeout(250);
  }
}

/** Starts Chromium's trace of the page's renderer (for its main thread's tasks). */
async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel',
    transferMode: 'ReturnAsStream',
  });
  return cdp;
}

async function stopTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let json = '';
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    json += base64Encoded ? Buffer.from(data, 'base64').toString() : data;
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * Per keystroke, the page's main-thread tasks from its keydown to the next keydown: the longest
 * task and the sum, in ms. The page's main thread is the one that dispatched the keydowns.
 */
function taskCosts(events) {
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
  if (keydowns.length === 0) throw new Error('the trace has no keydown');
  const { pid, tid } = keydowns[0];
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid);
  return keydowns.map((key, i) => {
    const end = keydowns[i + 1]?.ts ?? key.ts + KEY_DELAY_MS * 1000;
    const mine = tasks.filter((t) => t.ts + t.dur > key.ts && t.ts < end).map((t) => t.dur / 1000);
    return { longest: Math.max(0, ...mine), total: mine.reduce((a, b) => a + b, 0) };
  });
}

// --- The extension's own CPU time, from CPU profiles ------------------------------------------

const EXTENSION_URL = 'chrome-extension://';
// Sampling interval, in microseconds.
const SAMPLE_US = 100;

/**
 * A DevTools client of the benchmark's own on the browser (on the port launch({ devtools: true })
 * opens): Playwright reaches pages only, not the extension's service worker.
 */
async function devtoolsClient(endpoint) {
  const client = await puppeteer.connect({ browserWSEndpoint: endpoint, defaultViewport: null, targetFilter: () => false });
  return { client, session: await client.target().createCDPSession() };
}

/** A session on the extension's service worker as it is now (it may have been restarted since). */
async function workerSession(devtools) {
  const { targetInfos } = await devtools.session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(EXTENSION_URL));
  if (!worker) throw new Error('the extension has no service worker running');
  const { sessionId } = await devtools.session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
  return devtools.session.connection().session(sessionId);
}

async function startProfile(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  await session.send('Profiler.start');
}

async function stopProfile(session) {
  const { profile } = await session.send('Profiler.stop');
  await session.send('Profiler.disable');
  return profile;
}

/** A CPU profile's nodes by id, and each node's parent id. */
function profileTree(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  return { byId, parentOf };
}

/**
 * The CPU time of a profile charged to the extension, in ms, whole and by function. A sample is
 * the extension's when a function of its scripts is on the stack (or, with `all`, any sample but
 * idle: a service worker's time is all its own); it is charged to the innermost such function,
 * with the browser work it called (DOM reads, layout, messaging) and the library code under it.
 */
function extensionTime(profile, all) {
  const { byId, parentOf } = profileTree(profile);
  // Under the worker's whole-draft check (background/checker.ts checkAll), which runs once typing
  // pauses (400 ms), not for a keystroke: a key that comes late starts one in the middle of the
  // typing, and a draft over 100,000 characters is never checked whole.
  const whole = new Map();
  const inWhole = (id) => {
    if (whole.has(id)) return whole.get(id);
    const { functionName, url } = byId.get(id).callFrame;
    const yes = (functionName === 'checkAll' && url.startsWith(EXTENSION_URL)) || (parentOf.has(id) && inWhole(parentOf.get(id)));
    whole.set(id, yes);
    return yes;
  };
  const charged = new Map();
  const chargeOf = (id) => {
    if (charged.has(id)) return charged.get(id);
    const node = byId.get(id);
    let label = null;
    if (node.callFrame.url.startsWith(EXTENSION_URL)) {
      const { functionName, url, lineNumber } = node.callFrame;
      label = `${functionName || '(anonymous)'} ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
    } else if (parentOf.has(id)) label = chargeOf(parentOf.get(id));
    charged.set(id, label);
    return label;
  };
  const byFunction = new Map();
  // The same, with the extension's functions that called it (three deep): who asked for the work.
  const byStack = new Map();
  const stackOf = (id) => {
    const names = [];
    for (let at = id; at !== undefined && names.length < 4; at = parentOf.get(at)) {
      const { functionName, url } = byId.get(at).callFrame;
      if (url.startsWith(EXTENSION_URL)) names.push(functionName || '(anonymous)');
    }
    return names.join(' < ');
  };
  let total = 0;
  let gc = 0;
  let wholeChecks = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const ms = (timeDeltas[i + 1] ?? SAMPLE_US) / 1000;
    const name = byId.get(samples[i]).callFrame.functionName;
    if (name === '(garbage collector)') gc += ms;
    let label = chargeOf(samples[i]);
    if (!label && all && name !== '(idle)') label = name;
    if (!label) continue;
    if (inWhole(samples[i])) {
      wholeChecks += ms;
      continue;
    }
    total += ms;
    byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
    const stack = stackOf(samples[i]);
    byStack.set(stack, (byStack.get(stack) ?? 0) + ms);
  }
  return { total, gc, wholeChecks, byFunction, byStack };
}

/** One editor at one size: paste, settle, type KEYS at the end with the trace on. */
async function measure(page, editor, size, withExtension, devtools) {
  await page.goto(editor.url);
  if (editor.open) await page.click(editor.open);
  await page.locator(editor.composer).click();
  await pasteInto(page, editor.composer, draft(size));
  await settle(page, editor.composer, size, withExtension ? Math.max(2_000, size / 200) : 1_000);
  await page.keyboard.press('Control+End');
  await instrument(page);
  const cdp = await startTrace(page);
  const profiled = withExtension ? { page: await page.context().newCDPSession(page), worker: await workerSession(devtools) } : null;
  if (profiled) await Promise.all([startProfile(profiled.page), startProfile(profiled.worker)]);
  await page.keyboard.type(KEYS, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(KEY_DELAY_MS);
  let own = null;
  if (profiled) {
    const [pageProfile, workerProfile] = await Promise.all([stopProfile(profiled.page), stopProfile(profiled.worker)]);
    await Promise.all([profiled.page.detach(), profiled.worker.detach()].map((p) => p.catch(() => undefined)));
    own = { page: extensionTime(pageProfile, false), worker: extensionTime(workerProfile, true) };
  }
  const costs = taskCosts(await stopTrace(cdp));
  const { latencies } = await collect(page);
  return {
    own,
    longest: Math.max(...costs.map((c) => c.longest)),
    medianTask: stats(costs.map((c) => c.longest)).median,
    medianTotal: stats(costs.map((c) => c.total)).median,
    endToEnd: withExtension ? stats(latencies) : null,
  };
}

const ms = (v) => (v === undefined || v === null ? '-' : `${v.toFixed(1)} ms`);
const ratio = (v, base) => (v === undefined || v === null || !base ? '' : ` (${(v / base).toFixed(2)}x)`);

async function keystrokeCost(withExtension) {
  const browser = await launch({ extension: withExtension, devtools: withExtension });
  const devtools = withExtension ? await devtoolsClient(browser.devtools) : null;
  const rows = [];
  try {
    if (withExtension) await setSettings(browser.worker, SCHOOL);
    const page = await browser.context.newPage();
    for (const editor of EDITORS) for (const size of SIZES) rows.push({ editor, size, ...(await measure(page, editor, size, withExtension, devtools)) });
  } finally {
    await devtools?.client.disconnect();
    await browser.close();
  }
  return rows;
}

// --- The extension's own cost per key, sizes interleaved ---------------------------------------
//
// Each editor gets one tab per size, each with its draft pasted and settled and a new paragraph
// begun at its end; then keys are typed into that paragraph in rounds that visit the sizes in turn (5 k, 64 k, 1 M, 5 k, 64 k, 1 M, ...), so a burst of load
// on the shared machine falls on every size alike. Each key is profiled on its own (CDP Profiler
// on the page and on the worker, started before the key and stopped KEY_DELAY_MS after it), so
// every figure is a distribution over keys: median, and the spread from the 10th to the 90th
// percentile. On the page, time spent inside `runtime.sendMessage` (the browser's messaging: a
// message's serialisation and the IPC, which on a loaded machine can wait for milliseconds;
// every message goes through content/check-client.ts sendToExtension) is counted apart from the content script's own work; the size of each message (the check request
// and its answer, as characters of JSON, marked by the benchmark's build) shows whether messaging
// grows with the draft, which would be the extension's doing.

/** The editors measured: two frameworks, the browser's own contenteditable, and a textarea. */
const OWN_EDITORS = [
  { label: 'Lexical (Facebook fixture)', url: SITES.facebook.url, open: '#open-composer', composer: COMPOSER, fill: 'paste' },
  { label: 'Draft.js (X fixture)', url: SITES.x.url, open: null, composer: '[data-testid="tweetTextarea_0"]', fill: 'paste' },
  {
    label: 'plain contenteditable (a <div contenteditable> the benchmark adds to the Facebook fixture)',
    url: SITES.facebook.url,
    open: null,
    composer: '#bench-plain',
    fill: 'insert',
    // The browser's own editing, no framework: the box a site without an editor library has.
    make: () => {
      const box = document.createElement('div');
      box.id = 'bench-plain';
      box.contentEditable = 'true';
      box.setAttribute('style', 'width: 600px; height: 400px; overflow: auto; border: 1px solid #999; font: 15px sans-serif;');
      document.body.prepend(box);
    },
  },
  { label: 'textarea (the Facebook fixture\'s page review)', url: SITES.facebook.url, open: null, composer: '#review-text', fill: 'insert' },
];
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 6);
const KEYS_PER_ROUND = 8;
const TYPED = 'Thanks all, see you soon. ';
const EDITOR_FILTER = process.argv.find((a) => a.startsWith('--editors='))?.slice(10).split(',');

/** Spread of a list: median and the 10th and 90th percentiles. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return { n: sorted.length, median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

/**
 * A page profile's samples split by who they are: the content script's own work (a content-script
 * function on the stack, with the browser work it calls, but not inside sendMessage), its
 * messaging (inside `sendMessage`, a native frame under a content-script function), and the page's
 * garbage collection; by function too. The benchmark's own function that measures message sizes is
 * left out.
 */
function pageTime(profile) {
  const { byId, parentOf } = profileTree(profile);
  const kinds = new Map();
  const kindOf = (id) => {
    if (kinds.has(id)) return kinds.get(id);
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const parent = parentOf.has(id) ? kindOf(parentOf.get(id)) : null;
    let kind = parent;
    // The browser's messaging API is native code, which the profile charges to its JavaScript
    // caller: the content script sends every message through sendToExtension (check-client.ts).
    if (url.startsWith(EXTENSION_URL) && parent?.side !== 'bench' && parent?.side !== 'messaging') {
      if (functionName === 'benchMessageSizes') kind = { side: 'bench' };
      else if (functionName === 'sendToExtension') kind = { side: 'messaging' };
      else kind = { side: 'own', label: `${functionName || '(anonymous)'} ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}` };
    }
    kinds.set(id, kind);
    return kind;
  };
  const out = { own: 0, messaging: 0, gc: 0, byFunction: new Map() };
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const ms = (timeDeltas[i + 1] ?? SAMPLE_US) / 1000;
    if (byId.get(samples[i]).callFrame.functionName === '(garbage collector)') out.gc += ms;
    const kind = kindOf(samples[i]);
    if (!kind || kind.side === 'bench') continue;
    out[kind.side] += ms;
    if (kind.side === 'own') out.byFunction.set(kind.label, (out.byFunction.get(kind.label) ?? 0) + ms);
  }
  return out;
}

/** Opens `editor` in a new tab and puts a draft of `size` characters in it, as a paste does; waits until it settled. */
async function prepare(context, editor, size) {
  const page = await context.newPage();
  await page.goto(editor.url);
  if (editor.make) await page.evaluate(editor.make);
  if (editor.open) await page.click(editor.open);
  await page.locator(editor.composer).click();
  // The box is checked from the user's first trusted key or pointer event in it (the click that
  // focused it came before Second Look took it up).
  await page.keyboard.press('End');
  const text = draft(size);
  if (editor.fill === 'paste') await pasteInto(page, editor.composer, text);
  // Text the browser inserts itself (a trusted insertion, as a paste of plain text is).
  else await page.keyboard.insertText(text);
  await settleOn(page, editor.composer, size, Math.max(2_000, size / 200));
  // Keys go into a paragraph of their own at the end, the same at every size: the engine checks
  // the paragraph typed into, and the draft's last paragraph is cut at a different place at each size.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const record = { keys: [], marks: [], bytes: [] };
    window.benchRecord = record;
    addEventListener('keydown', (event) => record.keys.push(event.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'second-look:marks') record.marks.push(entry.startTime);
        else if (entry.name.startsWith('second-look:bytes:')) record.bytes.push([entry.startTime, ...entry.name.split(':').slice(2).map(Number)]);
      }
    }).observe({ type: 'mark' });
  });
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  return { page, session, size };
}

/** Like settle(), for any text box (a textarea's text is its value). */
async function settleOn(page, selector, length, quietMs) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { chars, last, now } = await page.evaluate((selector) => {
      const box = document.querySelector(selector);
      const marks = performance.getEntriesByName('second-look:marks');
      return { chars: box instanceof HTMLTextAreaElement ? box.value.length : box.innerText.length, last: marks.at(-1)?.startTime ?? 0, now: performance.now() };
    }, selector);
    if (chars >= length * 0.98 && now - last > quietMs) return;
    if (Date.now() > deadline) throw new Error(`the editor did not settle: ${chars} of ${length} characters`);
    await page.waitForTimeout(250);
  }
}

/** Types one key in a prepared tab, with the page and the worker profiled; its costs. */
async function profiledKey(tab, worker, key) {
  await Promise.all([tab.session.send('Profiler.start'), worker.send('Profiler.start')]);
  await tab.page.keyboard.press(key === ' ' ? 'Space' : key);
  await tab.page.waitForTimeout(KEY_DELAY_MS);
  const [{ profile: pageProfile }, { profile: workerProfile }] = await Promise.all([tab.session.send('Profiler.stop'), worker.send('Profiler.stop')]);
  const own = pageTime(pageProfile);
  const work = extensionTime(workerProfile, true);
  const { keys, marks, bytes } = await tab.page.evaluate(() => {
    const r = window.benchRecord;
    const copy = { keys: [...r.keys], marks: [...r.marks], bytes: [...r.bytes] };
    r.keys.length = r.marks.length = r.bytes.length = 0;
    return copy;
  });
  const keyAt = keys[0];
  const mark = keyAt === undefined ? undefined : marks.find((m) => m >= keyAt);
  return {
    own: own.own,
    messaging: own.messaging,
    gc: own.gc,
    worker: work.total,
    wholeChecks: work.wholeChecks,
    sent: bytes.reduce((sum, b) => sum + b[1], 0),
    answered: bytes.reduce((sum, b) => sum + b[2], 0),
    checks: bytes.length,
    endToEnd: mark === undefined ? null : mark - keyAt,
    pageFunctions: own.byFunction,
    workerFunctions: work.byFunction,
  };
}

async function ownCost() {
  const browser = await launch({ extension: true, devtools: true });
  const devtools = await devtoolsClient(browser.devtools);
  const results = [];
  try {
    await setSettings(browser.worker, SCHOOL);
    for (const editor of OWN_EDITORS.filter((e, i) => !EDITOR_FILTER || EDITOR_FILTER.includes(String(i)))) {
      const tabs = [];
      for (const size of SIZES) tabs.push(await prepare(browser.context, editor, size));
      const keys = new Map(SIZES.map((size) => [size, []]));
      let typed = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const tab of tabs) {
          await tab.page.bringToFront();
          await tab.page.keyboard.press('Control+End');
          await tab.page.waitForTimeout(KEY_DELAY_MS);
          const worker = await workerSession(devtools);
          await worker.send('Profiler.enable');
          await worker.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
          for (let k = 0; k < KEYS_PER_ROUND; k++) keys.get(tab.size).push(await profiledKey(tab, worker, TYPED[(typed + k) % TYPED.length]));
          await worker.send('Profiler.disable');
          await worker.detach().catch(() => undefined);
        }
        typed += KEYS_PER_ROUND;
      }
      for (const tab of tabs) await tab.page.close();
      results.push({ editor, keys });
      // Each editor's table as soon as it is measured (a run takes many minutes on a loaded machine).
      printOwnCost([{ editor, keys }], results.length === 1);
    }
  } finally {
    await devtools.client.disconnect();
    await browser.close();
  }
  return results;
}

function printOwnCost(results, header) {
  const cell = (s, base, unit = 'ms') => {
    const value = unit === 'ms' ? `${s.median.toFixed(2)} [${s.p10.toFixed(2)}-${s.p90.toFixed(2)}]` : `${Math.round(s.median)} [${Math.round(s.p10)}-${Math.round(s.p90)}]`;
    return `${value}${base ? ` ${base.median ? (s.median / base.median).toFixed(2) : '-'}x` : ''}`;
  };
  if (header) console.log(
    `\nThe extension's own cost per key (sizes interleaved, ${ROUNDS} rounds of ${KEYS_PER_ROUND} keys each; each key profiled alone, ${KEY_DELAY_MS} ms; ` +
      `median [10th-90th percentile] ratio of medians against ${SIZES[0].toLocaleString('en')}):`,
  );
  if (header) console.log('  content script: its own CPU time, messaging apart; messaging: time inside runtime.sendMessage (the browser\'s IPC);');
  if (header) console.log('  worker: its CPU time, whole-draft checks (made when typing pauses) apart; own: content script + worker;');
  if (header) console.log('  sent / answered: characters of JSON per key in check requests and their answers.');
  for (const { editor, keys } of results) {
    console.log(`\n${editor.label}`);
    const columns = [
      ['content script', (k) => k.own],
      ['messaging', (k) => k.messaging],
      ['worker', (k) => k.worker],
      ['own', (k) => k.own + k.worker],
      ['page GC', (k) => k.gc],
      ['sent', (k) => k.sent, 'chars'],
      ['answered', (k) => k.answered, 'chars'],
      ['end to end', (k) => k.endToEnd],
    ];
    console.log(['size'.padEnd(10), ...columns.map(([name]) => name.padEnd(27))].join(' '));
    const base = keys.get(SIZES[0]);
    for (const [size, list] of keys) {
      const row = columns.map(([, get, unit]) => {
        const values = list.map(get).filter((v) => v !== null);
        const baseValues = base.map(get).filter((v) => v !== null);
        if (!values.length) return '-'.padEnd(27);
        return cell(spread(values), size === SIZES[0] ? null : spread(baseValues), unit).padEnd(27);
      });
      console.log([`${size.toLocaleString('en')} ch`.padEnd(10), ...row].join(' '));
    }
    if (FUNCTIONS) {
      for (const [size, list] of keys) {
        for (const side of ['pageFunctions', 'workerFunctions']) {
          const sum = new Map();
          for (const k of list) for (const [f, t] of k[side]) sum.set(f, (sum.get(f) ?? 0) + t);
          const top = [...sum].sort((a, b) => b[1] - a[1]).slice(0, 14);
          console.log(`  ${size.toLocaleString('en')} ch, ${side === 'pageFunctions' ? 'content script' : 'service worker'}: ${top.map(([f, t]) => `${f} ${(t / list.length).toFixed(3)}`).join(' | ')}`);
        }
      }
    }
  }
}

if (!GATE_ONLY && !PAGE_TASKS) await ownCost();

const on = GATE_ONLY || !PAGE_TASKS ? [] : await keystrokeCost(true);
const off = GATE_ONLY || !PAGE_TASKS || process.argv.includes('--no-baseline') ? [] : await keystrokeCost(false);
if (on.length) console.log(`Keystroke cost by draft size (Chromium; "${KEYS}" typed at the end, one key every ${KEY_DELAY_MS} ms; ratios against 5 k in this run):`);
for (const editor of on.length ? EDITORS : []) {
  console.log(`\n${editor.label}`);
  console.log(`${'size'.padEnd(10)} ${'page: longest task'.padEnd(26)} ${'page: median per key'.padEnd(26)} ${'end to end: median'.padEnd(26)} ${'end to end: max'.padEnd(26)} editor alone (no extension): median per key`);
  const mine = on.filter((r) => r.editor === editor);
  const base = mine[0];
  const baseOff = off.find((r) => r.editor === editor && r.size === base.size);
  for (const row of mine) {
    const alone = off.find((r) => r.editor === editor && r.size === row.size);
    console.log(
      [
        `${row.size.toLocaleString('en')} ch`.padEnd(10),
        `${ms(row.longest)}${ratio(row.longest, base.longest)}`.padEnd(26),
        `${ms(row.medianTotal)}${ratio(row.medianTotal, base.medianTotal)}`.padEnd(26),
        `${ms(row.endToEnd?.median)}${ratio(row.endToEnd?.median, base.endToEnd?.median)}`.padEnd(26),
        `${ms(row.endToEnd?.max)}`.padEnd(26),
        alone ? `${ms(alone.medianTotal)}${ratio(alone.medianTotal, baseOff?.medianTotal)}` : '-',
      ].join(' '),
    );
  }
}

if (on.length) {
  const perKey = (v) => v / KEYS.length;
  console.log(`\nThe extension's own CPU time per key (CPU profiles sampled every ${SAMPLE_US} µs while "${KEYS}" is typed; the worker's whole-draft checks, made when typing pauses, apart; ratios against 5 k in this run):`);
  for (const editor of EDITORS) {
    const mine = on.filter((r) => r.editor === editor);
    const base = mine[0].own;
    const both = (own) => own.page.total + own.worker.total;
    console.log(`\n${editor.label}`);
    console.log(`${'size'.padEnd(10)} ${'content script'.padEnd(22)} ${'service worker'.padEnd(22)} ${'both'.padEnd(22)} ${"page's garbage collection".padEnd(26)} worker's whole-draft checks (not per key)`);
    for (const row of mine) {
      const { own } = row;
      console.log(
        [
          `${row.size.toLocaleString('en')} ch`.padEnd(10),
          `${ms(perKey(own.page.total))}${ratio(own.page.total, base.page.total)}`.padEnd(22),
          `${ms(perKey(own.worker.total))}${ratio(own.worker.total, base.worker.total)}`.padEnd(22),
          `${ms(perKey(both(own)))}${ratio(both(own), both(base))}`.padEnd(22),
          `${ms(perKey(own.page.gc))}`.padEnd(26),
          `${ms(perKey(own.worker.wholeChecks))}`,
        ].join(' '),
      );
    }
    if (FUNCTIONS) {
      for (const row of mine) {
        for (const side of ['page', 'worker']) {
          const top = [...row.own[side].byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12);
          console.log(`  ${row.size.toLocaleString('en')} ch, ${side === 'page' ? 'content script' : 'service worker'}: ${top.map(([f, t]) => `${f} ${perKey(t).toFixed(2)}`).join(' | ')}`);
          const stacks = [...row.own[side].byStack].sort((a, b) => b[1] - a[1]).slice(0, 6);
          console.log(`    by caller: ${stacks.map(([f, t]) => `${f} ${perKey(t).toFixed(2)}`).join(' | ')}`);
        }
      }
    }
  }
}

/**
 * Records each click's and Enter's timeStamp from before the page loads, so this listener comes
 * before the content script's (which stops the sends it holds).
 */
function recordSends(page) {
  return page.addInitScript(() => {
    window.gateSends = [];
    const mark = (event) => {
      if (event.type === 'click' || event.key === 'Enter') window.gateSends.push(event.timeStamp);
    };
    addEventListener('click', mark, true);
    addEventListener('keydown', mark, true);
  });
}

/** Records, in the page, when the gate answered each send. */
function instrumentGate(page) {
  return page.evaluate(() => {
    const record = { sends: window.gateSends, answers: [], longTasks: [] };
    record.sends.length = 0;
    window.gateRecord = record;
    // The site's own handler ran: the fixture records the post.
    const push = window.fixture.posts.push.bind(window.fixture.posts);
    window.fixture.posts.push = (...items) => {
      record.answers.push(performance.now());
      return push(...items);
    };
    // The gate's dialog opened (its layer is a closed shadow root: the benchmark's build marks it).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'second-look:gate') record.answers.push(entry.startTime);
    }).observe({ type: 'mark' });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

async function gateLatency(page) {
  const { sends, answers, longTasks } = await page.evaluate(() => {
    const r = window.gateRecord;
    const copy = { sends: [...r.sends], answers: [...r.answers], longTasks: [...r.longTasks] };
    r.sends.length = 0;
    r.answers.length = 0;
    r.longTasks.length = 0;
    return copy;
  });
  // The send is the last click or key before the answer (focusing clicks come before it).
  return { latency: answers.length ? answers[0] - Math.max(...sends.filter((s) => s <= answers[0])) : NaN, longTasks };
}

if (!TEXT_ONLY) {
const browser = await launch({ extension: true });
try {
  await setSettings(browser.worker, SCHOOL);
  const page = await browser.context.newPage();

  // The gate, on the paths fixtures.
  await recordSends(page);
  const GATE_ROUNDS = 10;
  const WARNED = 'Great trip today with @jenny_b and the team.';
  const gateBack = () => ui(page).getByRole('alertdialog').getByRole('button', { name: 'Go back and edit' }).click();
  const settledOn = async (text) => {
    for (let i = 0; i < 200 && (await report(browser.worker, page))?.text !== text; i++) await page.waitForTimeout(10);
    await page.waitForTimeout(300);
  };
  const gateRuns = {};
  const runGate = async (label, prepare, send, after) => {
    const runs = [];
    for (let i = 0; i < GATE_ROUNDS; i++) {
      await prepare(i);
      await instrumentGate(page);
      await send();
      for (let t = 0; t < 300 && !(await page.evaluate(() => window.gateRecord.answers.length)); t++) await page.waitForTimeout(10);
      runs.push(await gateLatency(page));
      await after();
    }
    gateRuns[label] = runs;
  };
  const openReply = async () => {
    await page.goto(PATHS.facebook);
    await page.locator('.comment', { hasText: 'Sam Jones' }).getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('[aria-label="Reply to Sam Jones"]').click();
  };
  await runGate(
    'Facebook reply, Enter, finding: dialog',
    async (i) => {
      if (i === 0) {
        await openReply();
        await page.keyboard.type(WARNED);
        await settledOn(WARNED);
      } else await page.locator('[aria-label="Reply to Sam Jones"]').click();
    },
    () => page.keyboard.press('Enter'),
    gateBack,
  );
  await runGate(
    'Facebook reply, Enter, clean: sent',
    async () => {
      await openReply();
      await page.keyboard.type('Lovely sunny sports day today.');
      await settledOn('Lovely sunny sports day today.');
    },
    () => page.keyboard.press('Enter'),
    async () => undefined,
  );
  await runGate(
    'Facebook reply, Enter with check still out',
    async () => {
      await openReply();
    },
    async () => {
      // The text lands at once (as a paste does) and Enter follows: the gate holds the send until
      // the check of that text answers, then lets it through.
      await page.keyboard.insertText('Lovely sunny sports day today.');
      await page.evaluate(() => (window.gateRecord.sends.length = 0));
      await page.keyboard.press('Enter');
    },
    async () => undefined,
  );
  await runGate(
    'Facebook Page post, deep "Post": dialog',
    async (i) => {
      if (i === 0) {
        await page.goto(PATHS.facebook);
        await page.locator('#page-opener').click();
        await page.locator('#page-composer').click();
        await page.keyboard.type(WARNED);
        await settledOn(WARNED);
        await page.getByRole('dialog', { name: 'Create post' }).getByRole('button', { name: 'Next' }).click();
      }
    },
    () => page.locator('#page-post').click(),
    gateBack,
  );
  await runGate(
    'X thread "Post all", finding in post 2',
    async (i) => {
      if (i === 0) {
        await page.goto(PATHS.x);
        await page.getByTestId('SideNav_NewTweet_Button').click();
        await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').click();
        await page.keyboard.type('Lovely sunny sports day today.');
        await page.locator('[role="dialog"]').getByTestId('addButton').click();
        await page.locator('[role="dialog"] [data-testid="tweetTextarea_1"]').click();
        await page.keyboard.type(WARNED);
        await settledOn(WARNED);
      }
    },
    () => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
    gateBack,
  );
  console.log('\nGate: send (click or key) to its answer (dialog shown, or the site handler run), Chromium:');
  for (const [label, runs] of Object.entries(gateRuns)) {
    const s = stats(runs.map((r) => r.latency).filter((v) => !Number.isNaN(v)));
    const longest = Math.max(0, ...runs.flatMap((r) => r.longTasks));
    console.log(`${label.padEnd(40)} n=${s.n}  median ${ms(s.median)}  max ${ms(s.max)}  longest task ${ms(longest)}`);
  }

  if (!GATE_ONLY) {
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
  }
} finally {
  await browser.close();
}
}
