/**
 * The image analyser: reads one attached image and reports what the image rules need (GPS in
 * its metadata, faces and their ages, text and where it is, the configured logo), and makes
 * the safe copy (faces and names blurred, re-encoded with no metadata). Models load once, on
 * first use; a model that fails to load is reported in the analysis (`errors`), never skipped
 * silently. Face detection and OCR run at the same time (OCR in Tesseract's own worker).
 */
import type { Box, ImageAnalysis } from '../rules/engine/types';
import type { ImageRuntime, Pixels } from './types';
import { readGps } from './metadata';
import { loadFaceFinder, type FaceFinder } from './faces';
import { OCR_SIDE, loadTextReader, type TextReader } from './ocr';
import { findLogo } from './logo';
import { obscure } from './blur';
import { dataUrlBytes } from './data-url';

/** Longest side of the thumbnail the card shows. */
export const THUMBNAIL_SIDE = 320;
/** The logo is looked for in a copy of this size: the smallest logo (8% of the width) is then
 * about 50 pixels wide, enough for the finer check of logo.ts. */
const LOGO_SIDE = 640;

export interface AnalyseOptions {
  /** The file name as attached (findings quote it). */
  name: string;
  /** The configured logo, as a data: URL (settings.logo). */
  logo?: string;
  /** Also return a small JPEG of the image, for the card. */
  thumbnail?: boolean;
}

export interface Timings {
  metadata: number;
  decode: number;
  faces: number;
  text: number;
  logo: number;
  total: number;
}

export interface AnalysisResult {
  analysis: ImageAnalysis;
  timings: Timings;
  thumbnail?: Uint8Array;
}

/**
 * How long a model may take to load, and a step to run, before the image is reported as not
 * checked: a model whose WebAssembly cannot start (a worker that aborts, a blocked file) may
 * never settle its promise, and an image must never stay "being checked" forever.
 */
export const LOAD_LIMIT_MS = 60_000;
export const STEP_LIMIT_MS = 60_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function timed<T>(run: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const start = performance.now();
  try {
    return { value: await run(), ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

export class ImageAnalyser {
  private faces: Promise<FaceFinder> | null = null;
  private text: Promise<TextReader> | null = null;
  private logo: { url: string; pixels: Promise<Pixels> } | null = null;

  constructor(private readonly runtime: ImageRuntime) {}

  /** Loads the models now rather than on the first image (e.g. while the user writes). */
  warmUp(): Promise<void> {
    return Promise.allSettled([this.faceFinder(), this.textReader()]).then(() => undefined);
  }

  // A model that failed to load is tried again on the next image rather than kept broken.
  private faceFinder(): Promise<FaceFinder> {
    this.faces ??= within(loadFaceFinder(this.runtime), LOAD_LIMIT_MS, 'loading the face model').catch((error: unknown) => {
      this.faces = null;
      throw error;
    });
    return this.faces;
  }

  private textReader(): Promise<TextReader> {
    this.text ??= within(loadTextReader(this.runtime), LOAD_LIMIT_MS, 'loading the text reader').catch((error: unknown) => {
      this.text = null;
      throw error;
    });
    return this.text;
  }

  private logoPixels(url: string): Promise<Pixels> {
    if (this.logo?.url !== url) {
      const pixels = this.runtime.decode(dataUrlBytes(url), LOGO_SIDE).then((r) => r.pixels());
      this.logo = { url, pixels };
    }
    return this.logo.pixels;
  }

  async analyse(bytes: Uint8Array, options: AnalyseOptions): Promise<AnalysisResult> {
    const start = performance.now();
    const analysis: ImageAnalysis = { name: options.name, width: 0, height: 0, gps: null, faces: [], lines: [], logo: null, errors: [] };
    const timings: Timings = { metadata: 0, decode: 0, faces: 0, text: 0, logo: 0, total: 0 };
    const [gps, decoded] = await Promise.all([timed(() => readGps(bytes)), timed(() => this.runtime.decode(bytes, OCR_SIDE))]);
    timings.metadata = gps.ms;
    timings.decode = decoded.ms;
    if (gps.error) analysis.errors.push({ step: 'metadata', message: message(gps.error) });
    analysis.gps = gps.value ?? null;
    const raster = decoded.value;
    if (!raster) {
      analysis.errors.push({ step: 'decode', message: `the image could not be read: ${message(decoded.error)}` });
      timings.total = performance.now() - start;
      return { analysis, timings };
    }
    analysis.width = raster.original.width;
    analysis.height = raster.original.height;
    const [faces, text, logo, thumbnail] = await Promise.all([
      timed(async () => within((await this.faceFinder()).find(raster), STEP_LIMIT_MS, 'finding faces')),
      timed(async () => within((await this.textReader()).read(raster), STEP_LIMIT_MS, 'reading text')),
      options.logo ? timed(async () => findLogo(raster.scaled(LOGO_SIDE).pixels(), await this.logoPixels(options.logo!))) : Promise.resolve(null),
      options.thumbnail ? raster.scaled(THUMBNAIL_SIDE).encode('image/jpeg', 0.8) : Promise.resolve(undefined),
    ]);
    timings.faces = faces.ms;
    timings.text = text.ms;
    if (faces.error) analysis.errors.push({ step: 'faces', message: `the face model could not run: ${message(faces.error)}` });
    else analysis.faces = faces.value ?? [];
    if (text.error) analysis.errors.push({ step: 'text', message: `the text reader could not run: ${message(text.error)}` });
    else analysis.lines = text.value ?? [];
    if (logo) {
      timings.logo = logo.ms;
      if (logo.error) analysis.errors.push({ step: 'logo', message: `the logo could not be matched: ${message(logo.error)}` });
      else analysis.logo = logo.value ?? null;
    }
    timings.total = performance.now() - start;
    return { analysis, timings, ...(thumbnail ? { thumbnail } : {}) };
  }

  /**
   * The safe copy: the regions blurred, at full size, encoded anew so that no metadata (EXIF,
   * GPS, camera, comments) survives. PNG stays PNG (screenshots, graphics); the rest is JPEG.
   */
  async safeCopy(bytes: Uint8Array, boxes: readonly Box[], type: string): Promise<{ bytes: Uint8Array; type: 'image/png' | 'image/jpeg' }> {
    const raster = await this.runtime.decode(bytes);
    obscure(raster, boxes);
    const out = type === 'image/png' ? 'image/png' : 'image/jpeg';
    return { bytes: await raster.encode(out, 0.92), type: out };
  }

  async close(): Promise<void> {
    const reader = this.text;
    this.text = null;
    if (reader) await reader.then((r) => r.close()).catch(() => undefined);
  }
}
