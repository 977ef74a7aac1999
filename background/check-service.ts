import { checkDraft, checkImages } from '../rules';
import { builtInPack } from '../packs';
import type { Draft, Finding } from '../rules/engine/types';
import { IncrementalChecker, LONG_DRAFT, LONGEST_WHOLE, WHOLE_SLICE } from './checker';
import type { ActiveSettings, SettingsHolder } from './config';
import { compileSettings } from '../rules/engine/context';
import { forgetNames, namesGeneration, wantNames, waitForNames } from './name-queue';
import type { CheckRequest, CheckResult } from '../protocol/messages';

/**
 * The checking service, run by the background worker: drafts are checked there, never on the
 * page's main thread. The engine's NLP costs about 100 ms to load and 50-100 ms to check a
 * 5,000-character draft; run in the page, that would stall every page load and the typing in
 * long drafts. The content script sends each draft (content/check-client.ts) and draws what comes
 * back; the settings and pack it is checked with are the worker's own (config.ts). A long draft
 * is checked by the parts an edit changed (checker.ts), and each answer says only what changed
 * since the findings the content script holds, so neither side's work grows with the draft.
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

// The drafts being edited: their text and checkers (with their chunk caches), most recently used last.
const MAX_DRAFTS = 32;
const drafts = new Map<string, Entry>();

// How long a whole-draft check (typing paused, or the gate) waits for the pupil-list keys of
// new words before answering with what is known; the answer then says it is not whole, so the
// content script asks again after its pause. Well inside the content script's 5 s answer timeout
// (content/check-client.ts), as one scrypt call can hold the worker for a second or more.
const WHOLE_WAITS_FOR_NAMES_MS = 1_000;

/** Answers a content script's check request (runs in the background worker). */
export async function answerCheck(request: CheckRequest, tabId: number, holder: SettingsHolder): Promise<CheckResult> {
  const id = `${tabId}:${request.composer}`;
  // The whole text: sent whole, or the edit of the text this worker holds for the composer.
  if (!takeText(request, id)) {
    const active = await holder.get(request.settingsVersion);
    return { findings: [], whole: false, complete: false, settingsVersion: active.version, resync: true };
  }
  const deadline = Date.now() + (request.whole ? WHOLE_WAITS_FOR_NAMES_MS : 0);
  for (;;) {
    const active = await holder.get(request.settingsVersion);
    const compiled = compileSettings(active.settings);
    compiled.pendingNames.clear();
    const entry = checkNow(request, id, active);
    const kdf = compiled.nameKdf;
    const pending = compiled.pendingNames.list();
    if (!kdf || pending.length === 0) {
      forgetNames(id);
      return answer(request, entry, active);
    }
    // Words the hashed pupil list could not be searched for yet. A keystroke's check only says
    // so (the content script asks for a whole check once typing pauses), so the words typed on
    // past ("Oli", "Oliv") are never derived; a whole check has them derived (in memory only).
    if (!request.whole) return { ...answer(request, entry, active), whole: false, pendingNames: true };
    wantNames(id, kdf, pending);
    const left = deadline - Date.now();
    if (left <= 0) return { ...answer(request, entry, active), whole: false, pendingNames: true };
    await waitForNames(kdf, pending, left);
  }
}

interface Entry {
  /** What the checker's findings depend on besides the text (account, platform, settings, names derived). */
  key: string;
  /** The settings the checker checks with: the latest copy answerCheck was given (see checkNow). */
  active: ActiveSettings | null;
  /** The composer's text as last sent (kept as parts), and its findings. */
  checker: IncrementalChecker;
  /** The revision of that text (undefined: a text sent with no revision). */
  revision?: number;
}

/**
 * Brings the composer's text to the request's: the edit applied to the text this worker holds
 * (only the parts it reaches are read: checker.ts), or the text sent whole. False when the worker
 * does not hold the text the edit was made to (it restarted).
 */
function takeText(request: CheckRequest, id: string): boolean {
  const { edit } = request;
  let entry = drafts.get(id);
  if (edit) {
    const held = entry?.checker;
    if (!entry || !held || entry.revision !== edit.base || edit.oldEnd > held.length || edit.at > edit.oldEnd) return false;
    if (held.length - (edit.oldEnd - edit.at) + edit.text.length !== edit.length) return false;
    held.edit(edit.at, edit.oldEnd, edit.text);
  } else {
    // Not checked with until checkNow gives it its settings.
    entry ??= { key: '', active: null, checker: new IncrementalChecker(() => []) };
    entry.checker.update(request.draft.text);
  }
  entry.revision = request.revision;
  drafts.delete(id);
  drafts.set(id, entry);
  for (const old of drafts.keys()) {
    if (drafts.size <= MAX_DRAFTS) break;
    drafts.delete(old);
  }
  return true;
}

/** Checks what needs checking in the composer's text (takeText brought it to the request's). */
function checkNow(request: CheckRequest, id: string, active: ActiveSettings): Entry {
  const { draft } = request;
  const entry = drafts.get(id)!;
  // A different account, platform or settings makes earlier chunk results useless, and so do
  // pupil-list keys derived since (a cached chunk may hold a name that was not known then).
  const key = JSON.stringify([draft.account, draft.platform, active.version, namesGeneration()]);
  if (entry.key !== key) {
    const meta = { platform: draft.platform, account: draft.account };
    const checker = new IncrementalChecker((text) => checkSafely({ ...meta, text }, entry.active!));
    checker.update(entry.checker.text());
    entry.checker = checker;
    entry.key = key;
  }
  // The same version can arrive as a new copy of the settings (the worker reads storage again on
  // a change: config.ts). The checker must check with the copy answerCheck reads the words still
  // to be derived from: with an older copy they were recorded where nobody looked, the check
  // passed for whole, and a misspelt name (whose deletions are derived last) was never found.
  entry.active = active;
  const { checker } = entry;
  // A whole check runs again even on the same text: it is what lists the words still pending
  // against the hashed pupil list.
  if (checker.length > LONGEST_WHOLE) checker.incremental(request.whole ? WHOLE_SLICE : undefined);
  else if (request.whole || checker.length <= LONG_DRAFT) checker.checkAll();
  else checker.incremental();
  return entry;
}

/** The answer: what changed since the findings the content script holds, and the images' findings. */
function answer(request: CheckRequest, { checker }: Entry, active: ActiveSettings): CheckResult {
  const { id, findings, delta } = checker.answer(request.findingsBase);
  return {
    findings,
    ...(delta ? { delta } : {}),
    answer: id,
    images: imageFindings(request, checker, active),
    // A draft too long to check whole is as whole as it gets once every part is checked.
    whole: checker.full || (checker.length > LONGEST_WHOLE && checker.complete),
    complete: checker.complete,
    settingsVersion: active.version,
  };
}

/** The image rules over the attached images' analyses (made earlier by the image service; the rules themselves are cheap). */
function imageFindings(request: CheckRequest, checker: IncrementalChecker, { settings, pack }: ActiveSettings): Finding[] {
  const { images } = request;
  if (!images?.length) return [];
  const draft = { ...request.draft, text: checker.text() };
  try {
    return checkImages(images, draft, settings, { pack });
  } catch (error) {
    console.warn('Second Look: these settings could not be used for images; checking with the default pack.', error);
    return checkImages(images, draft, {}, { pack: builtInPack('default') });
  }
}
