/**
 * What the image analyser needs from the platform it runs on. The analysis itself (analyse.ts:
 * metadata, faces, OCR, logo, blurring) is shared; only decoding, encoding and where the model
 * files come from differ between the extension (browser.ts: OffscreenCanvas, extension URLs)
 * and Node (node.ts: @napi-rs/canvas, files in node_modules), for the CLI and the tests.
 */
import type * as FaceApi from '@vladmandic/face-api';
import type { Worker as OcrWorker } from 'tesseract.js';

/** RGBA pixels, row by row, as canvas ImageData holds them. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A decoded image at some size. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  /** The size of the image as decoded, before any scaling (EXIF orientation applied). */
  readonly original: { width: number; height: number };
  /** RGBA pixels of a region (the whole image by default). */
  pixels(x?: number, y?: number, width?: number, height?: number): Pixels;
  /** Writes pixels back at (x, y). */
  put(pixels: Pixels, x: number, y: number): void;
  /** A copy whose longer side is at most `maxSide` pixels (itself when already that small). */
  scaled(maxSide: number): Raster;
  /** Encoded anew: a plain file with no metadata at all (no EXIF, GPS, ICC comments). */
  encode(type: 'image/jpeg' | 'image/png', quality?: number): Promise<Uint8Array>;
  /** The image as the OCR engine on this platform takes it. */
  ocrInput(): Promise<Blob | Buffer>;
}

export type FaceApiModule = typeof FaceApi;

/** The parts of TensorFlow.js the runtimes call that face-api's type declarations leave out. */
export interface TfBackends {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  env(): { set(flag: string, value: unknown): void };
}

export interface ImageRuntime {
  /** Decodes an image file (honouring its EXIF orientation), scaled down to `maxSide` if given. */
  decode(bytes: Uint8Array, maxSide?: number): Promise<Raster>;
  /** face-api with its TensorFlow backend ready (WebAssembly on both platforms). */
  faceApi(): Promise<FaceApiModule>;
  /** A model file shipped with face-api (weights manifest or shard), by file name. */
  modelFile(name: string): Promise<ArrayBuffer>;
  /** A Tesseract worker for English, loaded from local files only. */
  ocrWorker(): Promise<OcrWorker>;
}
