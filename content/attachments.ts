/**
 * Images attached to a post: picked in the site's file input, dropped on the composer, or
 * pasted into it. Each is read here (FileReader, off the main thread) and sent to the image
 * service (background/image-host.ts) to be analysed off the page; the analyses join the composer's
 * check, so the image rules' findings come back with the text's. This module also makes the
 * safe copy (faces and names blurred, no metadata) for the card's Download and Swap buttons.
 */
import { browser } from 'wxt/browser';
import type { Lifetime } from './lifetime';
import type { Box, Finding, ImageAnalysis } from '../rules/engine/types';
import { ruleFacts } from '../rules/engine/facts';
import { dataUrlBytes } from '../images/data-url';
import {
  IMAGE_PART,
  isAnalyseImageResult,
  isSafeCopyResult,
  type AnalyseImageRequest,
  type AttachmentStatus,
  type ImagePart,
  type ImageRequest,
  type SafeCopyRequest,
} from '../protocol/messages';
import type { ComposerSession } from './session';

export interface Attachment {
  readonly name: string;
  readonly type: string;
  /** The file as attached, as a data: URL (what the image service reads). */
  readonly data: string;
  /** The file input it was picked in, when it was: the safe copy can replace it there. */
  readonly input: HTMLInputElement | null;
  status: AttachmentStatus['status'];
  analysis: ImageAnalysis | null;
  thumbnail: string | null;
  errors: string[];
  readonly done: Promise<void>;
}


const readAsDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });

/** Sends an image request, a large image ahead of it in parts (see ImagePart), one at a time. */
async function sendImageRequest(request: ImageRequest): Promise<unknown> {
  const { image } = request;
  if (image.length <= IMAGE_PART) return browser.runtime.sendMessage(request);
  const upload = crypto.randomUUID();
  for (let at = 0; at < image.length; at += IMAGE_PART) {
    const part: ImagePart = { type: 'image-part', upload, part: image.slice(at, at + IMAGE_PART) };
    await browser.runtime.sendMessage(part);
  }
  return browser.runtime.sendMessage({ ...request, image: '', upload });
}

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type.startsWith('image/'));
}

export class Attachments {
  private readonly bySession = new Map<ComposerSession, Attachment[]>();

  constructor(
    private readonly ctx: Lifetime,
    /** The composer an event on the page attaches to, if any. */
    private readonly sessionFor: (target: EventTarget | null) => ComposerSession | null,
    /** settings.logo, for the logo rule's matching. */
    private readonly logo: () => string | undefined,
    /** Called when an attachment's status changes (to redraw and update the popup). */
    private readonly changed: (session: ComposerSession) => void,
  ) {}

  start(): void {
    // Capture on the document: the sites handle these events themselves (and may stop them).
    this.ctx.addEventListener(document, 'change', (event) => this.onChange(event), { capture: true });
    this.ctx.addEventListener(document, 'drop', (event) => this.onTransfer(event, (event as DragEvent).dataTransfer), { capture: true });
    this.ctx.addEventListener(document, 'paste', (event) => this.onTransfer(event, (event as ClipboardEvent).clipboardData), { capture: true });
  }

  /** The session's attachments, in the order they were attached. */
  of(session: ComposerSession): readonly Attachment[] {
    return this.bySession.get(session) ?? [];
  }

  /** The attachments whose analysis came back, in the order (and so the index) the findings use. */
  analysed(session: ComposerSession): Attachment[] {
    return this.of(session).filter((a) => a.analysis !== null);
  }

  /** The attachment a finding about an image is about. */
  attachmentOf(session: ComposerSession, finding: Finding): Attachment | null {
    return finding.image ? (this.analysed(session)[finding.image.index] ?? null) : null;
  }

  /** Resolves when no attachment of the session is still being analysed; null when none is. */
  pending(session: ComposerSession): Promise<void> | null {
    const checking = this.of(session).filter((a) => a.status === 'checking');
    return checking.length ? Promise.all(checking.map((a) => a.done)).then(() => undefined) : null;
  }

  statuses(session: ComposerSession): AttachmentStatus[] {
    return this.of(session).map((a) => ({ name: a.name, status: a.status, errors: a.errors }));
  }

  forget(session: ComposerSession): void {
    this.bySession.delete(session);
  }

  private onChange(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const session = this.sessionFor(input);
    if (!session) return;
    // The input's files are its whole selection now: what it held before is replaced (or
    // removed, when the site clears it).
    const kept = this.of(session).filter((a) => a.input !== input);
    this.bySession.set(session, kept);
    this.add(session, imageFiles(input.files), input);
  }

  private onTransfer(event: Event, transfer: DataTransfer | null): void {
    const files = imageFiles(transfer?.files);
    if (files.length === 0) return;
    const session = this.sessionFor(event.target);
    if (session) this.add(session, files, null);
  }

  private add(session: ComposerSession, files: File[], input: HTMLInputElement | null): void {
    const list = this.bySession.get(session) ?? [];
    this.bySession.set(session, list);
    for (const file of files) list.push(this.analyse(session, file, input));
    this.publish(session);
  }

  private analyse(session: ComposerSession, file: File, input: HTMLInputElement | null): Attachment {
    let data = '';
    const attachment: Attachment = {
      name: file.name || 'pasted image',
      type: file.type,
      get data() {
        return data;
      },
      input,
      status: 'checking',
      analysis: null,
      thumbnail: null,
      errors: [],
      done: readAsDataUrl(file)
        .then((url) => {
          data = url;
          const logo = this.logo();
          const request: AnalyseImageRequest = { type: 'image-analyse', image: url, name: attachment.name, ...(logo ? { logo } : {}) };
          return sendImageRequest(request);
        })
        .then((result: unknown) => {
          if (!isAnalyseImageResult(result)) throw new Error('the image service gave no answer');
          attachment.analysis = result.analysis;
          attachment.thumbnail = result.thumbnail;
          attachment.errors = result.analysis.errors.map((e) => `${e.step}: ${e.message}`);
          attachment.status = attachment.errors.length ? 'failed' : 'checked';
        })
        .catch((error: unknown) => {
          // Reported in the popup and the gate: an image that was not checked is never passed.
          attachment.status = 'failed';
          attachment.errors = [`not checked: ${error instanceof Error ? error.message : String(error)}`];
        })
        .finally(() => {
          if (this.bySession.get(session)?.includes(attachment)) this.publish(session);
        }),
    };
    return attachment;
  }

  /** Sends the analyses to the session's check, and redraws. */
  private publish(session: ComposerSession): void {
    session.setImages(this.analysed(session).map((a) => a.analysis!));
    this.changed(session);
  }

  /** The safe copy of the image a finding is about: faces and names blurred, no metadata. */
  async safeCopy(session: ComposerSession, finding: Finding): Promise<File> {
    const attachment = this.attachmentOf(session, finding);
    if (!attachment) throw new Error('the image is no longer attached');
    const boxes: Box[] = session.findings.filter((f) => f.image?.index === finding.image?.index && ruleFacts(f.rule).image?.blurs).flatMap((f) => f.image?.boxes ?? []);
    const request: SafeCopyRequest = { type: 'image-safe-copy', image: attachment.data, boxes };
    const result: unknown = await sendImageRequest(request);
    if (!isSafeCopyResult(result)) throw new Error('the image service gave no safe copy');
    const base = attachment.name.replace(/\.[^.]+$/, '');
    const name = `${base}-safe.${result.type === 'image/png' ? 'png' : 'jpg'}`;
    return new File([dataUrlBytes(result.image) as Uint8Array<ArrayBuffer>], name, { type: result.type });
  }

  /** Offers the file as a download, as a link the user clicked would. */
  download(file: File, parent: HTMLElement): void {
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    parent.append(link);
    link.click();
    link.remove();
    // Long enough for the browser to start the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /**
   * Puts the safe copy in the file input the original was picked in, as if the user had picked
   * it, so the site uploads the copy. Where the image came by drop or paste there is no input to
   * change, and the card offers only the download.
   */
  swap(session: ComposerSession, finding: Finding, file: File): boolean {
    const attachment = this.attachmentOf(session, finding);
    const input = attachment?.input;
    if (!attachment || !input?.isConnected) return false;
    const transfer = new DataTransfer();
    for (const existing of input.files ?? []) {
      if (existing.name === attachment.name) transfer.items.add(file);
      else transfer.items.add(existing);
    }
    input.files = transfer.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
}
