import { IMAGE_PART, type ImagePart, type ImageRequest } from '../protocol/messages';

/**
 * Large images arrive from the content script in parts (ImagePart) ahead of the request that
 * names their upload. What one page can make the worker hold is bounded: a part is at most
 * IMAGE_PART characters, an upload at most MAX_UPLOAD_PARTS parts (a 48 MiB data: URL, past any
 * photo a site takes), and at most MAX_UPLOADS are open at once; one left unclaimed is dropped
 * after a minute.
 */
export const MAX_UPLOAD_PARTS = 48;
export const MAX_UPLOADS = 8;
const UPLOAD_LIFETIME_MS = 60_000;

export class Uploads {
  private readonly open = new Map<string, { parts: string[]; timer: ReturnType<typeof setTimeout> }>();

  /** Keeps one part; throws (the sender sees the error) when a cap is passed. */
  receive(message: ImagePart): void {
    if (message.part.length > IMAGE_PART) throw new Error(`an image part is longer than ${IMAGE_PART} characters`);
    let upload = this.open.get(message.upload);
    if (!upload) {
      if (this.open.size >= MAX_UPLOADS) throw new Error(`more than ${MAX_UPLOADS} images are being sent at once`);
      upload = { parts: [], timer: setTimeout(() => this.open.delete(message.upload), UPLOAD_LIFETIME_MS) };
      this.open.set(message.upload, upload);
    }
    if (upload.parts.length >= MAX_UPLOAD_PARTS) {
      this.drop(message.upload);
      throw new Error(`the image is larger than ${MAX_UPLOAD_PARTS} parts of ${IMAGE_PART} characters`);
    }
    upload.parts.push(message.part);
  }

  /** The request with its image whole again, however it was sent. */
  assembled(request: ImageRequest): ImageRequest {
    if (request.upload === undefined) return request;
    const upload = this.open.get(request.upload);
    if (!upload) throw new Error('the image did not arrive whole; attach it again');
    this.drop(request.upload);
    const { upload: _, ...rest } = request;
    return { ...rest, image: upload.parts.join('') };
  }

  private drop(id: string): void {
    clearTimeout(this.open.get(id)?.timer);
    this.open.delete(id);
  }
}
