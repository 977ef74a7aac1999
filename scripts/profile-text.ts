/**
 * npm run profile:text: a loop of checks of 280- and 5,000-character drafts (bench:text's drafts,
 * pack and settings) under V8's sampling profiler; prints self time by source (compromise, this
 * project, the project's regular expressions, garbage collection) and the functions with the most
 * self time. `--seconds=N` (default 20), `--sizes=280,5000`, `--out=FILE.cpuprofile` keeps the
 * profile (open it in Chrome's DevTools, Performance panel).
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { checkDraft } from '../rules';
import { draftOf, pack, settings } from './bench-drafts';

const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '280,5000').split(',').map(Number);
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 20);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const session = new Session();
session.connect();
const drafts = sizes.flatMap((size) => Array.from({ length: 20 }, (_, i) => draftOf(size, i * 7)));
for (const text of drafts) checkDraft({ text, platform: 'facebook', account: 'personal' }, settings, { pack });
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const until = performance.now() + seconds * 1000;
let n = 0;
while (performance.now() < until) {
  const text = drafts[n % drafts.length]!;
  checkDraft({ text, platform: 'facebook', account: n % 2 ? 'personal' : 'official' }, settings, { pack });
  n++;
}
const { profile } = await session.post('Profiler.stop');
if (out) writeFileSync(out, JSON.stringify(profile));

const nodes = profile.nodes as Node[];
const total = nodes.reduce((sum, x) => sum + x.hitCount, 0);
const name = (node: Node) => {
  const { functionName, url } = node.callFrame;
  if (!url) return (functionName || '(anonymous)').slice(0, 100);
  return `${functionName || '(anonymous)'}  ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/((?:rules|settings|packs|scripts)\/)/, '$1')}`;
};
const source = (node: Node) => {
  const { functionName, url } = node.callFrame;
  if (url.includes('/node_modules/compromise/')) return 'compromise';
  if (url.includes('/node_modules/')) return 'other packages';
  if (url) return 'this project';
  if (functionName.startsWith('RegExp:')) return "this project's regular expressions";
  return functionName;
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const self = new Map<string, number>();
const bySource = new Map<string, number>();
for (const node of nodes) {
  add(self, name(node), node.hitCount);
  add(bySource, source(node), node.hitCount);
}
const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
console.log(`${n} checks of ${sizes.join(' and ')} characters in ${seconds} s, ${total} samples`);
console.log(sorted(bySource).map(([k, v]) => `${k} ${pct(v).trim()}`).join(', '));
console.log('self time by function:');
for (const [k, v] of sorted(self).slice(0, 30)) console.log(`${pct(v)}  ${k}`);
