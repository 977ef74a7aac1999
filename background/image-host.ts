/**
 * The background's side of image requests: it hands them to where the models run. Chrome's
 * service worker cannot start Tesseract's worker or hold the models across its restarts, so
 * there they go to an offscreen document (created on the first image, kept after); Firefox's
 * background page runs them itself.
 */
import { browser } from 'wxt/browser';
import type { ImagePart, ImageRequest } from '../protocol/messages';

/** Chrome's offscreen API (not in the polyfill's types). */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
declare const chrome: { offscreen?: OffscreenApi; runtime: { getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]> } };

const OFFSCREEN_URL = 'offscreen.html';
let creating: Promise<void> | null = null;

async function offscreenReady(): Promise<void> {
  const offscreen = chrome.offscreen;
  if (!offscreen) throw new Error('this browser has no offscreen documents');
  const existing = await chrome.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (existing && existing.length > 0) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      // WORKERS: Tesseract reads text in a Web Worker, which service workers cannot start.
      reasons: ['WORKERS'],
      justification: 'Checks attached images (faces, names, logo) on this computer, with models shipped in the extension.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/** Images arriving in parts (ImagePart), by upload id; one left unclaimed is dropped after a minute. */
const uploads = new Map<string, { parts: string[]; timer: ReturnType<typeof setTimeout> }>();
const UPLOAD_LIFETIME_MS = 60_000;

export function receiveImagePart(message: ImagePart): void {
  let upload = uploads.get(message.upload);
  if (!upload) {
    upload = { parts: [], timer: setTimeout(() => uploads.delete(message.upload), UPLOAD_LIFETIME_MS) };
    uploads.set(message.upload, upload);
  }
  upload.parts.push(message.part);
}

/** The request with its image whole again, however it was sent. */
export function assembled(request: ImageRequest): ImageRequest {
  if (request.upload === undefined) return request;
  const upload = uploads.get(request.upload);
  if (!upload) throw new Error('the image did not arrive whole; attach it again');
  uploads.delete(request.upload);
  clearTimeout(upload.timer);
  const { upload: _, ...rest } = request;
  return { ...rest, image: upload.parts.join('') };
}

export async function answerImageRequest(message: ImageRequest): Promise<unknown> {
  const request = assembled(message);
  if (import.meta.env.FIREFOX) {
    const [{ handleImageRequest }, { browserAnalyser }] = await Promise.all([import('../images/service'), import('../images/browser')]);
    return handleImageRequest(browserAnalyser(), request);
  }
  await offscreenReady();
  return browser.runtime.sendMessage({ ...request, target: 'offscreen' });
}
