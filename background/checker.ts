import type { Finding } from '../rules/engine/types';
import { ruleFacts } from '../rules/engine/facts';

/**
 * Checks a draft as it is typed, fast enough to redraw marks within the keystroke's frame.
 *
 * A short draft is checked whole every time (a few milliseconds). A long one is split into
 * chunks (paragraphs, and long paragraphs at sentence ends); only chunks whose text changed are
 * checked again, the others come from a cache. Chunk results are provisional: rules that need
 * the whole draft (a rule's `wholeDraft`) cannot see it from one chunk, so the caller has the
 * whole draft checked once typing pauses, and until then those rules' findings are carried over
 * from the last whole-draft check, shifted past the edit.
 */
export const LONG_DRAFT = 1_000;
const CHUNK = 600;
// Characters of new chunks checked per keystroke: about 15 ms of engine time.
const CHUNK_BUDGET = 1_200;

// Such a rule (the disclaimer: does the draft name the school anywhere, and have a disclaimer
// anywhere?) cannot be answered from a single paragraph.
const wholeDraft = (f: Finding) => ruleFacts(f.rule).text?.wholeDraft === true;

export type Check = (text: string) => Finding[];

interface Chunk {
  start: number;
  text: string;
}

/** Paragraphs, with any paragraph longer than CHUNK cut after sentence ends. */
export function chunk(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const paragraph = /[^\n]+/g;
  for (const m of text.matchAll(paragraph)) {
    let start = m.index;
    const end = start + m[0].length;
    while (end - start > CHUNK) {
      const window = text.slice(start, start + CHUNK);
      const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
      // No sentence end in reach (one very long sentence): cut at a space rather than mid-word.
      const at = cut > 0 ? cut + 2 : Math.max(window.lastIndexOf(' ') + 1, 1);
      chunks.push({ start, text: text.slice(start, start + at) });
      start += at;
    }
    chunks.push({ start, text: text.slice(start, end) });
  }
  return chunks;
}

/** Where `after` differs from `before`: the common prefix length and the length change. */
function edit(before: string, after: string): { at: number; oldEnd: number; delta: number } {
  let at = 0;
  const max = Math.min(before.length, after.length);
  while (at < max && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let tail = 0;
  while (
    tail < max - at &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { at, oldEnd: before.length - tail, delta: after.length - before.length };
}

export class IncrementalChecker {
  private cache = new Map<string, Finding[]>();
  /** The text the last whole-draft check was of. */
  private fullText: string | null = null;
  private carried: { text: string; findings: Finding[] } | null = null;
  /** False when the last incremental run left chunks unchecked (a large paste went over budget). */
  complete = true;

  constructor(private readonly check: Check) {}

  /** Checks the whole draft: short drafts every time, long ones once typing pauses. */
  checkAll(text: string): Finding[] {
    const findings = this.check(text);
    this.fullText = text;
    this.carried = { text, findings: findings.filter(wholeDraft) };
    return findings;
  }

  /** Whether the findings of the last whole-draft check are for exactly this text. */
  isFull(text: string): boolean {
    return this.fullText === text;
  }

  /**
   * Checks the chunks that changed, reuses the rest, and carries whole-draft findings over.
   * At most CHUNK_BUDGET characters are checked per call, so a large paste cannot stall
   * typing; what is left over waits for the whole-draft check (`complete` says so).
   */
  incremental(text: string): Finding[] {
    const next = new Map<string, Finding[]>();
    const findings: Finding[] = [];
    let budget = CHUNK_BUDGET;
    this.complete = true;
    for (const { start, text: part } of chunk(text)) {
      let relative = next.get(part) ?? this.cache.get(part);
      if (!relative && budget >= part.length) {
        budget -= part.length;
        relative = this.check(part).filter((f) => !wholeDraft(f));
      }
      if (!relative) {
        this.complete = false;
        continue;
      }
      next.set(part, relative);
      for (const f of relative) findings.push({ ...f, start: f.start + start, end: f.end + start });
    }
    // Only chunks still in the draft stay cached, so memory follows the draft's size.
    this.cache = next;
    findings.push(...this.carriedOver(text));
    return findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /**
   * Whole-draft findings of the last whole-draft check, moved along with each edit since (one
   * call is one edit, so a common prefix and suffix locate it); dropped where an edit hit them.
   */
  private carriedOver(text: string): Finding[] {
    if (!this.carried) return [];
    const { at, oldEnd, delta } = edit(this.carried.text, text);
    const findings: Finding[] = [];
    for (const f of this.carried.findings) {
      if (f.end <= at) findings.push(f);
      else if (f.start >= oldEnd) findings.push({ ...f, start: f.start + delta, end: f.end + delta });
    }
    this.carried = { text, findings };
    return findings;
  }
}
