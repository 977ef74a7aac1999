/**
 * The fixed split of ../shared/data/olid-train.jsonl: a post belongs to the held-out part when
 * a hash of its id falls in the last fifth. The insult rule is measured on this part
 * (scripts/measure.ts, or `tsx scripts/olid-split.ts held-out > FILE` for
 * ../shared/tools/score-offensive.mjs); a model trained on the rest would never see it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** FNV-1a over the id: stable across runs and machines. */
function bucket(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 5;
}

export const isHeldOut = (id: string): boolean => bucket(id) === 4;

export function olidHeldOut<T extends { id: string }>(posts: readonly T[]): T[] {
  return posts.filter((p) => isHeldOut(p.id));
}

export function olidTraining<T extends { id: string }>(posts: readonly T[]): T[] {
  return posts.filter((p) => !isHeldOut(p.id));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const part = process.argv[2];
  if (part !== 'held-out' && part !== 'training') {
    console.error('usage: tsx scripts/olid-split.ts held-out|training [OLID.jsonl] > FILE');
    process.exit(2);
  }
  const file = process.argv[3] ?? new URL('../../shared/data/olid-train.jsonl', import.meta.url).pathname;
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  for (const line of lines) {
    const { id } = JSON.parse(line) as { id: string };
    if (isHeldOut(id) === (part === 'held-out')) console.log(line);
  }
}
