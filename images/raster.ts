import type { Pixels, Raster } from './types';

/** The 2D context calls both platforms' canvases share (OffscreenCanvas, @napi-rs/canvas). */
interface PixelContext {
  getImageData(x: number, y: number, width: number, height: number): Pixels;
}

/** The size of an image of width x height scaled down to fit within maxSide (as it is when no maxSide, or already smaller). */
export function fitWithin(width: number, height: number, maxSide: number | undefined): { width: number; height: number } {
  return scaledBy(width, height, maxSide ? Math.min(1, maxSide / Math.max(width, height)) : 1);
}

function scaledBy(width: number, height: number, factor: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}

/**
 * A Raster on a canvas: what is the same on both platforms (size, reading pixels, scaling down).
 * browser.ts and node.ts say how their canvas is made, written back to and encoded.
 */
export abstract class CanvasRaster<C extends { width: number; height: number }> implements Raster {
  protected abstract readonly ctx: PixelContext;

  constructor(
    protected readonly canvas: C,
    readonly original: { width: number; height: number },
  ) {}

  get width() {
    return this.canvas.width;
  }
  get height() {
    return this.canvas.height;
  }
  pixels(x = 0, y = 0, width = this.width, height = this.height): Pixels {
    const image = this.ctx.getImageData(x, y, width, height);
    return { width: image.width, height: image.height, data: image.data };
  }
  scaled(maxSide: number): Raster {
    const factor = maxSide / Math.max(this.width, this.height);
    if (factor >= 1) return this;
    const size = scaledBy(this.width, this.height, factor);
    return this.resized(size.width, size.height);
  }
  /** A copy of the image drawn at this size. */
  protected abstract resized(width: number, height: number): Raster;
  abstract put(pixels: Pixels, x: number, y: number): void;
  abstract encode(type: 'image/jpeg' | 'image/png', quality?: number): Promise<Uint8Array>;
  abstract ocrInput(): Promise<Blob | Buffer>;
}
