import type { Account } from '../rules/engine/ids';
import type { Finding, ImageAnalysis } from '../rules/engine/types';
import { isOfficialIdentity } from '../settings/resolve';
import type { Settings } from '../settings/schema';
import type { CheckRequest, CheckResult, TextEdit } from '../protocol/messages';
import { FindingList } from './finding-list';
import { composeChanges, type TextChange } from './text-map';
import type { SiteAdapter } from './sites';
import type { Snapshot, Surface } from './surface';

/**
 * What a composer is checked with: the settings in force (the content script needs some of them
 * itself, say to tell an official account) and their version (settings/version.ts), which is all
 * a check request says of them: the background worker holds the settings and the pack.
 */
export interface CheckConfig {
  settings: Settings;
  version: string;
}

/** Sends a check (check-client.ts), calling `onRetry` when the worker went away and it is sent again. */
export type RequestCheck = (request: CheckRequest, onRetry?: (attempt: number, error: unknown) => void) => Promise<CheckResult>;

// After typing pauses this long, a long draft checked chunk by chunk gets its whole-draft check.
const WHOLE_CHECK_DELAY_MS = 400;
// How often a textarea's value is compared with the last text read.
const VALUE_POLL_MS = 500;
// Checks again when the worker answered with other settings than the content script's, waiting
// twice as long each time (250 ms to 4 s, 7.75 s in all): a busy machine can take seconds to
// read and compile a changed pack in the worker, and giving up early left a changed rule's
// findings as they were until the next edit.
const VERSION_RETRIES = 5;
const VERSION_RETRY_MS = 250;
/**
 * Only the benchmark's build (scripts/bench-browser.mjs) marks each check's message sizes on the
 * page's timeline (which the page can read): the extension that is shipped and tested makes none.
 */
const BENCH_MARKS = import.meta.env.WXT_BENCH_MARKS === '1';
// Edits are read in the next frame; where no frame comes (a hidden tab), after this long.
const REFRESH_FALLBACK_MS = 200;
// Rounds of waiting for the worker before the gate decides with what it has.
const SETTLE_ROUNDS = 4;

/**
 * One composer being checked: its text box, the site it is on, the findings for its text, and
 * what the user decided for this draft (findings ignored, the account switched). Decisions last
 * as long as the draft: emptying the composer starts a new one.
 *
 * A composer is checked only once the user is really writing in it (`activate`, on a trusted
 * key, pointer, paste or drop event there, or a trusted click on its Post button): a page script
 * can fill and focus a text box, even a hidden one, but cannot make trusted input events.
 *
 * Every change is sent to the background worker to be checked (background/check-service.ts), one request
 * at a time: edits made while one is out are coalesced into the next. Long drafts come back
 * checked chunk by chunk, and are checked whole once typing pauses.
 */
export class ComposerSession {
  private static nextId = 1;
  readonly id = ComposerSession.nextId++;
  /**
   * The text's findings (changed in place by each answer: finding-list.ts) and the images', and
   * the snapshot of the text they were found in (for drawing them).
   */
  private shownText = new FindingList();
  private shownImages: Finding[] = [];
  checked: Snapshot | null = null;
  /**
   * The background worker did not answer the last check (it was stopped or is restarting), so the
   * findings may not describe the text: shown as such, never as a clean draft, until a check answers.
   */
  unavailable = false;
  /** The last answer said words are still being compared with the hashed pupil list. */
  private namesPending = false;
  private latest: Snapshot | null = null;
  private checkedAccount: Account | null = null;
  private checkedVersion: string | null = null;
  private versionRetries = 0;
  private whole = false;
  private inFlight: Promise<void> | null = null;
  private again: 'part' | 'whole' | null = null;
  private wholeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ignored = new Set<string>();
  private accountOverride: Account | null = null;
  /** The attached images' analyses (attachments.ts), checked with the text. */
  private images: ImageAnalysis[] = [];
  private active = false;
  private readonly observer: MutationObserver;
  private readonly resizeObserver: ResizeObserver;
  private readonly valuePoll: ReturnType<typeof setInterval> | undefined;
  private readonly onInput = () => this.scheduleRefresh();
  /** Mutation records not read yet, and the frame (or the timer, in a hidden tab) that will read them. */
  private queued: MutationRecord[] = [];
  private refreshFrame = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts changes of the text: `latest` is text number `textRevision`, `checked` number `checkedRevision`. */
  private textRevision = 0;
  private checkedRevision = -1;
  /** The last request's revision, and the text the worker holds (its revision and length; null: send it whole). */
  private requestRevision = 0;
  private held: { revision: number; length: number } | null = null;
  /** How the text changed since the text the worker holds. */
  private pending: TextChange | null = null;
  /**
   * The findings of the worker's last answer (its text's, and its images'), which the next answer
   * may give as a change of (CheckResult.delta). Kept even when the text moved on before the
   * answer came and it is not shown.
   */
  private answered: { id: number; text: FindingList; images: Finding[] } | null = null;
  /** visible() and findings, kept until the findings or the ignored ones change. */
  private shown: { text: FindingList; version: number; images: Finding[]; all: Finding[]; visible: Finding[] } | null = null;
  private readonly isIgnored = (finding: Finding) => this.ignored.has(ignoreKey(finding));

  constructor(
    readonly surface: Surface,
    readonly adapter: SiteAdapter,
    private config: CheckConfig,
    private readonly requestCheck: RequestCheck,
    /** Called when findings arrive and on layout changes, to redraw. */
    private readonly changed: (session: ComposerSession) => void,
  ) {
    // Watching (never changing) the editor's DOM catches every edit: typed, pasted, made by the
    // editor's model (Lexical cancels beforeinput, so no input event comes) or by the site.
    // Its records say which of the editor's blocks changed, so only those are read again.
    // The records are read in the next frame, not as they come: reading the text (innerText) and
    // its place on screen makes the browser lay the page out, which in the middle of the editor's
    // own update is done twice (a 1 MB draft's layout is costly); before a frame it is done once.
    this.observer = new MutationObserver((records) => {
      this.queued.push(...records);
      this.scheduleRefresh();
    });
    this.observer.observe(surface.element, { childList: true, subtree: true, characterData: true });
    // A textarea's value changes without DOM mutations: typing fires `input`, but a site that
    // sets .value (clearing the box after posting) fires nothing, so look now and then.
    surface.element.addEventListener('input', this.onInput);
    if (surface.isField) {
      this.valuePoll = setInterval(() => {
        if (this.surface.read().text !== this.latest?.text) this.refresh();
      }, VALUE_POLL_MS);
    }
    this.resizeObserver = new ResizeObserver(() => this.changed(this));
    this.resizeObserver.observe(surface.element);
  }

  get element(): HTMLElement {
    return this.surface.element;
  }

  /** Whether the user has written in this composer, so that it is being checked. */
  get isActive(): boolean {
    return this.active;
  }

  /** The user is writing here: start checking (callers look at `isTrusted` first). */
  activate(): void {
    if (this.active) return;
    this.active = true;
    this.refresh();
  }

  /** The site's posting identity, if shown, and the account assumed for this draft. */
  account(): { account: Account; identity: string | null } {
    const identity = this.adapter.identity(this.element);
    const detected: Account = identity && isOfficialIdentity(identity, this.config.settings, this.adapter.platform) ? 'official' : 'personal';
    return { account: this.accountOverride ?? detected, identity };
  }

  switchAccount(): void {
    this.accountOverride = this.account().account === 'personal' ? 'official' : 'personal';
    this.check(true);
  }

  /** The draft's attached images changed (or their analysis came back): check again. */
  setImages(images: ImageAnalysis[]): void {
    this.images = images;
    this.check(true);
  }

  updateSettings(config: CheckConfig): void {
    this.config = config;
    this.versionRetries = 0;
    this.check(true);
  }

  /** All the findings shown, ignored ones too, in text order (the text's, then the images'): O(n), not for a keystroke. */
  get findings(): Finding[] {
    return this.shownFindings().all;
  }

  /** Findings the user has not ignored, in text order (the text's, then the images'): O(n), not for a keystroke. */
  visible(): Finding[] {
    return this.shownFindings().visible;
  }

  /** How many findings the user has not ignored (O(1)). */
  get visibleCount(): number {
    return this.shownText.length - this.shownText.ignoredCount + this.shownImages.filter((f) => !this.isIgnored(f)).length;
  }

  /** The first finding the user has not ignored, or null. */
  firstVisible(): Finding | null {
    const list = this.shownText;
    for (let i = 0; i < list.length; i++) if (!list.isIgnored(i)) return list.at(i);
    return this.shownImages.find((f) => !this.isIgnored(f)) ?? null;
  }

  /** Whether any finding the user has not ignored is blocking (O(1) while none is ignored). */
  get blocking(): boolean {
    if (this.shownText.ignoredCount > 0) return this.visible().some((f) => f.severity === 'block');
    return this.shownText.blocking > 0 || this.shownImages.some((f) => f.severity === 'block' && !this.isIgnored(f));
  }

  private shownFindings(): { all: Finding[]; visible: Finding[] } {
    const { shownText: text, shownImages: images } = this;
    if (this.shown?.text !== text || this.shown.version !== text.version || this.shown.images !== images) {
      const all = [...text.toArray(), ...images];
      const visible = this.ignored.size === 0 ? all : all.filter((f) => !this.isIgnored(f));
      this.shown = { text, version: text.version, images, all, visible };
    }
    return this.shown;
  }

  /**
   * The text's findings not ignored whose words lie in [start, end) of the text, or may (an
   * unknown span: all of them). Findings are kept sorted by start, so this is a search, not a scan.
   */
  visibleIn(span: readonly [number, number] | null): Finding[] {
    if (!span) return this.visible().filter((f) => !f.image);
    const [start, end] = span;
    const list = this.shownText;
    const out: Finding[] = [];
    // No finding is longer than this: one that starts further back does not reach the span.
    for (let i = list.firstFrom(start - LONGEST_FINDING); i < list.length; i++) {
      const f = list.at(i);
      if (f.start >= end) break;
      if (f.end > start && !list.isIgnored(i)) out.push(f);
    }
    return out;
  }

  ignore(finding: Finding): void {
    this.ignored.add(ignoreKey(finding));
    this.reignore();
    this.changed(this);
  }

  /** The ignored findings changed: the lists held ask again which are. */
  private reignore(): void {
    this.shownText.reignore(this.isIgnored);
    if (this.answered && this.answered.text !== this.shownText) this.answered.text.reignore(this.isIgnored);
    this.shown = null;
  }

  /**
   * Re-reads the text (what the editor's mutation records, given or still queued, say changed);
   * checks it again if it (or the account it is posted from) changed. Until the user writes here
   * (activate), the text map is kept current but nothing is checked.
   */
  refresh(records: MutationRecord[] = []): void {
    cancelAnimationFrame(this.refreshFrame);
    clearTimeout(this.refreshTimer);
    this.refreshFrame = 0;
    const queued = this.queued;
    this.queued = [];
    const { snapshot, change } = this.surface.update([...queued, ...records, ...this.observer.takeRecords()]);
    if (!this.active) return;
    const edited = change !== null || this.latest === null;
    if (change) this.noteChange(change, snapshot.length);
    this.latest = snapshot;
    if (isBlank(snapshot)) {
      // An empty composer is a new draft: earlier decisions no longer apply.
      if (this.ignored.size) {
        this.ignored.clear();
        this.reignore();
      }
      this.accountOverride = null;
    }
    if (edited || this.account().account !== this.checkedAccount) {
      this.check(false);
    } else if (this.checkedRevision === this.textRevision) {
      // Same text, but the editor may have re-rendered its nodes: draw from the fresh snapshot.
      this.checked = snapshot;
      this.changed(this);
    }
  }

  /** Whether the findings are those of a whole-draft check of the text as it is now. */
  isSettled(): boolean {
    return (
      !this.inFlight &&
      this.whole &&
      this.checked !== null &&
      this.checkedRevision === this.textRevision &&
      this.checkedVersion === this.config.version
    );
  }

  /** The user is writing here and the worker has not yet compared every new word with the hashed pupil list: not a pass. */
  get unfinished(): boolean {
    return this.active && !this.unavailable && this.namesPending;
  }

  /** Waits until the findings describe the current text, checked whole (the gate needs that). */
  async settle(): Promise<void> {
    if (!this.active) return;
    if (this.refreshFrame) this.refresh();
    for (let round = 0; round < SETTLE_ROUNDS && !this.isSettled(); round++) {
      if (this.inFlight) this.again = 'whole';
      else this.check(true);
      await this.inFlight;
    }
  }

  /** Reads the edits in the next frame (or soon, where frames do not come: a hidden tab). Callers that decide on the text (the gate, Apply) call refresh() first. */
  private scheduleRefresh(): void {
    if (this.refreshFrame) return;
    this.refreshFrame = requestAnimationFrame(() => this.refresh());
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_FALLBACK_MS);
  }

  dispose(): void {
    cancelAnimationFrame(this.refreshFrame);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.wholeTimer);
    clearInterval(this.valuePoll);
    this.observer.disconnect();
    this.resizeObserver.disconnect();
    this.surface.element.removeEventListener('input', this.onInput);
  }

  /** Keeps what changed since the text the worker holds, so the next request sends only that. */
  private noteChange(change: TextChange, length: number): void {
    this.textRevision++;
    if (!this.held) return;
    this.pending = this.pending ? composeChanges(this.pending, this.held.length, change, length) : change;
  }

  /** The text as the worker will hold it after this request: an edit of the held text (only what changed is read), or whole. */
  private textToSend(snapshot: Snapshot): { text: string; edit?: TextEdit; revision: number } {
    const revision = ++this.requestRevision;
    const held = this.held;
    const change = this.pending ?? { at: 0, oldEnd: 0, newEnd: 0 };
    const { length } = snapshot;
    this.held = { revision, length };
    this.pending = null;
    if (!held) return { text: snapshot.text, revision };
    return { text: '', revision, edit: { base: held.revision, at: change.at, oldEnd: change.oldEnd, text: snapshot.slice(change.at, change.newEnd), length } };
  }

  private check(whole: boolean): void {
    clearTimeout(this.wholeTimer);
    if (!this.active) return;
    if (this.inFlight) {
      if (this.again !== 'whole') this.again = whole ? 'whole' : 'part';
      return;
    }
    if (!this.latest) this.refresh();
    const snapshot = this.latest!;
    const textRevision = this.textRevision;
    const { account } = this.account();
    // An empty composer has nothing to check, unless images are attached to it.
    if (isBlank(snapshot) && this.images.length === 0) {
      this.adopt(snapshot, textRevision, account, new FindingList(), [], true, this.config.version);
      return;
    }
    const sent = this.textToSend(snapshot);
    const request: CheckRequest = {
      type: 'check',
      composer: this.id,
      draft: { text: sent.text, platform: this.adapter.platform, account },
      revision: sent.revision,
      ...(sent.edit ? { edit: sent.edit } : {}),
      settingsVersion: this.config.version,
      ...(this.images.length ? { images: this.images } : {}),
      ...(this.answered ? { findingsBase: this.answered.id } : {}),
      whole,
    };
    const retrying = () => {
      if (this.unavailable) return;
      this.unavailable = true;
      this.changed(this);
    };
    this.inFlight = this.requestCheck(request, retrying)
      .then((result) => {
        if (BENCH_MARKS) benchMessageSizes(request, result);
        this.unavailable = false;
        if (result.resync) {
          // The worker restarted and lost the text: send it whole.
          this.held = null;
          this.answered = null;
          this.again = whole || this.again === 'whole' ? 'whole' : 'part';
          return;
        }
        const answered = this.answer(result);
        if (!answered) {
          // An answer against findings this page does not hold (it should not happen): ask for all.
          this.again = 'whole';
          return;
        }
        // The findings are those of the text as sent (the list held was changed in place): shown
        // for it, with its offsets carried to the text as it is now when drawn.
        this.adopt(snapshot, textRevision, account, answered.text, answered.images, result.whole, result.settingsVersion);
        // The text or the account moved on while the worker checked: the next request has it.
        if (this.textRevision !== textRevision || this.account().account !== account) return;
        this.namesPending = result.pendingNames === true;
        if (result.settingsVersion !== this.config.version) {
          // The worker checked with other settings than this script's (one of the two has not
          // read a change in storage yet): check again shortly, a few times at most.
          if (this.versionRetries < VERSION_RETRIES) this.wholeTimer = setTimeout(() => this.check(true), VERSION_RETRY_MS * 2 ** this.versionRetries++);
          return;
        }
        this.versionRetries = 0;
        if (!result.whole) {
          // Text a large paste left unchecked is checked at once; otherwise wait for a pause.
          const delay = result.complete ? WHOLE_CHECK_DELAY_MS : 0;
          this.wholeTimer = setTimeout(() => this.check(true), delay);
        }
      })
      .catch((error: unknown) => {
        // The worker did not answer even when asked again, or the extension is being reloaded
        // or updated: keep the last findings, and say that they may be out of date.
        console.warn('Second Look: could not check this draft.', error);
        this.held = null;
        this.answered = null;
        this.unavailable = true;
        this.changed(this);
      })
      .finally(() => {
        this.inFlight = null;
        const again = this.again;
        this.again = null;
        if (again) this.check(again === 'whole');
      });
  }

  /** The findings an answer gives: all of them, or a change of those of the answer before (made in place). */
  private answer(result: CheckResult): { text: FindingList; images: Finding[] } | null {
    const { delta } = result;
    if (delta && delta.base !== this.answered?.id) {
      this.answered = null;
      return null;
    }
    let text: FindingList;
    if (delta) {
      text = this.answered!.text;
      text.apply(result.findings, delta);
    } else text = new FindingList(result.findings, this.isIgnored);
    const images = result.images ?? [];
    this.answered = result.answer === undefined ? null : { id: result.answer, text, images };
    return { text, images };
  }

  private adopt(snapshot: Snapshot, revision: number, account: Account, text: FindingList, images: Finding[], whole: boolean, version: string): void {
    this.checked = snapshot;
    this.checkedRevision = revision;
    this.checkedAccount = account;
    // Another version than this script's: the worker read newer settings than this script has
    // yet (their change reaches it shortly, and checks again), or older ones (not settled).
    this.checkedVersion = version;
    this.shownText = text;
    this.shownImages = images;
    this.whole = whole;
    this.changed(this);
  }
}

// The longest span a finding marks, in characters (a sentence, an address); a longer one is
// still drawn, but only once its start is in view.
const LONGEST_FINDING = 2_000;


/** Whether the text is only white space: read from its start, so a long draft's text is not joined to tell. */
function isBlank(snapshot: Snapshot): boolean {
  if (snapshot.length === 0) return true;
  if (snapshot.slice(0, 256).trim() !== '') return false;
  return snapshot.text.trim() === '';
}

/** The benchmark's build: the characters of JSON a check sent and got back, as a mark's name (the benchmark leaves this function's time out). */
function benchMessageSizes(request: CheckRequest, result: CheckResult): void {
  const name = `second-look:bytes:${JSON.stringify(request).length}:${JSON.stringify(result).length}`;
  performance.mark(name);
  performance.clearMarks(name);
}

/** A finding is ignored by what it is about, so it stays ignored as the text around it moves. */
function ignoreKey(finding: Finding): string {
  return `${finding.rule}\u0000${finding.excerpt}`;
}
