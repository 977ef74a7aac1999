/**
 * The safe copy's blurring: each region (a face, a name) is pixelated into coarse blocks, which,
 * unlike a light Gaussian blur, cannot be sharpened back into a recognisable face or name.
 */
import type { Box } from '../rules/engine/types';
import type { Raster } from './types';

/** Regions grow by this fraction on each side, so hair, chins and descenders are covered. */
const MARGIN = 0.15;

/** A box in fractions, grown by the margin, as whole pixels inside the image. */
export function pixelBox(box: Box, width: number, height: number): { x: number; y: number; w: number; h: number } {
  const x0 = Math.max(0, Math.floor((box.x - box.w * MARGIN) * width));
  const y0 = Math.max(0, Math.floor((box.y - box.h * MARGIN) * height));
  const x1 = Math.min(width, Math.ceil((box.x + box.w * (1 + MARGIN)) * width));
  const y1 = Math.min(height, Math.ceil((box.y + box.h * (1 + MARGIN)) * height));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** Pixelates each region in place: blocks of a quarter of the region's shorter side, coarse enough
 * that neither a face detector nor OCR finds anything in it any more. */
export function obscure(raster: Raster, boxes: readonly Box[]): void {
  for (const box of boxes) {
    const r = pixelBox(box, raster.width, raster.height);
    if (r.w === 0 || r.h === 0) continue;
    const region = raster.pixels(r.x, r.y, r.w, r.h);
    const block = Math.max(6, Math.round(Math.min(r.w, r.h) / 4));
    const d = region.data;
    for (let by = 0; by < r.h; by += block)
      for (let bx = 0; bx < r.w; bx += block) {
        const ye = Math.min(r.h, by + block);
        const xe = Math.min(r.w, bx + block);
        let red = 0;
        let green = 0;
        let blue = 0;
        let n = 0;
        for (let y = by; y < ye; y++)
          for (let x = bx; x < xe; x++) {
            const i = (y * r.w + x) * 4;
            red += d[i]!;
            green += d[i + 1]!;
            blue += d[i + 2]!;
            n++;
          }
        for (let y = by; y < ye; y++)
          for (let x = bx; x < xe; x++) {
            const i = (y * r.w + x) * 4;
            d[i] = red / n;
            d[i + 1] = green / n;
            d[i + 2] = blue / n;
          }
      }
    raster.put(region, r.x, r.y);
  }
}
