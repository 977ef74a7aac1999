import type { Finding } from '../rules/engine/types';
import { ruleFacts } from '../rules/engine/facts';
import type { FindingsDelta } from '../protocol/messages';
import { lastAtOrBefore } from '../rules/engine/search';
import { Sequence, type Entry } from '../rules/engine/sequence';

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

/** Text read a slice at a time: a string, or a draft kept as parts (the checker's). */
interface Reader {
  readonly length: number;
  slice(start: number, end: number): string;
}

const stringReader = (text: string): Reader => ({ length: text.length, slice: (start, end) => text.slice(start, end) });

/**
 * The part starting at or after `from` (line breaks skipped), or null at the end. Reads the text
 * forward from `from` only, and no further than the part's end or CHUNK characters on, so cutting
 * from a part's start gives the parts a cut of the whole text gives from there.
 */
function nextChunk(text: Reader, from: number): Chunk | null {
  let start = from;
  for (;;) {
    if (start >= text.length) return null;
    const head = text.slice(start, start + 64);
    let i = 0;
    while (i < head.length && head.charCodeAt(i) === 10) i++;
    start += i;
    if (i < head.length) break;
  }
  // A paragraph of at most CHUNK characters ends within CHUNK + 1 of its start.
  const window = text.slice(start, start + CHUNK + 1);
  const newline = window.indexOf('\n');
  if (newline >= 0) return { start, text: window.slice(0, newline) };
  if (window.length <= CHUNK) return { start, text: window };
  const head = window.slice(0, CHUNK);
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  // No sentence end in reach (one very long sentence): cut at a space rather than mid-word.
  const at = cut > 0 ? cut + 2 : Math.max(head.lastIndexOf(' ') + 1, 1);
  return { start, text: head.slice(0, at) };
}

/** Paragraphs, with any paragraph longer than CHUNK cut after sentence ends. */
export function chunk(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const reader = stringReader(text);
  for (let c = nextChunk(reader, 0); c; c = nextChunk(reader, c.start + c.text.length)) chunks.push(c);
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
 * new one.
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

/**
 * The draft is its parts and the line breaks between them (a part holds no line break, and all
 * that lies between two parts is line breaks), kept in a Sequence (rules/engine/sequence.ts): an entry's
 * sizes are [the line breaks before it + its text's length, its findings' count], so where a part
 * starts, which part holds an offset, and how many findings come before a part are each found in
 * O(log n), and an edit replaces only the parts it reached. The whole text is joined only when a
 * whole-draft check needs it, and kept until the next edit.
 */
export class IncrementalChecker {
  private parts = new Sequence<Part>(2);
  /** Line breaks after the last part. */
  private trailing = 0;
  private joined: string | null = '';
  /** Chunk results by a part's text (its own check, whole-draft rules left out). */
  private cache = new Map<string, readonly Finding[]>();
  /** Whether the findings are those of a whole-draft check of the text as it is. */
  private fullCheck = false;
  /** The last answer's id and the length of the text it was for. */
  private last: { id: number; length: number } | null = null;
  /** The parts whose findings may differ from the last answer's ([from, to) of the parts now). */
  private dirty: { from: number; to: number } | null = null;
  /** Parts not checked yet (a large paste went over budget). */
  private unchecked = new Set<Entry<Part>>();

  constructor(private readonly check: Check) {}

  /** The text's length. */
  get length(): number {
    return this.parts.total() + this.trailing;
  }

  /** The whole text (joined from the parts when it changed since it was last joined). */
  text(): string {
    if (this.joined === null) {
      let text = '';
      for (let k = 0; k < this.parts.length; k++) {
        const entry = this.parts.at(k);
        text += '\n'.repeat(entry.size[0]! - entry.item.text.length) + entry.item.text;
      }
      this.joined = text + '\n'.repeat(this.trailing);
    }
    return this.joined;
  }

  /** text()[start, end), read from the parts it lies in. */
  slice(start: number, end: number): string {
    start = Math.max(0, start);
    end = Math.min(this.length, end);
    if (end <= start) return '';
    if (this.joined !== null) return this.joined.slice(start, end);
    let out = '';
    for (let k = this.parts.indexAt(start); k < this.parts.length && out.length < end - start; k++) {
      const entry = this.parts.at(k);
      const from = this.parts.before(k);
      const span = '\n'.repeat(entry.size[0]! - entry.item.text.length) + entry.item.text;
      out += span.slice(Math.max(0, start - from), end - from);
    }
    if (out.length < end - start) out += '\n'.repeat(end - start - out.length);
    return out;
  }

  /** Whether every part has findings (false when a large paste left some for the whole check). */
  get complete(): boolean {
    return this.unchecked.size === 0;
  }

  /** Whether the findings are those of a whole-draft check of the text as it is now. */
  get full(): boolean {
    return this.fullCheck;
  }

  /** Whether the findings are those of a whole-draft check of exactly `text`. */
  isFull(text: string): boolean {
    return this.fullCheck && this.length === text.length && this.text() === text;
  }

  /** The parts, with where each starts (for tests: it reads them all). */
  cut(): Chunk[] {
    return this.parts.items().map((part, k) => ({ start: this.start(k), text: part.text }));
  }

  private start(k: number): number {
    const entry = this.parts.at(k);
    return this.parts.before(k) + entry.size[0]! - entry.item.text.length;
  }

  private end(k: number): number {
    return this.parts.before(k + 1);
  }

  /** The first part starting at or after `offset`. */
  private firstFrom(offset: number): number {
    const k = this.parts.indexAt(Math.max(0, offset));
    return k < this.parts.length && this.start(k) < offset ? k + 1 : k;
  }

  /**
   * Moves to `text`: the parts an edit reached are cut again (left unchecked), the rest keep their
   * findings and move with the text. `change` says where the text changed (found when not given).
   */
  update(text: string, change?: Change): void {
    const found = change ?? changeBetween(this.text(), text);
    if (found.at === found.oldEnd && found.at === found.newEnd) return;
    this.edit(found.at, found.oldEnd, text.slice(found.at, found.newEnd));
  }

  /**
   * Replaces text[at, oldEnd) with `insert`: only the parts the edit can have moved are read and
   * cut again, from the text around the edit; the parts after them move as a whole.
   */
  edit(at: number, oldEnd: number, insert: string): void {
    const oldLength = this.length;
    if (at < 0 || oldEnd < at || oldEnd > oldLength) throw new RangeError(`an edit of [${at}, ${oldEnd}) of a text of ${oldLength} characters`);
    if (at === oldEnd && insert === '') return;
    const change: Change = { at, oldEnd, newEnd: at + insert.length };
    const delta = insert.length - (oldEnd - at);
    const length = oldLength + delta;
    const { parts } = this;
    // The text after the edit, read from the old parts around it.
    const reader: Reader = {
      length,
      slice: (start, end) => {
        end = Math.min(end, length);
        if (end <= start) return '';
        let out = '';
        if (start < at) out += this.slice(start, Math.min(end, at));
        if (end > at && start < change.newEnd) out += insert.slice(Math.max(0, start - at), Math.min(insert.length, end - at));
        if (end > change.newEnd) out += this.slice(Math.max(start, change.newEnd) - delta, end - delta);
        return out;
      },
    };
    this.fullCheck = false;
    // The first part the edit can have moved: a part's cut reads up to CHUNK characters on, and a
    // part a whole-draft finding spills out of goes with the part after it.
    let first = this.firstFrom(at - CHUNK - 1);
    if (first > 0 && this.end(first - 1) >= at) first--;
    while (first > 0 && parts.at(first - 1).item.spills) first--;
    const from = first > 0 ? this.end(first - 1) : 0;
    // Cut from there until a part starts where one started in the old text, past the edit.
    const made: Part[] = [];
    const madeStarts: number[] = [];
    let resume = parts.length;
    let resumeStart = length;
    for (let c = nextChunk(reader, from); c; c = nextChunk(reader, c.start + c.text.length)) {
      if (c.start >= change.newEnd) {
        const oldStart = c.start - delta;
        const k = this.firstFrom(oldStart);
        if (k < parts.length && this.start(k) === oldStart && oldStart >= oldEnd && k >= first) {
          resume = k;
          resumeStart = c.start;
          break;
        }
      }
      // A part the edit did not reach (same text, same place) keeps its findings.
      const k = c.start < at ? this.firstFrom(c.start) : -1;
      const old = k >= first && k < parts.length && this.start(k) === c.start ? parts.at(k).item : null;
      made.push(old && old.text === c.text && !old.spills ? old : this.part(c.text));
      madeStarts.push(c.start);
    }
    const oldParts = parts.items(first, resume);
    const oldStarts = oldParts.map((_, i) => this.start(first + i));
    this.carry(oldParts, oldStarts, made, madeStarts, change, delta);
    // The line breaks before each new part, and before the part the cut resumed at.
    let end = from;
    const entries = made.map((part, i) => {
      const gap = madeStarts[i]! - end;
      end = madeStarts[i]! + part.text.length;
      return { item: part, size: [gap + part.text.length, part.findings?.length ?? 0] };
    });
    for (let k = first; k < resume; k++) this.unchecked.delete(parts.at(k));
    const inserted = parts.splice(first, resume - first, entries);
    inserted.forEach((entry) => entry.item.findings === null && this.unchecked.add(entry));
    const after = first + made.length;
    if (after < parts.length) {
      const next = parts.at(after);
      parts.set(next, next.item, [resumeStart - end + next.item.text.length, next.size[1]!]);
    } else this.trailing = length - end;
    this.markDirty(first, resume, made.length);
    this.joined = null;
  }

  /** The parts [first, oldTo) were replaced by `count` parts: what the next answer must send grows to cover them. */
  private markDirty(first: number, oldTo: number, count: number): void {
    const moved = count - (oldTo - first);
    const d = this.dirty;
    if (!d) {
      this.dirty = { from: first, to: first + count };
      return;
    }
    const to = d.to <= first ? d.to : d.to >= oldTo ? d.to + moved : first + count;
    this.dirty = { from: Math.min(d.from, first), to: Math.max(to, first + count) };
  }

  /** The part `k`'s findings changed. */
  private touch(k: number): void {
    const d = this.dirty;
    this.dirty = d ? { from: Math.min(d.from, k), to: Math.max(d.to, k + 1) } : { from: k, to: k + 1 };
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
      const k = lastAtOrBefore(madeStarts, f.start);
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
    return { text, findings: this.cache.get(text) ?? null, spills: false };
  }

  /** Gives part `k` its findings. */
  private settle(k: number, part: Part): void {
    const entry = this.parts.at(k);
    this.unchecked.delete(entry);
    this.parts.set(entry, part, [entry.size[0]!, part.findings?.length ?? 0]);
    this.touch(k);
  }

  /**
   * Checks the parts not checked yet, at most CHUNK_BUDGET characters of them, so a large paste
   * cannot stall typing; what is left waits for the whole-draft check (`complete` says so).
   */
  incremental(budget = CHUNK_BUDGET): void {
    if (this.unchecked.size === 0) return;
    const waiting = [...this.unchecked].map((entry) => this.parts.indexOf(entry)).sort((a, b) => a - b);
    for (const k of waiting) {
      const part = this.parts.at(k).item;
      let findings = this.cache.get(part.text);
      if (!findings && budget >= part.text.length) {
        budget -= part.text.length;
        findings = this.check(part.text).filter((f) => !wholeDraft(f));
        this.remember(part.text, findings);
      }
      if (!findings) continue;
      this.settle(k, { text: part.text, findings: withCarried(findings, part.carried), spills: false });
    }
  }

  /** Checks the whole text, and hands each finding to the part it starts in. */
  checkAll(): void {
    const findings = this.check(this.text());
    const { parts } = this;
    let i = 0;
    let start = parts.length ? this.start(0) : 0;
    for (let k = 0; k < parts.length; k++) {
      const next = k + 1 < parts.length ? this.start(k + 1) : Infinity;
      const own: Finding[] = [];
      // Findings before the first part (none start in line breaks) go with it.
      while (i < findings.length && (findings[i]!.start < next || k === parts.length - 1)) own.push(shifted(findings[i++]!, -start));
      const part = parts.at(k).item;
      if (part.findings === null || !sameFindings(part.findings, own)) this.settle(k, { text: part.text, findings: own, spills: own.some((f) => f.end > part.text.length) });
      start = next;
    }
    this.fullCheck = true;
  }

  private remember(text: string, findings: readonly Finding[]): void {
    this.cache.set(text, findings);
    // Only parts still in the draft stay cached, so memory follows the draft's size.
    if (this.cache.size > 2 * this.parts.length + 64) {
      const keep = new Set(this.parts.items().map((p) => p.text));
      for (const key of this.cache.keys()) if (!keep.has(key)) this.cache.delete(key);
    }
  }

  /** The findings of parts [from, to), in the whole text's offsets, sorted by start. */
  findings(from = 0, to = this.parts.length): Finding[] {
    const out: Finding[] = [];
    for (let k = from; k < to; k++) {
      const start = this.start(k);
      for (const f of this.parts.at(k).item.findings ?? []) out.push(shifted(f, start));
    }
    return out;
  }

  /**
   * The answer to the content script, which holds the findings of answer `base`: what changed
   * since it (when `base` is the last answer), else all the findings.
   */
  answer(base: number | undefined): Answer {
    const id = ++answers;
    const last = this.last;
    const dirty = this.dirty;
    this.last = { id, length: this.length };
    this.dirty = null;
    if (!last || base !== last.id) return { id, findings: this.findings() };
    const from = dirty?.from ?? this.parts.length;
    const to = dirty?.to ?? this.parts.length;
    const head = this.parts.before(from, 1);
    const tail = this.parts.total(1) - this.parts.before(to, 1);
    return { id, findings: this.findings(from, to), delta: { base, head, tail, shift: this.length - last.length } };
  }
}
