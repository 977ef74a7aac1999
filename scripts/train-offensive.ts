/**
 * npm run train:offensive: trains the learned part of the insult rule, a logistic regression over
 * hashed word and character n-grams (rules/engine/linear.ts), on OLID's training part only
 * (scripts/olid-split.ts keeps a fixed fifth out for measuring), and writes
 * rules/data/offensive-model.json. Targeted insults and threats (TIN) are the positives, posts
 * labelled not offensive (NOT) the negatives; untargeted swearing (UNT) is left out.
 *
 * The training part is split again (a fixed fifth by another hash) to choose the operating point:
 * the log-odds at which the model alone reaches the precision asked for (--precision, 0.83) on
 * posts it was not fitted on. The rule maps that point to a score of 0.5 (balanced).
 * Deterministic: the same data and options give the same file.
 *
 *   npx tsx scripts/train-offensive.ts [--buckets 262144] [--epochs 6] [--precision 0.83] [--l2 1e-6]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { normalise } from '../rules/engine/normalise';
import { sentences } from '../rules/engine/tokens';
import { encodeBase64, featureText, features, lexiconFingerprint, sigmoid } from '../rules/engine/linear';
import { OFFENSIVE_LEXICON } from '../rules/derogatory';
import { olidTraining } from './olid-split';

const { values } = parseArgs({
  options: {
    buckets: { type: 'string', default: String(2 ** 18) },
    epochs: { type: 'string', default: '6' },
    precision: { type: 'string', default: '0.83' },
    l2: { type: 'string', default: '1e-6' },
    rate: { type: 'string', default: '0.3' },
    out: { type: 'string', default: new URL('../rules/data/offensive-model.json', import.meta.url).pathname },
  },
});
const BUCKETS = Number(values.buckets);
const EPOCHS = Number(values.epochs);
const TARGET_PRECISION = Number(values.precision);
const L2 = Number(values.l2);
const RATE = Number(values.rate);

interface Post {
  id: string;
  text: string;
  offensive: 'OFF' | 'NOT';
  type: 'TIN' | 'UNT' | null;
}
const file = new URL('../../shared/data/olid-train.jsonl', import.meta.url).pathname;
const posts = olidTraining(
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Post),
).filter((p) => p.type === 'TIN' || p.offensive === 'NOT');

function hash(s: string): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const isCalibration = (id: string) => hash(`calibration:${id}`) % 5 === 0;

const examples = posts.map((p) => ({
  id: p.id,
  y: p.type === 'TIN' ? 1 : 0,
  // Sentence by sentence, as the rule weighs a draft.
  x: ((lower: string) => sentences(lower).flatMap((s) => features(featureText(lower.slice(s.start, s.end)), BUCKETS, OFFENSIVE_LEXICON)))(
    normalise(p.text).text.toLowerCase(),
  ),
}));
const fit = examples.filter((e) => !isCalibration(e.id));
const calibration = examples.filter((e) => isCalibration(e.id));

// Adagrad on the log loss, positives weighed so both classes count alike.
const w = new Float64Array(BUCKETS);
const g2 = new Float64Array(BUCKETS).fill(1e-8);
let bias = 0;
let biasG2 = 1e-8;
const positives = fit.filter((e) => e.y === 1).length;
const posWeight = (fit.length - positives) / positives;
let seed = 12345;
const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
const z = (x: readonly number[]) => {
  let s = 0;
  for (const f of x) s += w[f]!;
  return bias + (x.length ? s / Math.sqrt(x.length) : 0);
};
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const order = fit.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let loss = 0;
  for (const i of order) {
    const e = fit[i]!;
    const p = sigmoid(z(e.x));
    const weight = e.y ? posWeight : 1;
    loss -= weight * (e.y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
    const grad = weight * (p - e.y);
    const norm = e.x.length ? 1 / Math.sqrt(e.x.length) : 0;
    for (const f of e.x) {
      const g = grad * norm + L2 * w[f]!;
      g2[f]! += g * g;
      w[f]! -= (RATE * g) / Math.sqrt(g2[f]!);
    }
    biasG2 += grad * grad;
    bias -= (RATE * grad) / Math.sqrt(biasG2);
  }
  console.error(`epoch ${epoch + 1}: mean loss ${(loss / fit.length).toFixed(4)}`);
}

// int16 weights with one scale: what ships (int8 lost a fifth of the recall).
let max = 0;
for (const v of w) max = Math.max(max, Math.abs(v));
const scale = max / 32767;
const q = new Int16Array(BUCKETS);
for (let i = 0; i < BUCKETS; i++) q[i] = Math.round(w[i]! / scale);
const zq = (x: readonly number[]) => {
  let s = 0;
  for (const f of x) s += q[f]! * scale;
  return bias + (x.length ? s / Math.sqrt(x.length) : 0);
};

const recallAt = (zf: (x: readonly number[]) => number, precision: number) => {
  const s = calibration.map((e) => ({ y: e.y, z: zf(e.x) })).sort((a, b) => b.z - a.z);
  const pos = s.filter((e) => e.y).length;
  let t = 0;
  let f = 0;
  let best = 0;
  for (const e of s) {
    if (e.y) t++;
    else f++;
    if (t / (t + f) >= precision) best = t / pos;
  }
  return best;
};
console.error(`calibration recall at precision 0.8: unquantised ${recallAt(z, 0.8).toFixed(3)}, shipped ${recallAt(zq, 0.8).toFixed(3)}`);

// The operating point: the lowest log-odds at which the model alone keeps the precision asked
// for on the calibration posts (the highest recall that does).
const scored = calibration.map((e) => ({ y: e.y, z: zq(e.x) })).sort((a, b) => b.z - a.z);
let tp = 0;
let fp = 0;
let threshold = scored[0]?.z ?? 0;
let recall = 0;
const allPositives = scored.filter((s) => s.y === 1).length;
for (const s of scored) {
  if (s.y) tp++;
  else fp++;
  if (tp / (tp + fp) >= TARGET_PRECISION && tp > 20) {
    threshold = s.z;
    recall = tp / allPositives;
  }
}
console.error(`calibration: ${calibration.length} posts; at log-odds ${threshold.toFixed(3)} precision >= ${TARGET_PRECISION}, recall ${recall.toFixed(3)}`);

const model = {
  $comment:
    'Written by scripts/train-offensive.ts: a logistic regression over hashed word and character n-grams (rules/engine/linear.ts), trained on the training part of OLID (Zampieri et al. 2019; scripts/olid-split.ts), targeted insults and threats against posts labelled not offensive. threshold: the log-odds the rule scores 0.5. weights: a little-endian signed 16-bit integer a bucket, times scale, in base64.',
  buckets: BUCKETS,
  bias: Math.round(bias * 1e6) / 1e6,
  scale,
  threshold: Math.round(threshold * 1e6) / 1e6,
  lexicon: lexiconFingerprint(OFFENSIVE_LEXICON),
  trainedOn: { posts: fit.length, calibration: calibration.length, epochs: EPOCHS, l2: L2, precisionTarget: TARGET_PRECISION },
  weights: encodeBase64(new Uint8Array(q.buffer)), // little-endian on every machine Node runs on
};
writeFileSync(values.out, JSON.stringify(model) + '\n');
console.error(`wrote ${values.out} (${(JSON.stringify(model).length / 1024).toFixed(0)} KB)`);
