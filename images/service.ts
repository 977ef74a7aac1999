/**
 * The image service, where the models run in the extension: the offscreen document in Chrome
 * (entrypoints/offscreen), the background page in Firefox. One analyser for the document's
 * life, so each model loads once.
 */
import type { ImageAnalyser } from './analyse';
import { dataUrlBytes, dataUrlType } from './data-url';
import type { AnalyseImageResult, ImageRequest, SafeCopyResult } from '../protocol/messages';

const toDataUrl = (bytes: Uint8Array, type: string) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not encode the image'));
    reader.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  });

export async function handleImageRequest(analyser: ImageAnalyser, request: ImageRequest): Promise<AnalyseImageResult | SafeCopyResult> {
  const bytes = dataUrlBytes(request.image);
  if (request.type === 'image-safe-copy') {
    const type = dataUrlType(request.image) === 'image/png' ? 'image/png' : 'image/jpeg';
    const copy = await analyser.safeCopy(bytes, request.boxes, type);
    return { image: await toDataUrl(copy.bytes, copy.type), type: copy.type };
  }
  const { analysis, timings, thumbnail } = await analyser.analyse(bytes, {
    name: request.name,
    thumbnail: true,
    ...(request.logo ? { logo: request.logo } : {}),
  });
  return { analysis, timings, thumbnail: thumbnail ? await toDataUrl(thumbnail, 'image/jpeg') : null };
}
