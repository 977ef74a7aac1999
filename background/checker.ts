import type { Finding } from '../rules/engine/types';
import { ruleFacts } from '../rules/engine/facts';
import type { FindingsDelta } from '../protocol/messages';

/**
 * Checks a draft as it is typed, at a cost that follows the edit, not the draft's length.
 *
 * The draft is kept as parts (paragraphs, and long paragraphs cut after sentence ends), each with
 * its findings relative to its start. An edit re-cuts only the parts it reaches (the cutter reads
 * forward only, so it is run from the last part the edit cannot have moved until it meets a part
 * start the old text had past the edit) and shifts the starts of the parts after it. A keystroke's
 * check runs the engine on the new parts only (a cache keyed by a part's text saves even that for
 * text seen before); the parts it did not touch keep their findings, whatever check made them.
 *
 * A whole-draft check (typing paused, the gate, every check of a short draft) runs the engine on
 * the whole text, as the command line does, and its findings are handed to the parts they start
 * in: only parts whose findings changed become new. Rules that need the whole draft (a rule's
 * `wholeDraft`: is there a disclaimer anywhere?) cannot be answered from one part, so a part's
 * own check leaves their findings out; those of the last whole-draft check stay with their parts
 * until an edit reaches them, and come back with the next whole-draft check.
 *
 * Answers are deltas (answer()): against the findings of the answer the content script holds, the
 * findings of the parts before and after the changed ones are kept (those after shifted by the
 * length change), and only the changed parts' findings are sent.
 */
export const LONG_DRAFT = 1_000;
const CHUNK = 600;
// Characters of new parts checked per keystroke: about 15 ms of engine time.
const CHUNK_BUDGET = 1_200;
/**
 * Longer drafts than this are never checked whole: no site takes a post that long (Facebook's
 * limit is 63,206 characters, X's 25,000, Instagram's 2,200), and the engine would hold the worker
 * for many seconds (about 15 ms per 1,000 characters), with every keystroke's check waiting
 * behind it. Their whole-draft check checks their parts, WHOLE_SLICE characters at a time.
 */
export const LONGEST_WHOLE = 100_000;
export const WHOLE_SLICE = 20_000;

// Such a rule (the disclaimer: does the draft name the school anywhere, and have a disclaimer
// anywhere?) cannot be answered from a single paragraph.
const wholeDraft = (f: Finding) => ruleFacts(f.rule).text?.wholeDraft === true;

export type Check = (text: string) => Finding[];

interface Chunk {
  start: number;
  text: string;
}

/**
 * The part starting at or after `from` (line breaks skipped), or null at the end. Reads the text
 * forward from `from` only, so cutting from a part's start gives the parts a cut of the whole
 * text gives from there.
 */
function nextChunk(text: string, from: number): Chunk | null {
  let start = from;
  while (start < text.length && text.charCodeAt(start) === 10) start++;
  if (start >= text.length) return null;
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  if (end - start <= CHUNK) return { start, text: text.slice(start, end) };
  const window = text.slice(start, start + CHUNK);
  const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
  // No sentence end in reach (one very long sentence): cut at a space rather than mid-word.
  const at = cut > 0 ? cut + 2 : Math.max(window.lastIndexOf(' ') + 1, 1);
  return { start, text: text.slice(start, start + at) };
}

/** Paragraphs, with any paragraph longer than CHUNK cut after sentence ends. */
export function chunk(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (let c = nextChunk(text, 0); c; c = nextChunk(text, c.start + c.text.length)) chunks.push(c);
  return chunks;
}

/** A change of the text: text[at, oldEnd) of the old text became text[at, newEnd) of the new. */
export interface Change {
  at: number;
  oldEnd: number;
  newEnd: number;
}

/** Where `after` differs from `before`. */
export function changeBetween(before: string, after: string): Change {
  let at = 0;
  const max = Math.min(before.length, after.length);
  while (at < max && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let tail = 0;
  while (tail < max - at && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { at, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/**
 * One part of the draft. Never changed once made: a part whose findings change is replaced by a
 * new one, so the parts an answer shares with the last one are known by identity.
 */
interface Part {
  readonly text: string;
  /** Relative to the part's start; null while not checked yet (a large paste over the budget). */
  readonly findings: readonly Finding[] | null;
  /** A finding of this part reaches past its end (a whole-draft check's finding across a line). */
  readonly spills: boolean;
  /**
   * Whole-draft findings (relative) of the parts this one replaced, which the edit did not reach:
   * they stay until the next whole-draft check, as a part's own check cannot find them.
   */
  readonly carried?: readonly Finding[];
}

const byPlace = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);

/** A part's own findings with the whole-draft findings it carries, in order. */
function withCarried(findings: readonly Finding[], carried: readonly Finding[] | undefined): readonly Finding[] {
  return carried?.length ? [...findings, ...carried].sort(byPlace) : findings;
}

const shifted = (f: Finding, by: number): Finding => (by === 0 ? f : { ...f, start: f.start + by, end: f.end + by });

const sameFindings = (a: readonly Finding[] | null, b: readonly Finding[]): boolean =>
  a !== null && a.length === b.length && a.every((f, i) => JSON.stringify(f) === JSON.stringify(b[i]));

/** An answer to the content script: its findings whole, or what changed since the answer it holds. */
export interface Answer {
  /** This answer's number: the content script names the answer it holds when it asks again. */
  id: number;
  /** All the findings (no `delta`), or those of the changed parts (with `delta`). */
  findings: Finding[];
  delta?: FindingsDelta;
}

let answers = 0;

export class IncrementalChecker {
  private text = '';
  private parts: Part[] = [];
  private starts: number[] = [];
  /** Chunk results by a part's text (its own check, whole-draft rules left out). */
  private cache = new Map<string, readonly Finding[]>();
  /** The text the last whole-draft check was of (null: it has been edited since). */
  private fullText: string | null = null;
  /** The last answer: its parts, and the length of the text it was for. */
  private last: { id: number; parts: Part[]; length: number } | null = null;
  /** Parts not checked yet (a large paste went over budget). */
  private unchecked = 0;

  constructor(private readonly check: Check) {}

  /** Whether every part has findings (false when a large paste left some for the whole check). */
  get complete(): boolean {
    return this.unchecked === 0;
  }

  /** Whether the findings are those of a whole-draft check of exactly this text. */
  isFull(text: string): boolean {
    return this.fullText === text;
  }

  /**
   * Moves to `text`: the parts an edit reached are cut again (left unchecked), the rest keep their
   * findings and move with the text. `change` says where the text changed (found when not given).
   */
  update(text: string, change: Change = changeBetween(this.text, text)): void {
    if (text === this.text) return;
    this.fullText = null;
    const delta = text.length - this.text.length;
    const { parts, starts } = this;
    // The first part the edit can have moved: a part's cut reads up to CHUNK characters on, and a
    // part a whole-draft finding spills out of goes with the part after it.
    let first = lowerBound(starts, change.at - CHUNK - 1);
    if (first > 0 && starts[first - 1]! + parts[first - 1]!.text.length >= change.at) first--;
    while (first > 0 && parts[first - 1]!.spills) first--;
    const from = first > 0 ? starts[first - 1]! + parts[first - 1]!.text.length : 0;
    // Cut from there until a part starts where one started in the old text, past the edit.
    const made: Part[] = [];
    const madeStarts: number[] = [];
    let resume = parts.length;
    for (let c = nextChunk(text, from); c; c = nextChunk(text, c.start + c.text.length)) {
      if (c.start >= change.newEnd) {
        const oldStart = c.start - delta;
        const k = lowerBound(starts, oldStart);
        if (k < parts.length && starts[k] === oldStart && oldStart >= change.oldEnd && k >= first) {
          resume = k;
          break;
        }
      }
      // A part the edit did not reach (same text, same place) keeps its findings.
      const k = c.start < change.at ? lowerBound(starts, c.start) : -1;
      const same = k >= first && k < parts.length && starts[k] === c.start && parts[k]!.text === c.text && !parts[k]!.spills ? parts[k]! : null;
      if (same?.findings === null) this.unchecked++;
      made.push(same ?? this.part(c.text));
      madeStarts.push(c.start);
    }
    for (let k = first; k < resume; k++) if (parts[k]!.findings === null) this.unchecked--;
    this.carry(parts.slice(first, resume), starts.slice(first, resume), made, madeStarts, change, delta);
    const later = starts.slice(resume).map((s) => s + delta);
    this.parts = [...parts.slice(0, first), ...made, ...parts.slice(resume)];
    this.starts = [...starts.slice(0, first), ...madeStarts, ...later];
    this.text = text;
  }

  /**
   * Hands the whole-draft findings of the replaced parts that the edit did not reach to the new
   * parts they now lie in (the old text's offsets moved to the new text's).
   */
  private carry(old: Part[], oldStarts: number[], made: Part[], madeStarts: number[], change: Change, delta: number): void {
    const moved: Finding[] = [];
    old.forEach((part, i) => {
      const own = [...(part.findings ?? []), ...(part.findings === null ? part.carried ?? [] : [])];
      for (const f of own) {
        if (!wholeDraft(f)) continue;
        const start = f.start + oldStarts[i]!;
        const end = f.end + oldStarts[i]!;
        if (end <= change.at) moved.push({ ...f, start, end });
        else if (start >= change.oldEnd) moved.push({ ...f, start: start + delta, end: end + delta });
      }
    });
    for (const f of moved) {
      const k = lowerBound(madeStarts, f.start + 1) - 1;
      if (k < 0 || f.end > madeStarts[k]! + made[k]!.text.length) continue;
      const part = made[k]!;
      if (part.findings !== null && part.findings.some((g) => g.rule === f.rule && g.start === f.start - madeStarts[k]!)) continue;
      const relative = shifted(f, -madeStarts[k]!);
      const carried = [...(part.carried ?? []), relative];
      made[k] = { text: part.text, findings: part.findings === null ? null : withCarried(part.findings, [relative]), spills: false, carried };
    }
  }

  /** A new part: its findings from the cache when its text was checked before, else none yet. */
  private part(text: string): Part {
    const findings = this.cache.get(text) ?? null;
    if (findings === null) this.unchecked++;
    return { text, findings, spills: false };
  }

  /**
   * Checks the parts not checked yet, at most CHUNK_BUDGET characters of them, so a large paste
   * cannot stall typing; what is left waits for the whole-draft check (`complete` says so).
   */
  incremental(budget = CHUNK_BUDGET): void {
    if (this.unchecked === 0) return;
    for (let k = 0; k < this.parts.length && this.unchecked > 0; k++) {
      const part = this.parts[k]!;
      if (part.findings !== null) continue;
      let findings = this.cache.get(part.text);
      if (!findings && budget >= part.text.length) {
        budget -= part.text.length;
        findings = this.check(part.text).filter((f) => !wholeDraft(f));
        this.remember(part.text, findings);
      }
      if (!findings) continue;
      this.parts[k] = { text: part.text, findings: withCarried(findings, part.carried), spills: false };
      this.unchecked--;
    }
  }

  /** Checks the whole text, and hands each finding to the part it starts in. */
  checkAll(): void {
    const findings = this.check(this.text);
    const { parts, starts } = this;
    let i = 0;
    for (let k = 0; k < parts.length; k++) {
      const start = starts[k]!;
      const next = starts[k + 1] ?? Infinity;
      const own: Finding[] = [];
      // Findings before the first part (none start in line breaks) go with it.
      while (i < findings.length && (findings[i]!.start < next || k === parts.length - 1)) own.push(shifted(findings[i++]!, -start));
      const part = parts[k]!;
      if (part.findings === null) this.unchecked--;
      if (sameFindings(part.findings, own)) continue;
      parts[k] = { text: part.text, findings: own, spills: own.some((f) => f.end > part.text.length) };
    }
    this.fullText = this.text;
  }

  private remember(text: string, findings: readonly Finding[]): void {
    this.cache.set(text, findings);
    // Only parts still in the draft stay cached, so memory follows the draft's size.
    if (this.cache.size > 2 * this.parts.length + 64) {
      const keep = new Set(this.parts.map((p) => p.text));
      for (const key of this.cache.keys()) if (!keep.has(key)) this.cache.delete(key);
    }
  }

  /** All the findings, in the whole text's offsets, sorted by start. */
  findings(): Finding[] {
    const out: Finding[] = [];
    this.parts.forEach((part, k) => {
      for (const f of part.findings ?? []) out.push(shifted(f, this.starts[k]!));
    });
    return out;
  }

  /**
   * The answer to the content script, which holds the findings of answer `base`: what changed
   * since it (when `base` is the last answer), else all the findings.
   */
  answer(base: number | undefined): Answer {
    const id = ++answers;
    const last = this.last;
    this.last = { id, parts: this.parts.slice(), length: this.text.length };
    if (!last || base !== last.id) return { id, findings: this.findings() };
    const { parts } = this;
    const count = (p: Part) => p.findings?.length ?? 0;
    let head = 0;
    let headCount = 0;
    while (head < parts.length && head < last.parts.length && parts[head] === last.parts[head]) headCount += count(parts[head++]!);
    let tail = 0;
    let tailCount = 0;
    while (
      tail < parts.length - head &&
      tail < last.parts.length - head &&
      parts[parts.length - 1 - tail] === last.parts[last.parts.length - 1 - tail]
    )
      tailCount += count(parts[parts.length - 1 - tail++]!);
    const findings: Finding[] = [];
    for (let k = head; k < parts.length - tail; k++) for (const f of parts[k]!.findings ?? []) findings.push(shifted(f, this.starts[k]!));
    return { id, findings, delta: { base, head: headCount, tail: tailCount, shift: this.text.length - last.length } };
  }
}

/** The first index whose value is at least `value` (values sorted ascending). */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
