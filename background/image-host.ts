/**
 * The background's side of image requests: it hands them to where the models run. Chrome's
 * service worker cannot start Tesseract's worker or hold the models across its restarts, so
 * there they go to an offscreen document (created on the first image, kept after); Firefox's
 * background page runs them itself.
 */
import { browser } from 'wxt/browser';
import type { ImagePart, ImageRequest } from '../protocol/messages';
import { Uploads } from './uploads';

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

const uploads = new Uploads();

export function receiveImagePart(message: ImagePart): void {
  uploads.receive(message);
}

/** The request with its image whole again, however it was sent. */
export function assembled(request: ImageRequest): ImageRequest {
  return uploads.assembled(request);
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
