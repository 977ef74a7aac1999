/**
 * npm run bench:images: the time to check one attached image, step by step (metadata, decoding,
 * faces, text, logo), for a 12-megapixel phone photo and a small one, with the models the
 * extension ships (face-api's tiny face detector and age model on TensorFlow's WebAssembly
 * backend, Tesseract's English LSTM model), run in Node; and the size of the built extension,
 * models included. Faces and text run at the same time, so the total is less than the sum.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeAnalyser } from '../images/node';
import type { Timings } from '../images/analyse';
import * as fx from '../tests/images/fixtures';
import { EXTENSION_DIR, buildExtension } from '../tests/browser/support/build';

const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function bench(label: string, bytes: Uint8Array, logo: string): Promise<void> {
  const analyser = nodeAnalyser();
  const rounds: Timings[] = [];
  for (let i = 0; i < ROUNDS + 1; i++) {
    const { timings } = await analyser.analyse(bytes, { name: label, logo });
    if (i > 0) rounds.push(timings); // the first loads the models
  }
  const col = (k: keyof Timings) => `${median(rounds.map((t) => t[k])).toFixed(0).padStart(6)} ms`;
  console.log(`${label.padEnd(26)}${col('metadata')}${col('decode')}${col('faces')}${col('text')}${col('logo')}${col('total')}`);
}

function size(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const logo = `data:image/png;base64,${Buffer.from(await fx.logo()).toString('base64')}`;
const load = performance.now();
await nodeAnalyser().warmUp();
console.log(`models loaded in ${(performance.now() - load).toFixed(0)} ms (once per offscreen document)\n`);
console.log(`median of ${ROUNDS}                   metadata    decode     faces      text      logo     total`);
await bench('12 MP photo (4000x3000)', await fx.twelveMegapixels(), logo);
await bench('small photo (1920x1280)', fx.demoPhoto(1), logo);
await bench('small photo (600x700)', await fx.oneAdult(), logo);
await bench('certificate (1200x850)', (await fx.certificate('Olivia Smith')).bytes, logo);
await nodeAnalyser().close();

buildExtension();
const models = join(EXTENSION_DIR, 'models');
console.log(`\nextension (${EXTENSION_DIR.replace(/.*\.output/, '.output')}): ${mb(size(EXTENSION_DIR))} unpacked, of which models ${mb(size(models))}:`);
for (const folder of readdirSync(models)) console.log(`  models/${folder.padEnd(6)} ${mb(size(join(models, folder)))}`);
const offscreen = readdirSync(join(EXTENSION_DIR, 'chunks')).filter((f) => f.startsWith('offscreen'));
for (const f of offscreen) console.log(`  chunks/${f} (face-api + TensorFlow.js + tesseract.js) ${mb(size(join(EXTENSION_DIR, 'chunks', f)))}`);
