/**
 * The images the image tests, the browser test and the benchmark attach, drawn here with
 * @napi-rs/canvas (so every one is known exactly: what is in it, where, and what metadata it
 * has) or taken from the demo photographs that @vladmandic/face-api ships.
 */
import { createCanvas, GlobalFonts, loadImage, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import piexif from 'piexifjs';
import type { Box } from '../../rules/engine/types';

const require = createRequire(import.meta.url);
const DEMO = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

/** A demo photograph (groups of 1 to 6 adults; every one carries GPS in its EXIF). */
export const demoPhoto = (n: 1 | 2 | 3 | 4 | 5 | 6): Uint8Array => new Uint8Array(readFileSync(join(DEMO, `sample${n}.jpg`)));

// Fonts from Debian's packages (fonts-dejavu-core, and fonts-liberation, which the browser
// setup installs): the certificates need real letterforms for OCR to read.
const FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf'];
let fontsReady = false;
function fonts(): void {
  if (fontsReady) return;
  const found = FONTS.filter((f) => existsSync(f));
  if (found.length === 0) throw new Error('no TrueType font found: install fonts-dejavu-core or fonts-liberation (apt-get install)');
  for (const f of found) GlobalFonts.registerFromPath(f, f.includes('Serif') ? 'Fixture Serif' : 'Fixture Sans');
  fontsReady = true;
}

const jpeg = async (canvas: Canvas) => new Uint8Array(await canvas.encode('jpeg', 90));
const png = async (canvas: Canvas) => new Uint8Array(await canvas.encode('png'));

/** A landscape with no people and no text: sky, hills, a tree. */
function drawLandscape(g: SKRSContext2D, width: number, height: number): void {
  const sky = g.createLinearGradient(0, 0, 0, height * 0.6);
  sky.addColorStop(0, '#7fb2e5');
  sky.addColorStop(1, '#d9ecf7');
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#5d8a3a';
  g.beginPath();
  g.moveTo(0, height * 0.62);
  g.bezierCurveTo(width * 0.3, height * 0.5, width * 0.6, height * 0.72, width, height * 0.58);
  g.lineTo(width, height);
  g.lineTo(0, height);
  g.fill();
  g.fillStyle = '#6b4423';
  g.fillRect(width * 0.7, height * 0.42, width * 0.025, height * 0.2);
  g.fillStyle = '#2f6b2a';
  g.beginPath();
  g.arc(width * 0.712, height * 0.4, width * 0.07, 0, Math.PI * 2);
  g.fill();
}

export async function landscape(width = 1200, height = 800): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  drawLandscape(canvas.getContext('2d'), width, height);
  return jpeg(canvas);
}

/** A flat graphic (PNG): coloured shapes, no text, no faces. */
export async function graphic(): Promise<Uint8Array> {
  const canvas = createCanvas(800, 600);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fef3c7';
  g.fillRect(0, 0, 800, 600);
  const colours = ['#ef4444', '#3b82f6', '#10b981', '#f59e0b'];
  colours.forEach((c, i) => {
    g.fillStyle = c;
    g.beginPath();
    g.arc(150 + i * 170, 300 + (i % 2) * 60, 70, 0, Math.PI * 2);
    g.fill();
  });
  return png(canvas);
}

/** A JPEG with GPS written into its EXIF (piexifjs), as a phone camera writes it. */
export async function withGps(bytes: Uint8Array, latitude: number, longitude: number): Promise<Uint8Array> {
  const gps: Record<number, unknown> = {
    [piexif.GPSIFD.GPSLatitudeRef!]: latitude >= 0 ? 'N' : 'S',
    [piexif.GPSIFD.GPSLatitude!]: piexif.GPSHelper.degToDmsRational(Math.abs(latitude)),
    [piexif.GPSIFD.GPSLongitudeRef!]: longitude >= 0 ? 'E' : 'W',
    [piexif.GPSIFD.GPSLongitude!]: piexif.GPSHelper.degToDmsRational(Math.abs(longitude)),
  };
  const binary = piexif.insert(piexif.dump({ '0th': {}, Exif: {}, GPS: gps }), Buffer.from(bytes).toString('binary'));
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

export interface Certificate {
  bytes: Uint8Array;
  /** Where the name was drawn, as fractions of the image. */
  nameBox: Box;
}

/** A certificate as schools print them, with `name` in large letters and the school at the foot. */
export async function certificate(name: string | null, options: { school?: string; signedBy?: string } = {}): Promise<Certificate> {
  fonts();
  const W = 1200;
  const H = 850;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fffbe8';
  g.fillRect(0, 0, W, H);
  g.strokeStyle = '#b8860b';
  g.lineWidth = 14;
  g.strokeRect(30, 30, W - 60, H - 60);
  g.fillStyle = '#1f2937';
  g.textAlign = 'center';
  g.font = 'bold 60px "Fixture Serif"';
  g.fillText('Certificate of Achievement', W / 2, 180);
  g.font = '36px "Fixture Sans"';
  g.fillText(name ? 'This certificate is awarded to' : 'Awarded for outstanding effort', W / 2, 290);
  let nameBox: Box = { x: 0, y: 0, w: 0, h: 0 };
  if (name) {
    g.font = 'bold 80px "Fixture Serif"';
    g.fillText(name, W / 2, 420);
    const m = g.measureText(name);
    nameBox = { x: (W / 2 - m.width / 2) / W, y: (420 - 62) / H, w: m.width / W, h: 82 / H };
  }
  g.font = '36px "Fixture Sans"';
  g.fillText('for outstanding effort in reading', W / 2, 520);
  g.font = '30px "Fixture Sans"';
  if (options.signedBy) g.fillText(options.signedBy, W / 2, 640);
  if (options.school) g.fillText(options.school, W / 2, 720);
  return { bytes: await png(canvas), nameBox };
}

/** A logo with a transparent background: a shield with a star and a chevron, two colours. */
export async function logo(size = 256): Promise<Uint8Array> {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const s = size / 256;
  g.fillStyle = '#14336b';
  g.beginPath();
  g.moveTo(28 * s, 20 * s);
  g.lineTo(228 * s, 20 * s);
  g.lineTo(228 * s, 130 * s);
  g.quadraticCurveTo(228 * s, 210 * s, 128 * s, 246 * s);
  g.quadraticCurveTo(28 * s, 210 * s, 28 * s, 130 * s);
  g.closePath();
  g.fill();
  g.fillStyle = '#f2c230';
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = (i % 2 ? 26 : 62) * s;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    g.lineTo(128 * s + r * Math.cos(a), 100 * s + r * Math.sin(a));
  }
  g.closePath();
  g.fill();
  g.strokeStyle = '#f2c230';
  g.lineWidth = 14 * s;
  g.beginPath();
  g.moveTo(62 * s, 176 * s);
  g.lineTo(128 * s, 214 * s);
  g.lineTo(194 * s, 176 * s);
  g.stroke();
  return png(canvas);
}

/** A photo (the landscape) with the logo on it, `fraction` of the photo's width, at (x, y). */
export async function photoWithLogo(fraction = 0.2, at = { x: 0.12, y: 0.15 }): Promise<{ bytes: Uint8Array; logoBox: Box }> {
  const W = 1200;
  const H = 800;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  drawLandscape(g, W, H);
  const mark = await loadImage(Buffer.from(await logo()));
  const side = W * fraction;
  g.drawImage(mark, at.x * W, at.y * H, side, side);
  return { bytes: await jpeg(canvas), logoBox: { x: at.x, y: at.y, w: side / W, h: side / H } };
}

/** One adult's face: a crop of a demo photograph around one person, re-encoded (no metadata). */
export async function oneAdult(): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(demoPhoto(1)));
  // sample1.jpg: the woman on the right, her head and shoulders.
  const crop = { x: 1250, y: 80, w: 600, h: 700 };
  const canvas = createCanvas(crop.w, crop.h);
  canvas.getContext('2d').drawImage(image, crop.x, crop.y, crop.w, crop.h, 0, 0, crop.w, crop.h);
  return jpeg(canvas);
}

/** A 12-megapixel photo (4000 x 3000): a demo photograph scaled up, as a phone would take it. */
export async function twelveMegapixels(): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(demoPhoto(3)));
  const canvas = createCanvas(4000, 3000);
  canvas.getContext('2d').drawImage(image, 0, 0, 4000, 3000);
  return withGps(await jpeg(canvas), 51.5007, -0.1246);
}

/** Whether two boxes overlap by at least half of the smaller one. */
export function overlaps(a: Box, b: Box): boolean {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return false;
  return w * h >= 0.5 * Math.min(a.w * a.h, b.w * b.h);
}
