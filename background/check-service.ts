import { checkDraft, checkImages } from '../rules';
import { builtInPack } from '../packs';
import type { Draft, Finding } from '../rules/engine/types';
import { IncrementalChecker, LONG_DRAFT } from './checker';
import type { ActiveSettings, SettingsHolder } from './config';
import { compileSettings } from '../rules/engine/context';
import { forgetNames, namesGeneration, wantNames, waitForNames } from './name-queue';
import type { CheckRequest, CheckResult } from '../protocol/messages';

/**
 * The checking service, run by the background worker: drafts are checked there, never on the
 * page's main thread. The engine's NLP costs about 100 ms to load and 50-100 ms to check a
 * 5,000-character draft; run in the page, that would stall every page load and the typing in
 * long drafts. The content script sends each draft (content/check-client.ts) and draws what comes
 * back; the settings and pack it is checked with are the worker's own (config.ts).
 */

/**
 * Checks with the organisation's settings; if the engine rejects them (say, a pack this build
 * does not have), checks with the default pack rather than not at all.
 */
function checkSafely(draft: Draft, { settings, pack }: ActiveSettings): Finding[] {
  try {
    return checkDraft(draft, settings, { pack });
  } catch (error) {
    console.warn('Second Look: these settings could not be used; checking with the default pack.', error);
    return checkDraft(draft, {}, { pack: builtInPack('default') });
  }
}

// Checkers (with their chunk caches) for the drafts being edited, most recently used last.
const MAX_DRAFTS = 32;
interface DraftChecker {
  key: string;
  /** The settings the checker checks with: the latest copy answerCheck was given (see checkNow). */
  active: ActiveSettings;
  checker: IncrementalChecker;
}
const drafts = new Map<string, DraftChecker>();

// How long a whole-draft check (typing paused, or the gate) waits for the pupil-list keys of
// new words before answering with what is known; the answer then says it is not whole, so the
// content script asks again after its pause. Well inside the content script's 5 s answer timeout
// (content/check-client.ts), as one scrypt call can hold the worker for a second or more.
const WHOLE_WAITS_FOR_NAMES_MS = 1_000;

/** Answers a content script's check request (runs in the background worker). */
export async function answerCheck(request: CheckRequest, tabId: number, holder: SettingsHolder): Promise<CheckResult> {
  const id = `${tabId}:${request.composer}`;
  // The whole text: sent whole, or the edit of the text this worker holds for the composer.
  const text = textOf(request, id);
  if (text === null) {
    const active = await holder.get(request.settingsVersion);
    return { findings: [], whole: false, complete: false, settingsVersion: active.version, resync: true };
  }
  const full = { ...request, draft: { ...request.draft, text } };
  const deadline = Date.now() + (request.whole ? WHOLE_WAITS_FOR_NAMES_MS : 0);
  for (;;) {
    const active = await holder.get(request.settingsVersion);
    const compiled = compileSettings(active.settings);
    compiled.pendingNames.clear();
    const result = checkNow(full, id, active);
    const kdf = compiled.nameKdf;
    const pending = compiled.pendingNames.list();
    if (!kdf || pending.length === 0) {
      forgetNames(id);
      return result;
    }
    // Words the hashed pupil list could not be searched for yet. A keystroke's check only says
    // so (the content script asks for a whole check once typing pauses), so the words typed on
    // past ("Oli", "Oliv") are never derived; a whole check has them derived (in memory only).
    if (!request.whole) return { ...result, whole: false, pendingNames: true };
    wantNames(id, kdf, pending);
    const left = deadline - Date.now();
    if (left <= 0) return { ...result, whole: false, pendingNames: true };
    await waitForNames(kdf, pending, left);
  }
}

// The text of each composer's draft as last sent, by revision, so an edit can be applied to it.
const texts = new Map<string, { revision: number; text: string }>();

/** The request's whole text: sent whole, or the held text with the edit applied; null when the worker does not hold its base. */
function textOf(request: CheckRequest, id: string): string | null {
  const { edit, revision } = request;
  let text = request.draft.text;
  if (edit) {
    const held = texts.get(id);
    if (held?.revision !== edit.base || edit.oldEnd > held.text.length) return null;
    text = held.text.slice(0, edit.at) + edit.text + held.text.slice(edit.oldEnd);
    if (text.length !== edit.length) return null;
  }
  if (revision !== undefined) {
    texts.delete(id);
    texts.set(id, { revision, text });
    for (const old of texts.keys()) {
      if (texts.size <= MAX_DRAFTS) break;
      texts.delete(old);
    }
  }
  return text;
}

function checkNow(request: CheckRequest, id: string, active: ActiveSettings): CheckResult {
  const { draft } = request;
  const settingsVersion = active.version;
  // A different account, platform or settings makes earlier chunk results useless, and so do
  // pupil-list keys derived since (a cached chunk may hold a name that was not known then).
  const key = JSON.stringify([draft.account, draft.platform, settingsVersion, namesGeneration()]);
  let entry = drafts.get(id);
  if (entry?.key !== key) {
    const made: DraftChecker = { key, active, checker: new IncrementalChecker((text) => checkSafely({ ...draft, text }, made.active)) };
    entry = made;
  }
  // The same version can arrive as a new copy of the settings (the worker reads storage again on
  // a change: config.ts). The checker must check with the copy answerCheck reads the words still
  // to be derived from: with an older copy they were recorded where nobody looked, the check
  // passed for whole, and a misspelt name (whose deletions are derived last) was never found.
  entry.active = active;
  drafts.delete(id);
  drafts.set(id, entry);
  for (const old of drafts.keys()) {
    if (drafts.size <= MAX_DRAFTS) break;
    drafts.delete(old);
  }
  const { checker } = entry;
  if (request.whole || draft.text.length <= LONG_DRAFT)
    return { findings: withImages(request, active, checker.checkAll(draft.text)), whole: true, complete: true, settingsVersion };
  const findings = withImages(request, active, checker.incremental(draft.text));
  return { findings, whole: checker.isFull(draft.text), complete: checker.complete, settingsVersion };
}

/**
 * The image rules over the attached images' analyses (made earlier by the image service; the
 * rules themselves are cheap), after the text's findings, as the engine orders them.
 */
function withImages(request: CheckRequest, { settings, pack }: ActiveSettings, findings: Finding[]): Finding[] {
  const { images, draft } = request;
  if (!images?.length) return findings;
  try {
    return [...findings, ...checkImages(images, draft, settings, { pack })];
  } catch (error) {
    console.warn('Second Look: these settings could not be used for images; checking with the default pack.', error);
    return [...findings, ...checkImages(images, draft, {}, { pack: builtInPack('default') })];
  }
}
