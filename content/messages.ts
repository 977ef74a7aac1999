import type { Account, Platform } from '../rules/engine/ids';
import type { Pack } from '../packs/schema';
import type { Settings } from '../settings/schema';
import type { Draft, Finding, ImageAnalysis } from '../rules/engine/types';

/**
 * Messages between the content script, the background worker and the popup. Kept in one place
 * so each side's handler and sender agree on the shapes.
 */

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
 * of the whole draft rather than of the chunks that changed.
 */
export interface CheckRequest {
  type: 'check';
  composer: number;
  draft: Draft;
  settings: Settings;
  /** The pack to check with when it is not built in (a pack file imported in the options page). */
  pack?: Pack;
  /** What the image service found in the draft's attached images, in attachment order. */
  images?: ImageAnalysis[];
  whole: boolean;
}

/** What a composer is checked with: the settings in force and, if not built in, their pack. */
export interface CheckConfig {
  settings: Settings;
  pack: Pack | null;
}

/** The answer to a CheckRequest. */
export interface CheckResult {
  findings: Finding[];
  /** The findings come from a check of the whole draft (not provisional chunk results). */
  whole: boolean;
  /** Every chunk was checked; false when a large paste left some for the whole-draft check. */
  complete: boolean;
}

/** Popup -> content script: what is being checked in this tab right now. */
export interface GetFindingsMessage {
  type: 'get-findings';
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

export function isCheckRequest(message: unknown): message is CheckRequest {
  const m = message as Partial<CheckRequest> | null;
  return m?.type === 'check' && typeof m.composer === 'number' && typeof m.draft?.text === 'string' && typeof m.settings === 'object';
}

export function isCheckResult(value: unknown): value is CheckResult {
  const r = value as Partial<CheckResult> | null;
  return Array.isArray(r?.findings) && typeof r.whole === 'boolean' && typeof r.complete === 'boolean';
}

export function isDraftReport(value: unknown): value is DraftReport {
  const r = value as Partial<DraftReport> | null;
  return typeof r?.text === 'string' && Array.isArray(r.findings) && (r.account === 'personal' || r.account === 'official');
}
