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
import { controlAt, label } from './sites/dom';

export interface Attachment {
  readonly name: string;
  readonly type: string;
  /** The file as attached (the safe copy replaces it by name, size and date in its input). */
  readonly file: File;
  /** The file as attached, as a data: URL (what the image service reads). */
  readonly data: string;
  /** The file input it was picked in, when it was: the safe copy can replace it there. */
  readonly input: HTMLInputElement | null;
  /** The dialog, form or composer the file was attached to (see Composers.containerFor). */
  readonly container: HTMLElement;
  status: AttachmentStatus['status'];
  analysis: ImageAnalysis | null;
  thumbnail: string | null;
  errors: string[];
  readonly done: Promise<void>;
}

/** Where attachments belong and which text box carries them into its check (composers.ts). */
export interface AttachmentPlaces {
  containerFor(target: EventTarget | null): HTMLElement | null;
  carrierOf(container: HTMLElement): ComposerSession | null;
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

/** What the sites show a picked photo or video as, and the controls that take one away. */
const PREVIEWS = 'img[src^="blob:"], video[src^="blob:"]';
const REMOVE = /^(?:remove|delete|discard)\b/i;

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type.startsWith('image/'));
}

/** Runs `work` when the page is idle (or after `timeout` ms at the latest), off the input path. */
function whenIdle(timeout = 200): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/**
 * The files a site will upload. A file input's `change` is read before the site's own handler
 * (capture on the document). Two kinds of input: those that keep their selection (a new pick
 * replaces the earlier one, as the browser does), and those the site clears after reading each
 * pick so the same file can be picked again, keeping the picks itself: there every pick adds to
 * what was picked before. Which kind an input is shows right after its first pick. A `change`
 * that leaves an input empty is the site removing its picks.
 */
export class Attachments {
  private list: Attachment[] = [];
  /** Inputs the site empties after each pick: their picks accumulate. */
  private readonly accumulating = new WeakSet<HTMLInputElement>();
  /** What each carrier was last given, so a text box is re-checked only when its images change. */
  private readonly given = new Map<ComposerSession, ImageAnalysis[]>();

  constructor(
    private readonly ctx: Lifetime,
    private readonly places: AttachmentPlaces,
    /** settings.logo, for the logo rule's matching. */
    private readonly logo: () => string | undefined,
    /** Called when an attachment's status changes (to redraw and update the popup). */
    private readonly changed: () => void,
  ) {}

  start(): void {
    // Capture on the document: the sites handle these events themselves (and may stop them).
    this.ctx.addEventListener(document, 'change', (event) => this.onChange(event), { capture: true });
    this.ctx.addEventListener(document, 'drop', (event) => this.onTransfer(event, (event as DragEvent).dataTransfer), { capture: true });
    this.ctx.addEventListener(document, 'paste', (event) => this.onTransfer(event, (event as ClipboardEvent).clipboardData), { capture: true });
    this.ctx.addEventListener(document, 'click', (event) => this.onRemove(event), { capture: true });
  }

  /** The attachments a text box carries into its check, in the order they were attached. */
  of(session: ComposerSession): Attachment[] {
    return this.list.filter((a) => a.container.isConnected && this.places.carrierOf(a.container) === session);
  }

  /** The attachments of a whole composer (any of its text boxes may carry them). */
  ofComposer(sessions: readonly ComposerSession[]): Attachment[] {
    return sessions.flatMap((s) => this.of(s));
  }

  /** The attachments whose analysis came back, in the order (and so the index) the findings use. */
  analysed(session: ComposerSession): Attachment[] {
    return this.of(session).filter((a) => a.analysis !== null);
  }

  /** The attachment a finding about an image is about. */
  attachmentOf(session: ComposerSession, finding: Finding): Attachment | null {
    return finding.image ? (this.analysed(session)[finding.image.index] ?? null) : null;
  }

  /** Resolves when no attachment of these text boxes is still being analysed; null when none is. */
  pending(sessions: readonly ComposerSession[]): Promise<void> | null {
    const checking = this.ofComposer(sessions).filter((a) => a.status === 'checking');
    return checking.length ? Promise.all(checking.map((a) => a.done)).then(() => undefined) : null;
  }

  statuses(sessions: readonly ComposerSession[]): AttachmentStatus[] {
    return this.ofComposer(sessions).map((a) => ({ name: a.name, status: a.status, errors: a.errors }));
  }

  /** Whether the safe copy can replace the original in its input (the site reads the input as it is). */
  canReplace(attachment: Attachment): boolean {
    return attachment.input !== null && attachment.input.isConnected && !this.accumulating.has(attachment.input);
  }

  /** Whether the site holds this pick itself (its input empties, or is gone): no input says what it uploads. */
  private keptBySite(a: Attachment): boolean {
    return !a.input || !a.input.isConnected || this.accumulating.has(a.input);
  }

  /**
   * Composers came or went: drop the attachments of dialogs that closed, and give each text box
   * the images it now carries.
   */
  relink(): void {
    this.list = this.list.filter((a) => a.container.isConnected);
    const carried = new Map<ComposerSession, ImageAnalysis[]>();
    for (const a of this.list) {
      const carrier = this.places.carrierOf(a.container);
      if (!carrier) continue;
      const images = carried.get(carrier) ?? [];
      carried.set(carrier, images);
      if (a.analysis) images.push(a.analysis);
    }
    for (const [session, before] of this.given) {
      if (!carried.has(session)) {
        this.given.delete(session);
        if (before.length && session.element.isConnected) session.setImages([]);
      }
    }
    for (const [session, images] of carried) {
      const before = this.given.get(session);
      if (before && before.length === images.length && before.every((b, i) => b === images[i])) continue;
      this.given.set(session, images);
      session.setImages(images);
    }
    this.changed();
  }

  forget(session: ComposerSession): void {
    this.given.delete(session);
  }

  private onChange(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const container = this.places.containerFor(input);
    if (!container) return;
    const files = imageFiles(input.files);
    // A new selection replaces the input's earlier picks, unless the site keeps the picks itself;
    // an emptied input is the site removing them.
    if (files.length === 0 || !this.accumulating.has(input)) this.list = this.list.filter((a) => a.input !== input);
    for (const file of files) this.list.push(this.analyse(file, input, container));
    if (files.length) {
      // The site reads the pick in its own handler, after this one; an input it then empties is one
      // whose picks accumulate.
      setTimeout(() => {
        if (input.files?.length === 0) this.accumulating.add(input);
      }, 0);
    }
    this.relink();
  }

  /**
   * A site that keeps picks itself removes one with a Remove or Delete control on its preview.
   * The previews show the picks in the order they were picked (blob: images or videos), so the
   * preview that control belongs to says which pick goes. Only while the previews and the picks
   * agree in number, and only once the site has taken the preview away: otherwise every pick
   * stays judged (a photo judged that is no longer attached costs a question, never a slip).
   */
  private onRemove(event: Event): void {
    const control = controlAt(event.target);
    if (!control || !REMOVE.test(label(control))) return;
    const picks = this.list.filter((a) => a.container.contains(control) && this.keptBySite(a));
    const container = picks[0]?.container;
    if (!container) return;
    const previews = [...container.querySelectorAll(PREVIEWS)];
    const together = this.list.filter((a) => a.container === container);
    if (previews.length !== together.length) return;
    let item: Element | null = control;
    while (item && item !== container && item.querySelectorAll(PREVIEWS).length === 0) item = item.parentElement;
    if (!item || item === container || item.querySelectorAll(PREVIEWS).length !== 1) return;
    const index = previews.indexOf(item.querySelector(PREVIEWS)!);
    const removed = together[index];
    if (!removed || !picks.includes(removed)) return;
    setTimeout(() => {
      if (container.querySelectorAll(PREVIEWS).length !== previews.length - 1 || previews[index]!.isConnected) return;
      this.list = this.list.filter((a) => a !== removed);
      this.relink();
    }, 0);
  }

  private onTransfer(event: Event, transfer: DataTransfer | null): void {
    const files = imageFiles(transfer?.files);
    if (files.length === 0) return;
    const container = this.places.containerFor(event.target);
    if (!container) return;
    for (const file of files) this.list.push(this.analyse(file, null, container));
    this.relink();
  }

  private analyse(file: File, input: HTMLInputElement | null, container: HTMLElement): Attachment {
    let data = '';
    const attachment: Attachment = {
      name: file.name || 'pasted image',
      type: file.type,
      file,
      get data() {
        return data;
      },
      input,
      container,
      status: 'checking',
      analysis: null,
      thumbnail: null,
      errors: [],
      // Nothing of this runs in the event that attached the file: reading and sending start when
      // the page is idle, and go in parts (sendImageRequest), so a 12 MP photo never holds up typing.
      done: whenIdle()
        .then(() => readAsDataUrl(file))
        .then(async (url) => {
          data = url;
          await whenIdle();
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
          if (this.list.includes(attachment)) this.relink();
        }),
    };
    return attachment;
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
   * Puts the safe copy in the file input the original was picked in, in the original's place, as
   * if the user had picked it, so the site uploads the copy and not the original. Only where the
   * input still holds the site's selection: where the site keeps picks itself (it empties its
   * input), putting the copy there would add it beside the original, so the card offers the
   * download instead. Drops and pastes have no input to change either.
   */
  swap(session: ComposerSession, finding: Finding, file: File): boolean {
    const attachment = this.attachmentOf(session, finding);
    if (!attachment || !this.canReplace(attachment)) return false;
    const input = attachment.input!;
    const transfer = new DataTransfer();
    let replaced = false;
    for (const existing of input.files ?? []) {
      const original: boolean = !replaced && sameFile(existing, attachment.file);
      replaced ||= original;
      transfer.items.add(original ? file : existing);
    }
    if (!replaced) return false;
    input.files = transfer.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
}

function sameFile(a: File, b: File): boolean {
  return a === b || (a.name === b.name && a.size === b.size && a.lastModified === b.lastModified && a.type === b.type);
}
