// How long `second-look pack draft` takes on a 20-page PDF policy (the target is under 2 s from
// the command line): the five seed policies' text laid out as one long PDF, drafted through
// the real CLI (bin/second-look.mjs, which runs the esbuild bundle .cli/second-look.mjs), so
// start-up, extraction and proposing are all counted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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
// Each run reports the CPU time its process used (user + system, from process.cpuUsage() at exit):
// on a shared machine the wall-clock time is mostly waiting for a core, the CPU time is the work
// the command does, which is its wall-clock time on an idle machine (it runs on one thread).
const reportCpu = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nsecond-look-cpu-us "+(u.user+u.system)+"\\n")})`;
const cpuOf = (stderr: string) => Number(/second-look-cpu-us (\d+)/.exec(stderr)?.[1] ?? NaN) / 1000;
const RUNS = Number(process.env.RUNS ?? 9);
const wall: number[] = [];
const cpu: number[] = [];
// Node itself starting and stopping, interleaved with the command's runs: the floor any command
// pays, measured under the same load (the machine is shared; compare the two, not the clock).
const bare: number[] = [];
const bareCpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', reportCpu, bin, 'pack', 'draft', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  wall.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`pack draft failed (${r.status}): ${r.stderr}`);
  cpu.push(cpuOf(r.stderr));
  const t1 = performance.now();
  const b = spawnSync(process.execPath, ['--import', reportCpu, '-e', '0'], { encoding: 'utf8' });
  bare.push(performance.now() - t1);
  bareCpu.push(cpuOf(b.stderr));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Median, and the spread as the quartiles and the extremes. */
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * (s.length - 1) + 0.5))]!;
  return `median ${med(s).toFixed(0)} ms (quartiles ${q(0.25).toFixed(0)}-${q(0.75).toFixed(0)}, range ${s[0]!.toFixed(0)}-${s.at(-1)!.toFixed(0)}, ${s.length} runs)`;
};
const median = med(wall);
const bareMedian = med(bare);
console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
console.log(`pack draft on a ${pages}-page PDF, whole command, CPU time: ${spread(cpu)} (target < 2000 ms)`);
console.log(`pack draft on a ${pages}-page PDF, whole command, wall-clock: ${spread(wall)}`);
console.log(`node -e 0 in the same run: CPU ${med(bareCpu).toFixed(0)} ms, wall-clock ${bareMedian.toFixed(0)} ms (the command takes ${(median / bareMedian).toFixed(1)} times a bare Node start)`);

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
console.log(
  `the command's start-up alone (second-look help): bundled ${med(bundled).toFixed(0)} ms, through tsx ${med(tsx).toFixed(0)} ms (ratio ${(med(tsx) / med(bundled)).toFixed(2)})`,
);
