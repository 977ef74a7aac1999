/**
 * Finding the configured logo in a photo: normalised cross-correlation of grey levels, over a
 * range of sizes (the logo from 8% to 62% of the photo's width), coarse first (the logo drawn
 * 24 pixels wide, every other position) and then checked at up to twice that size around the
 * best place. Transparent parts of the logo are left out of the comparison, so a logo on any
 * background matches. Pure JavaScript over pixels: the same in the extension and in Node.
 */
import type { Box } from '../rules/engine/types';
import type { Pixels } from './types';

// Sizes 12% apart: correlation at 24 pixels tolerates about 6% of scale error either way.
const SCALES = Array.from({ length: 19 }, (_, i) => 0.08 * 1.12 ** i);
const COARSE = 24;
const FINE = 48;
/** Correlation a coarse candidate needs, and the finer check after it. */
const COARSE_MIN = 0.6;
const FINE_MIN = 0.8;

interface Grey {
  width: number;
  height: number;
  v: Float32Array;
  /** 1 where the pixel counts (opaque), 0 where it is transparent. */
  mask?: Uint8Array;
}

/** Area-averaged grey copy at a new size (each output pixel averages the source pixels it covers). */
function greyAt(p: Pixels, width: number, height: number, withMask: boolean): Grey {
  const v = new Float32Array(width * height);
  const mask = withMask ? new Uint8Array(width * height) : undefined;
  const sx = p.width / width;
  const sy = p.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let sum = 0;
      let alpha = 0;
      let n = 0;
      for (let yy = y0; yy < y1; yy++)
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * p.width + xx) * 4;
          const a = p.data[i + 3]!;
          sum += (0.299 * p.data[i]! + 0.587 * p.data[i + 1]! + 0.114 * p.data[i + 2]!) * a;
          alpha += a;
          n++;
        }
      v[y * width + x] = alpha > 0 ? sum / alpha : 0;
      if (mask) mask[y * width + x] = alpha / n > 128 ? 1 : 0;
    }
  }
  return { width, height, v, mask };
}

/** The template's masked values, centred, and their norm. */
function prepare(t: Grey): { idx: Int32Array; centred: Float32Array; norm: number } | null {
  const keep: number[] = [];
  for (let i = 0; i < t.v.length; i++) if (!t.mask || t.mask[i]) keep.push(i);
  if (keep.length < 16) return null;
  const mean = keep.reduce((s, i) => s + t.v[i]!, 0) / keep.length;
  const centred = new Float32Array(keep.length);
  let norm = 0;
  keep.forEach((i, k) => {
    centred[k] = t.v[i]! - mean;
    norm += centred[k]! * centred[k]!;
  });
  if (norm < 1e-3 * keep.length) return null; // a blank logo matches nothing
  // Offsets into the template, as (row, column) packed for the image's stride later.
  const idx = new Int32Array(keep.length * 2);
  keep.forEach((i, k) => {
    idx[2 * k] = Math.floor(i / t.width);
    idx[2 * k + 1] = i % t.width;
  });
  return { idx, centred, norm: Math.sqrt(norm) };
}

function ncc(img: Grey, tpl: NonNullable<ReturnType<typeof prepare>>, x: number, y: number): number {
  const n = tpl.centred.length;
  let sum = 0;
  let sumSq = 0;
  let cross = 0;
  for (let k = 0; k < n; k++) {
    const v = img.v[(y + tpl.idx[2 * k]!) * img.width + x + tpl.idx[2 * k + 1]!]!;
    sum += v;
    sumSq += v * v;
    cross += v * tpl.centred[k]!;
  }
  const variance = sumSq - (sum * sum) / n;
  if (variance <= 1e-6) return 0;
  // Σ(t - t̄)(v - v̄) = Σ(t - t̄)v, since Σ(t - t̄) = 0.
  return cross / (tpl.norm * Math.sqrt(variance));
}

function best(img: Grey, tpl: NonNullable<ReturnType<typeof prepare>>, tw: number, th: number, step: number, around?: { x: number; y: number; r: number }) {
  let top = { score: -1, x: 0, y: 0 };
  const x0 = around ? Math.max(0, around.x - around.r) : 0;
  const y0 = around ? Math.max(0, around.y - around.r) : 0;
  const x1 = around ? Math.min(img.width - tw, around.x + around.r) : img.width - tw;
  const y1 = around ? Math.min(img.height - th, around.y + around.r) : img.height - th;
  for (let y = y0; y <= y1; y += step)
    for (let x = x0; x <= x1; x += step) {
      const s = ncc(img, tpl, x, y);
      if (s > top.score) top = { score: s, x, y };
    }
  return top;
}

/** Where the logo is in the photo, or null. */
export function findLogo(photo: Pixels, logo: Pixels): { box: Box; score: number } | null {
  const aspect = logo.height / logo.width;
  let found: { box: Box; score: number } | null = null;
  for (const scale of SCALES) {
    // Size the photo so the logo at this scale is COARSE pixels wide.
    const width = Math.round(COARSE / scale);
    const height = Math.round((width * photo.height) / photo.width);
    const th = Math.max(4, Math.round(COARSE * aspect));
    if (width > photo.width || th >= height) continue;
    const tpl = prepare(greyAt(logo, COARSE, th, true));
    if (!tpl) return null;
    const coarse = best(greyAt(photo, width, height, false), tpl, COARSE, th, 2);
    if (coarse.score < COARSE_MIN) continue;
    // Check at twice the size around the candidate (or at the photo's own size, if smaller), at
    // the scale and a little either side of it: at 48 pixels a 5% error in size already costs
    // the correlation. Only a match that holds up there counts.
    const fw = Math.min(photo.width, Math.round(FINE / scale));
    const fh = Math.round((fw * photo.height) / photo.width);
    const fine = greyAt(photo, fw, fh, false);
    for (const nudge of [1 / 1.05, 1, 1.05]) {
      const ftw = Math.round(fw * scale * nudge);
      const fth = Math.max(8, Math.round(ftw * aspect));
      if (ftw < COARSE || ftw >= fw || fth >= fh) continue;
      const fineTpl = prepare(greyAt(logo, ftw, fth, true));
      if (!fineTpl) continue;
      const at = best(fine, fineTpl, ftw, fth, 1, { x: Math.round((coarse.x * fw) / width), y: Math.round((coarse.y * fh) / height), r: 3 });
      if (at.score >= FINE_MIN && (!found || at.score > found.score))
        found = { box: { x: at.x / fw, y: at.y / fh, w: ftw / fw, h: fth / fh }, score: at.score };
    }
  }
  return found;
}
