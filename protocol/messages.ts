import type { Account, Platform } from '../rules/engine/ids';
import type { Box, Draft, Finding, ImageAnalysis } from '../rules/engine/types';
import type { Timings } from '../images/analyse';

/**
 * Every message between the extension's contexts: the content script (in the page), the
 * background worker, the popup, and the image service (the offscreen document in Chrome, the
 * background page in Firefox). One module, imported by all of them, so each side's handler and
 * sender agree on the shapes; `Message` is the union of what is sent, told apart by `type`.
 */

/** Everything sent with runtime.sendMessage or tabs.sendMessage. */
export type Message = FindingsCountMessage | CheckRequest | GetFindingsMessage | ExplainMessage | ImagePart | ImageRequest;

/** Content script -> background: the findings count of the draft being edited in this tab. */
export interface FindingsCountMessage {
  type: 'findings-count';
  count: number;
  /** Whether any remaining finding is blocking, so the badge can say so by its colour. */
  blocking: boolean;
}

/**
 * Content script -> background: check a composer's draft. `composer` names the composer within
 * the tab, so the worker can keep its chunk cache between keystrokes; `whole` asks for a check
 * of the whole draft rather than of the chunks that changed. The settings and pack are not sent:
 * the worker holds them (background/config.ts), and `settingsVersion` (settings/version.ts) says
 * which ones the content script has.
 */
export interface CheckRequest {
  type: 'check';
  composer: number;
  /** The draft; its text is '' when `edit` says what changed instead. */
  draft: Draft;
  settingsVersion: string;
  /** Which text of this composer this is (counted by the content script). */
  revision?: number;
  /**
   * What changed since the text of revision `base`, which the worker holds: a keystroke in a
   * long draft sends a few characters, not the draft.
   */
  edit?: TextEdit;
  /** What the image service found in the draft's attached images, in attachment order. */
  images?: ImageAnalysis[];
  whole: boolean;
  /** The answer whose findings the content script holds (CheckResult.answer), so the worker can answer with what changed. */
  findingsBase?: number;
}

/** See CheckResult.delta. */
export interface FindingsDelta {
  base: number;
  head: number;
  tail: number;
  shift: number;
}

/** The findings an answer gives, from the findings of the answer it was made against (held). */
export function applyAnswer(held: readonly Finding[], answer: Pick<CheckResult, 'findings' | 'delta'>): Finding[] {
  const { delta } = answer;
  if (!delta) return answer.findings;
  const kept = held.slice(0, delta.head);
  const moved = delta.tail ? held.slice(held.length - delta.tail).map((f) => (delta.shift ? { ...f, start: f.start + delta.shift, end: f.end + delta.shift } : f)) : [];
  return [...kept, ...answer.findings, ...moved];
}

/** text[at, oldEnd) of revision `base` replaced by `text`, giving a text of `length` characters. */
export interface TextEdit {
  base: number;
  at: number;
  oldEnd: number;
  text: string;
  length: number;
}

/** The answer to a CheckRequest. */
export interface CheckResult {
  /** The text's findings, sorted by start: all of them, or with `delta` only those of the parts that changed. */
  findings: Finding[];
  /**
   * Set when the answer is relative to the findings of answer `delta.base`, which the content
   * script said it holds: of those, the first `head` stay, the last `tail` move by `shift`
   * characters, and `findings` go between them (background/checker.ts applyAnswer).
   */
  delta?: FindingsDelta;
  /** This answer's number, for the next request's `findingsBase`. */
  answer?: number;
  /** The attached images' findings (all of them; a finding's start and end are the image's index). */
  images?: Finding[];
  /** The findings come from a check of the whole draft (not provisional chunk results). */
  whole: boolean;
  /** Every chunk was checked; false when a large paste left some for the whole-draft check. */
  complete: boolean;
  /** The version of the settings the worker checked with (another than requested when it has newer ones). */
  settingsVersion: string;
  /** The worker does not hold the text the edit applies to (it restarted): nothing was checked; send the whole text. */
  resync?: boolean;
  /** Words of the draft are still being compared with the hashed pupil list: not yet a pass. */
  pendingNames?: boolean;
}

/** Popup -> content script: what is being checked in this tab right now. */
export interface GetFindingsMessage {
  type: 'get-findings';
}

/**
 * Background -> content script: the user pressed Second Look's keyboard shortcut (the `commands`
 * API: the browser takes the key, the page never sees it). Opens the card of the finding at the
 * caret in the composer in use.
 */
export interface ExplainMessage {
  type: 'explain';
}

/** The content script's answer to `get-findings`; null when the tab has no composer in use. */
export interface DraftReport {
  text: string;
  account: Account;
  platform: Platform;
  /** The page name or @handle the site shows as posting, where it shows one. */
  identity: string | null;
  /** The findings still shown for the draft (ignored ones left out). */
  findings: Finding[];
  /** The attached images: checking, checked, or not fully checked (a model failed), and why. */
  images?: AttachmentStatus[];
  /**
   * Small JPEGs (data: URLs) of the analysed images, in the order image findings count them
   * (`finding.image.index`), so the popup can show what each image finding is about.
   */
  thumbnails?: (string | null)[];
}

export interface AttachmentStatus {
  name: string;
  status: 'checking' | 'checked' | 'failed';
  /** What could not be checked ("faces: the face model could not run: ..."). */
  errors: string[];
}

export function isFindingsCountMessage(message: unknown): message is FindingsCountMessage {
  const m = message as Partial<FindingsCountMessage> | null;
  return m?.type === 'findings-count' && typeof m.count === 'number' && typeof m.blocking === 'boolean';
}

export function isGetFindingsMessage(message: unknown): message is GetFindingsMessage {
  return (message as Partial<GetFindingsMessage> | null)?.type === 'get-findings';
}

export function isExplainMessage(message: unknown): message is ExplainMessage {
  return (message as Partial<ExplainMessage> | null)?.type === 'explain';
}

export function isCheckRequest(message: unknown): message is CheckRequest {
  const m = message as Partial<CheckRequest> | null;
  return m?.type === 'check' && typeof m.composer === 'number' && typeof m.draft?.text === 'string' && typeof m.settingsVersion === 'string';
}

export function isCheckResult(value: unknown): value is CheckResult {
  const r = value as Partial<CheckResult> | null;
  return Array.isArray(r?.findings) && typeof r.whole === 'boolean' && typeof r.complete === 'boolean' && typeof r.settingsVersion === 'string';
}

export function isDraftReport(value: unknown): value is DraftReport {
  const r = value as Partial<DraftReport> | null;
  return typeof r?.text === 'string' && Array.isArray(r.findings) && (r.account === 'personal' || r.account === 'official');
}

// --- Attached images -----------------------------------------------------------------
// Images travel as data: URLs: extension messaging carries JSON only.

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

/**
 * Whether a thumbnail is an image the extension made itself: a data: URL of a raster image. The
 * popup and the card show nothing else (no address to fetch, no script, no SVG).
 */
export function isImageDataUrl(value: unknown): value is string {
  return typeof value === 'string' && /^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]*={0,2}$/.test(value);
}

/**
 * Whether a message came from the extension's own pages or worker, not from a content script
 * (whose sender has a tab) nor from another extension.
 */
export function fromExtensionItself(sender: { id?: string; tab?: unknown; url?: string }, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && sender.tab === undefined && (sender.url?.startsWith(extensionOrigin) ?? false);
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
