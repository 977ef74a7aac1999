/**
 * Text in the image, by Tesseract (tesseract.js, its WebAssembly core and the English LSTM
 * model shipped locally). Words come back with their boxes; noise that OCR reads into photos
 * ("i ., |", "BE 'Bet") has low confidence or no letters and is dropped here.
 */
import type { ImageWord } from '../rules/engine/types';
import type { Worker as OcrWorker } from 'tesseract.js';
import type { ImageRuntime, Raster } from './types';

/** Text is read from a copy of this size: big enough for certificate and badge lettering, and well under a second. */
export const OCR_SIDE = 1024;
const MIN_CONFIDENCE = 60;

interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TesseractBlock {
  paragraphs: { lines: { words: TesseractWord[] }[] }[];
}

/**
 * Tesseract prints its diagnostics ("Image too small to scale!!") to standard output, where
 * they would corrupt the CLI's JSON; its debug file takes them instead.
 */
export async function quiet(worker: OcrWorker): Promise<void> {
  await worker.setParameters({ debug_file: '/dev/null' } as Parameters<OcrWorker['setParameters']>[0]);
}

export interface TextReader {
  read(raster: Raster): Promise<ImageWord[][]>;
  close(): Promise<void>;
}

export async function loadTextReader(runtime: ImageRuntime): Promise<TextReader> {
  const worker = await runtime.ocrWorker();
  return {
    async read(raster) {
      const image = raster.scaled(OCR_SIDE);
      const { data } = await worker.recognize(await image.ocrInput(), {}, { blocks: true, text: false });
      const lines: ImageWord[][] = [];
      for (const block of (data.blocks ?? []) as TesseractBlock[])
        for (const paragraph of block.paragraphs)
          for (const line of paragraph.lines) {
            const words = line.words
              .filter((w) => w.confidence >= MIN_CONFIDENCE && /\p{L}{2}/u.test(w.text))
              .map((w) => ({
                text: w.text,
                confidence: w.confidence,
                box: {
                  x: w.bbox.x0 / image.width,
                  y: w.bbox.y0 / image.height,
                  w: (w.bbox.x1 - w.bbox.x0) / image.width,
                  h: (w.bbox.y1 - w.bbox.y0) / image.height,
                },
              }));
            if (words.length) lines.push(words);
          }
      return lines;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
