/**
 * npm run bench:text: the time of checkDraft for drafts of 280, 1,000 and 5,000 characters,
 * against one bare compromise parse of the same text measured in the same run (the floor: a
 * check is one NLP pass plus the rules). The check is the whole of it: every text rule of the
 * default pack, with the project's realistic settings file (an organisation, a disclaimer and a
 * 30-name pupil list), on a personal and an official account in turn.
 *
 * Measured fairly on a shared, noisy machine: both are warmed up first; then, draft by draft,
 * the parse and the check of the same text run back to back, in alternating order, so that load
 * from other processes, garbage collection and CPU frequency hit both alike. Times are wall
 * clock (performance.now) and this process's CPU time (process.cpuUsage, which does not count
 * the time other processes hold the core). The ratio is the median check over the median parse;
 * "paired" is the median of each round's own ratio (the same text, moments apart), and its spread
 * is that figure within each of BLOCKS consecutive blocks of rounds (lowest / middle / highest).
 * `--sizes=280,5000` picks sizes, `--rounds=N` scales the number of rounds.
 */
import nlp from 'compromise';
import { checkDraft } from '../rules';
import { draftOf, pack, settings } from './bench-drafts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (arg('sizes') ?? '280,1000,5000').split(',').map(Number);
const SCALE = Number(arg('rounds') ?? 1);
/** Rounds per size (each round: one parse and one check), and warm-up rounds. */
const ROUNDS: Record<number, number> = { 280: 900, 1000: 360, 5000: 90 };
const BLOCKS = 9;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

interface Sample {
  wall: number;
  cpu: number;
}

function time(run: () => unknown): Sample {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const f = (x: number) => x.toFixed(2).padStart(8);
console.log(`check = checkDraft, default pack (${Object.keys(pack.rules).length} rules), ${settings.pupilNames?.length ?? 0} pupils; parse = nlp(text)`);
console.log('size   rounds   check ms (median p95)   parse ms (median p95)   ratio   paired (blocks: low / mid / high)   cpu-time ratio');
for (const size of SIZES) {
  const rounds = Math.max(BLOCKS, Math.round((ROUNDS[size] ?? 90) * SCALE));
  const drafts = Array.from({ length: 20 }, (_, i) => draftOf(size, i * 7));
  const check = (i: number) => checkDraft({ text: drafts[i % drafts.length]!, platform: 'facebook', account: i % 2 ? 'personal' : 'official' }, settings, { pack });
  const parse = (i: number) => nlp(drafts[i % drafts.length]!);
  for (let i = 0; i < Math.max(20, rounds / 10); i++) {
    check(i);
    parse(i);
  }
  const checks: Sample[] = [];
  const parses: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    // ABBA order: neither always runs first (after the other's garbage, or on a cold cache).
    if ((i >> 1) % 2) {
      checks.push(time(() => check(i)));
      parses.push(time(() => parse(i)));
    } else {
      parses.push(time(() => parse(i)));
      checks.push(time(() => check(i)));
    }
  }
  const wall = (xs: Sample[]) => xs.map((s) => s.wall);
  const cpu = (xs: Sample[]) => xs.map((s) => s.cpu);
  const per = Math.floor(rounds / BLOCKS);
  const paired = checks.map((c, i) => c.wall / parses[i]!.wall);
  const blockRatios = Array.from({ length: BLOCKS }, (_, b) => median(paired.slice(b * per, (b + 1) * per))).sort((a, b) => a - b);
  const ratio = median(wall(checks)) / median(wall(parses));
  const cpuRatio = median(cpu(checks)) / median(cpu(parses));
  console.log(
    `${String(size).padEnd(6)} ${String(rounds).padStart(6)}   ${f(median(wall(checks)))} ${f(quantile(wall(checks), 0.95))}      ${f(median(wall(parses)))} ${f(quantile(wall(parses), 0.95))}      ${ratio.toFixed(2)}    ${median(paired).toFixed(2)} (${blockRatios[0]!.toFixed(2)} / ${median(blockRatios).toFixed(2)} / ${blockRatios[BLOCKS - 1]!.toFixed(2)})          ${cpuRatio.toFixed(2)}`,
  );
}
