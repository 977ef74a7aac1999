// How long `second-look pack draft` takes on a 20-page PDF policy (the target is under 2 s from
// the command line): the five seed policies' text laid out as one long PDF, drafted through
// the real CLI (bin/second-look.mjs, which runs the esbuild bundle .cli/second-look.mjs), so
// start-up, extraction and proposing are all counted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { blocksOf, policyPdf } from '../tests/support/policy-files';

const seeds = new URL('../../shared/seeds/', import.meta.url);
// Characters pdf-lib's standard fonts cannot draw (WinAnsi) are left out of the fixture.
const text = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, seeds), 'utf8'))
  .join('\n')
  .replace(/[^\x20-\x7E\n\u2018\u2019\u201C\u201D\u2013\u2014\u2022]/g, ' ');
const blocks = blocksOf(text.replace(/\t/g, ' '));
const bytes = await policyPdf(blocks, { minPages: 20 });
const pages = (await PDFDocument.load(bytes)).getPageCount();
const dir = mkdtempSync(join(tmpdir(), 'second-look-bench-'));
const pdf = join(dir, 'policy.pdf');
writeFileSync(pdf, bytes);
console.log(`fixture: ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB`);

const bin = new URL('../bin/second-look.mjs', import.meta.url).pathname;
const runs: number[] = [];
// Node itself starting and stopping, interleaved with the command's runs: the floor any command
// pays, measured under the same load (the machine is shared; compare the two, not the clock).
const bare: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'pack', 'draft', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  runs.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`pack draft failed (${r.status}): ${r.stderr}`);
  const t1 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(performance.now() - t1);
}
runs.sort((a, b) => a - b);
bare.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)]!;
const bareMedian = bare[Math.floor(bare.length / 2)]!;
console.log(`pack draft on a ${pages}-page PDF, whole command: median ${median.toFixed(0)} ms, best ${runs[0]!.toFixed(0)} ms, worst ${runs.at(-1)!.toFixed(0)} ms (target < 2000 ms)`);
console.log(`node -e 0 in the same run: median ${bareMedian.toFixed(0)} ms (the command takes ${(median / bareMedian).toFixed(1)} times a bare Node start)`);

// The same work in this process, warm: how much is the drafter and how much the command's start-up.
const { extractText } = await import('../packs/draft/extract');
const { draftPack } = await import('../packs/draft/draft');
const { builtInKnowledge } = await import('../packs/draft/builtin');
const knowledge = builtInKnowledge();
await extractText(bytes, 'policy.pdf');
const t0 = performance.now();
const { text: extracted } = await extractText(bytes, 'policy.pdf');
const t1 = performance.now();
const { clauses } = draftPack(extracted, knowledge);
const t2 = performance.now();
console.log(`in process, warm: extracting the PDF ${(t1 - t0).toFixed(0)} ms, drafting ${clauses.length} clauses ${(t2 - t1).toFixed(0)} ms`);
const startup = spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' });
if (startup.status !== 0) throw new Error(startup.stderr);
// The command's start-up, bundled (bin/second-look.mjs runs .cli/second-look.mjs) and, for the
// ratio, as it was before the bundle: the TypeScript sources compiled through tsx on every run.
const viaTsx = [
  '--input-type=module',
  '-e',
  `import { register } from 'tsx/esm/api'; register(); const { main, processIo } = await import(${JSON.stringify(new URL('../cli/main.ts', import.meta.url).href)}); process.exitCode = await main(['help'], processIo);`,
];
const bundled: number[] = [];
const tsx: number[] = [];
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' });
  bundled.push(performance.now() - t);
  t = performance.now();
  const r = spawnSync(process.execPath, viaTsx, { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  if (r.status !== 0) throw new Error(r.stderr);
  tsx.push(performance.now() - t);
}
const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `the command's start-up alone (second-look help): bundled ${med(bundled).toFixed(0)} ms, through tsx ${med(tsx).toFixed(0)} ms (ratio ${(med(tsx) / med(bundled)).toFixed(2)})`,
);
