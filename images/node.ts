/**
 * The analyser's platform in Node (the CLI, the tests, the benchmark): @napi-rs/canvas (Skia,
 * prebuilt in its npm package) decodes and encodes; face-api's Node build runs the same models
 * on TensorFlow's WebAssembly backend; Tesseract runs in a worker thread. Every model and data
 * file is read from node_modules: nothing is fetched.
 */
import { createCanvas, loadImage, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import type { FaceApiModule, ImageRuntime, Pixels, Raster, TfBackends } from './types';
import { ImageAnalyser } from './analyse';
import { quiet } from './ocr';
import { CanvasRaster, fitWithin } from './raster';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const MODEL_DIR = join(packageDir('@vladmandic/face-api'), 'model');
const WASM_DIR = `${join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist')}/`;
/** The integer-quantised "best" English model: as accurate as the full one, a quarter of the size. */
export const LANG_DIR = join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int');

class NodeRaster extends CanvasRaster<Canvas> {
  protected readonly ctx: SKRSContext2D;
  constructor(canvas: Canvas, original: { width: number; height: number }) {
    super(canvas, original);
    this.ctx = canvas.getContext('2d');
  }
  put(pixels: Pixels, x: number, y: number): void {
    const image = this.ctx.createImageData(pixels.width, pixels.height);
    image.data.set(pixels.data);
    this.ctx.putImageData(image, x, y);
  }
  protected resized(width: number, height: number): Raster {
    const canvas = createCanvas(width, height);
    canvas.getContext('2d').drawImage(this.canvas, 0, 0, canvas.width, canvas.height);
    return new NodeRaster(canvas, this.original);
  }
  async encode(type: 'image/jpeg' | 'image/png', quality = 0.92): Promise<Uint8Array> {
    const buffer = type === 'image/png' ? await this.canvas.encode('png') : await this.canvas.encode('jpeg', Math.round(quality * 100));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  async ocrInput(): Promise<Buffer> {
    return this.canvas.encode('png');
  }
}

let faceApi: Promise<FaceApiModule> | null = null;

export const nodeRuntime: ImageRuntime = {
  async decode(bytes, maxSide) {
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const size = fitWithin(image.width, image.height, maxSide);
    const canvas = createCanvas(size.width, size.height);
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return new NodeRaster(canvas, { width: image.width, height: image.height });
  },
  faceApi() {
    faceApi ??= (async () => {
      // The Node build of face-api (CommonJS) with TensorFlow.js and its WebAssembly backend:
      // the browser build's copy of the backend cannot load its .wasm from a file path.
      const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule;
      const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
      wasm.setWasmPaths(WASM_DIR);
      const tf = api.tf as unknown as TfBackends;
      if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend of TensorFlow.js did not start');
      await tf.ready();
      return api;
    })();
    return faceApi;
  },
  async modelFile(name) {
    const buffer = await readFile(join(MODEL_DIR, name));
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  },
  async ocrWorker() {
    // langPath is a folder: tesseract.js reads eng.traineddata.gz from it; cacheMethod 'none'
    // keeps it from writing a cached copy into the working directory.
    const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath: LANG_DIR, gzip: true, cacheMethod: 'none' });
    await quiet(worker);
    return worker;
  },
};

let shared: ImageAnalyser | null = null;

/** One analyser per process: the models load once. */
export function nodeAnalyser(): ImageAnalyser {
  shared ??= new ImageAnalyser(nodeRuntime);
  return shared;
}
