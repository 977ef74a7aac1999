/**
 * The analyser's platform in the extension: images decode with createImageBitmap and draw on
 * OffscreenCanvas; face-api (its browser build, TensorFlow.js included) runs on the WebAssembly
 * backend; Tesseract runs in its own worker. Every file (weights, .wasm, the English model)
 * loads from the extension's own package (models/, copied there by modules/image-models.ts):
 * no request leaves the machine.
 */
import { browser } from 'wxt/browser';
import * as faceApi from '@vladmandic/face-api/dist/face-api.esm.js';
import { createWorker, OEM } from 'tesseract.js';
import type { FaceApiModule, ImageRuntime, Pixels, Raster, TfBackends } from './types';
import { ImageAnalyser } from './analyse';
import { quiet } from './ocr';
import { dataUrlBytes } from './data-url';
import { CanvasRaster, fitWithin } from './raster';

/** Where modules/image-models.ts puts the model files in the build. */
export const MODELS = { face: 'models/face', tfjs: 'models/tfjs', ocr: 'models/ocr' } as const;

const url = (path: string) => browser.runtime.getURL(`/${path}` as '/');

/**
 * Encodes through a <canvas> element where there is a document (Chrome's offscreen document,
 * Firefox's background page): there OffscreenCanvas.convertToBlob took a second whatever the
 * image's size (Chromium 156, measured), a canvas element's toBlob a few milliseconds.
 */
function viaCanvasElement(source: OffscreenCanvas, type: string, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  canvas.getContext('2d')!.drawImage(source, 0, 0);
  const url = canvas.toDataURL(type, quality);
  if (!url.startsWith(`data:${type}`)) return Promise.reject(new Error(`the image could not be encoded as ${type}`));
  return Promise.resolve(new Blob([dataUrlBytes(url) as Uint8Array<ArrayBuffer>], { type }));
}

class BrowserRaster extends CanvasRaster<OffscreenCanvas> {
  protected readonly ctx: OffscreenCanvasRenderingContext2D;
  constructor(canvas: OffscreenCanvas, original: { width: number; height: number }) {
    super(canvas, original);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas');
    this.ctx = ctx;
  }
  put(pixels: Pixels, x: number, y: number): void {
    this.ctx.putImageData(new ImageData(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height), x, y);
  }
  protected resized(width: number, height: number): Raster {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(this.canvas, 0, 0, canvas.width, canvas.height);
    return new BrowserRaster(canvas, this.original);
  }
  async encode(type: 'image/jpeg' | 'image/png', quality = 0.92): Promise<Uint8Array> {
    const blob = typeof document === 'undefined' ? await this.canvas.convertToBlob({ type, quality }) : await viaCanvasElement(this.canvas, type, quality);
    return new Uint8Array(await blob.arrayBuffer());
  }
  /**
   * The image for Tesseract as a greyscale PGM (what it reads the image as anyway). Not a PNG:
   * convertToBlob in the offscreen document took a whole second for a 1024-pixel image
   * (measured in Chromium 156), four times Tesseract's own time; a PGM is the pixels with a header.
   */
  ocrInput(): Promise<Blob> {
    const { width, height, data } = this.pixels();
    const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
    const grey = new Uint8Array(width * height);
    for (let i = 0, j = 0; j < grey.length; i += 4, j++) grey[j] = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114 + 500) / 1000;
    return Promise.resolve(new Blob([header, grey]));
  }
}

let tfReady: Promise<FaceApiModule> | null = null;

export const browserRuntime: ImageRuntime = {
  async decode(bytes, maxSide) {
    // createImageBitmap decodes off the main thread and applies the EXIF orientation.
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
    try {
      const size = fitWithin(bitmap.width, bitmap.height, maxSide);
      const canvas = new OffscreenCanvas(size.width, size.height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new BrowserRaster(canvas, { width: bitmap.width, height: bitmap.height });
    } finally {
      bitmap.close();
    }
  },
  faceApi() {
    tfReady ??= (async () => {
      const api = faceApi as unknown as FaceApiModule;
      // The .wasm files come from the extension; tfjs fetches them by these names.
      (api.tf as unknown as { setWasmPaths(prefix: string): void }).setWasmPaths(url(`${MODELS.tfjs}/`));
      const tf = api.tf as unknown as TfBackends;
      // One thread: the threaded build needs cross-origin isolation and a .wasm the extension
      // does not ship (modules/image-models.ts); detected support would make tfjs fetch it.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend of TensorFlow.js did not start');
      await tf.ready();
      return api;
    })();
    return tfReady;
  },
  async modelFile(name) {
    const response = await fetch(url(`${MODELS.face}/${name}`));
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    return response.arrayBuffer();
  },
  async ocrWorker() {
    const worker = await createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: url(`${MODELS.ocr}/worker.min.js`),
      // One core, the SIMD build (every browser the extension supports has WebAssembly SIMD),
      // named outright so tesseract.js does not pick a build the package does not ship.
      corePath: url(`${MODELS.ocr}/tesseract-core-simd-lstm.wasm.js`),
      langPath: url(MODELS.ocr),
      // A worker from the extension's own file: a blob: worker would break the extension's CSP.
      workerBlobURL: false,
      gzip: true,
      cacheMethod: 'none',
    });
    await quiet(worker);
    return worker;
  },
};

let shared: ImageAnalyser | null = null;

export function browserAnalyser(): ImageAnalyser {
  shared ??= new ImageAnalyser(browserRuntime);
  return shared;
}
