/**
 * Messages about attached images, between the content script, the background worker and the
 * image service (the offscreen document in Chrome, the background page in Firefox). Images
 * travel as data: URLs: extension messaging carries JSON only.
 */
import type { Box, ImageAnalysis } from '../rules/engine/types';
import type { Timings } from './analyse';

/** Content script -> background -> image service: analyse one attached image. */
export interface AnalyseImageRequest {
  type: 'image-analyse';
  /** The image file as a data: URL. */
  image: string;
  name: string;
  /** settings.logo, when configured (a data: URL). */
  logo?: string;
  /** Set instead of `image` when the image came ahead in parts (ImagePart). */
  upload?: string;
  /** Set by the background when it forwards the request to the offscreen document. */
  target?: 'offscreen';
}

export interface AnalyseImageResult {
  analysis: ImageAnalysis;
  timings: Timings;
  /** A small JPEG of the image, for the card (data: URL). */
  thumbnail: string | null;
}

/** Content script -> background -> image service: the safe copy of an image. */
export interface SafeCopyRequest {
  type: 'image-safe-copy';
  image: string;
  /** Regions to blur (faces, names), as fractions of the image. */
  boxes: Box[];
  upload?: string;
  target?: 'offscreen';
}

/**
 * Content script -> background: one part of a large image's data: URL, sent ahead of the request
 * that names its `upload`. A photo from a phone is a data: URL of 5 to 20 MB, and the page's main
 * thread copies a message whole when it sends it: in parts of IMAGE_PART characters, no copy
 * is long enough to hold up the page (a long task is 50 ms).
 */
export interface ImagePart {
  type: 'image-part';
  upload: string;
  part: string;
}

export const IMAGE_PART = 1 << 20;

export function isImagePart(message: unknown): message is ImagePart {
  const m = message as Partial<ImagePart> | null;
  return m?.type === 'image-part' && typeof m.upload === 'string' && typeof m.part === 'string';
}

export interface SafeCopyResult {
  /** The copy, blurred and with no metadata, as a data: URL. */
  image: string;
  type: 'image/jpeg' | 'image/png';
}

export type ImageRequest = AnalyseImageRequest | SafeCopyRequest;

export function isImageRequest(message: unknown): message is ImageRequest {
  const m = message as Partial<ImageRequest> | null;
  return (m?.type === 'image-analyse' || m?.type === 'image-safe-copy') && typeof m.image === 'string';
}

export function isAnalyseImageResult(value: unknown): value is AnalyseImageResult {
  const r = value as Partial<AnalyseImageResult> | null;
  return typeof r?.analysis === 'object' && r.analysis !== null && Array.isArray(r.analysis.faces);
}

export function isSafeCopyResult(value: unknown): value is SafeCopyResult {
  const r = value as Partial<SafeCopyResult> | null;
  return typeof r?.image === 'string' && (r.type === 'image/jpeg' || r.type === 'image/png');
}
