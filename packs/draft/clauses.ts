/**
 * Splits a policy document into clauses: its sentences and list items, each with the section
 * heading (or clause number) it sits under and its offsets in the document, so that every quote
 * is the document's own words.
 */

export interface DocClause {
  /** A stable id for the pack: the clause number or section, then a running number. */
  id: string;
  /** The section heading or clause number, e.g. "6.4" or "Use of images: DO". */
  section: string;
  /** The sentence or item as written (markers and emphasis stripped, whitespace collapsed). */
  quote: string;
  /** Offsets of the clause in the document text. */
  start: number;
  end: number;
  /** The sentence a list item completes ("Staff should not:"), when it has one. */
  leadIn?: string;
  /** The headings above the clause, outermost first. */
  headings: string[];
}

interface Line {
  text: string;
  start: number;
  end: number;
}

interface Unit {
  start: number;
  end: number;
  bullet: boolean;
  /** The clause number it starts with ("6.4"), if any. */
  number?: string;
  blankBefore: boolean;
}

const BULLET = /^(?:[-*\u2022\u25AA\u25E6\u25CF\u00B7\u2013\u27A2\u2192>]|\(?[a-z]\)|\(?[ivx]{1,4}\)|[ivx]{1,4}\.|\d{1,2}[.)](?!\d))\s+/i;
const CLAUSE_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+/;
const HEADING_NUMBER = /^(?:(?:section|part)\s+)?(\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,4}\.|[A-Z]\.)\s+/i;
const TERMINAL = /[.!?;:,]["'\u2019\u201D)]?$/;
/**
 * A sentence that a list completes ends in a colon, or in a spaced dash ("We will not –",
 * "Staff must not -"): its items are what it asks.
 */
export const LEAD_IN_END = /(?::|\s[-\u2013\u2014])\s*$/;
/** A line ending in one of these words stops mid-phrase: it is no heading. */
const DANGLING = /\b(?:a|an|the|of|in|on|at|to|for|with|by|from|and|or|but|as|that|which|who|their|its|our|your|is|are|be|will|must|should|not|may|can)$/i;
/** A line that is a web address, perhaps with a label ("source: https://..."). */
const URL_LINE = /^(?:[\w ]{1,20}:\s*)?(?:https?:\/\/|www\.)\S+$/i;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|eg|ie|vs|Mr|Mrs|Ms|Dr|St|No|approx|incl|cf|Co|Ltd|para|ref)\.$/i;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    lines.push({ text: trimmed, start: pos + lead, end: pos + lead + trimmed.length });
    pos += raw.length + 1;
  }
  return lines;
}

/** Markdown decoration that is not part of the words: links' targets, emphasis, heading hashes. */
function plain(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^#{1,6}\s+/, '')
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, '$1')
    .replace(/\\([()[\]*_#-])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * A heading: a markdown heading, a line in bold, or a short line with no closing punctuation
 * that the next line does not continue.
 */
function isHeading(line: string, next: string | undefined): boolean {
  if (/^#{1,6}\s/.test(line)) return true;
  if (/^\*\*[^*]+\*\*:?$/.test(line)) return true;
  const body = plain(line).replace(BULLET, '');
  if (!body || TERMINAL.test(body) && !/:$/.test(body)) return false;
  if (LEAD_IN_END.test(body)) return wordCount(body) <= 4 && !/\b(?:should|must|will|are|is|not)\b/i.test(body);
  const numbered = /^\d{1,2}(?:\.\d{1,2})*\.?\s/.test(body);
  // A line that stops mid-phrase ("... (i.e. in") is a sentence broken across lines.
  if (DANGLING.test(body) || (body.match(/\(/g)?.length ?? 0) > (body.match(/\)/g)?.length ?? 0)) return false;
  if (body.length > (numbered ? 110 : 80) || wordCount(body) > (numbered ? 16 : 12)) return false;
  if (next !== undefined && /^[a-z]/.test(next) && !BULLET.test(next)) return false;
  // A heading starts with a capital or a number, and is not an item of a list.
  return /^[A-Z0-9"'\u2018\u201C]/.test(body) && !/^[-*\u2022]\s/.test(line);
}

function headingLevel(line: string): number {
  const md = /^(#{1,6})\s/.exec(line);
  if (md) return md[1]!.length;
  const body = plain(line);
  if (/^\d{1,2}(?:\.0)?\.?\s/.test(body) || /^(?:section|part)\s/i.test(body)) return 1;
  if (/^\d{1,2}\.\d/.test(body)) return 2;
  if (/^[ivx]{1,4}\.\s/i.test(body) || /^[A-Z]\.\s/.test(body) || /:$/.test(body)) return 3;
  return 2;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/\.+-/g, '-');

/** Splits text into clauses; `text` is the whole document as extracted. */
export function splitClauses(text: string): DocClause[] {
  const lines = splitLines(text);
  const clauses: DocClause[] = [];
  const headings: { level: number; text: string }[] = [];
  let units: Unit[] = [];
  let leadIn: { text: string; section: string } | undefined;
  let sectionNumber: string | undefined;
  const used = new Set<string>();

  const flush = () => {
    for (const unit of units) emitUnit(unit);
    units = [];
  };

  const currentSection = (): string => {
    const names = headings.map((h) => h.text);
    return names.length ? names.slice(-2).join(': ') : 'Introduction';
  };

  const emitUnit = (unit: Unit) => {
    let body = text.slice(unit.start, unit.end);
    let offset = unit.start;
    const strip = (re: RegExp) => {
      const m = re.exec(body);
      if (m) {
        offset += m[0].length;
        body = body.slice(m[0].length);
      }
      return m;
    };
    strip(/^[-*\u2022\u25AA\u25E6\u25CF\u00B7\u2013\u27A2\u2192>]\s+/);
    const num = strip(CLAUSE_NUMBER);
    if (!num) strip(BULLET);
    if (num) sectionNumber = num[1];
    const isItem = unit.bullet && !num;
    if (!isItem && !num && !unit.bullet) leadIn = undefined;
    const section = num ? num[1]! : isItem && leadIn ? leadIn.section : sectionNumber && !unit.blankBefore ? sectionNumber : currentSection();
    for (const [s, e] of sentences(body)) {
      const raw = body.slice(s, e);
      // The document's own words: only emphasis markers go (quotes are compared without them).
      const quote = raw.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
      if (quote.length < 12 || wordCount(quote) < 3) continue;
      const base = `${slug(section).slice(0, 24) || 'clause'}`;
      let n = 1;
      while (used.has(`${base}-${n}`)) n++;
      const id = `${base}-${n}`;
      used.add(id);
      clauses.push({
        id,
        section,
        quote,
        start: offset + s,
        end: offset + e,
        ...(isItem && leadIn ? { leadIn: leadIn.text } : {}),
        headings: headings.map((h) => h.text),
      });
    }
    // A lead-in whose first item runs on in the same line ("may not contain: a) any reference
    // ...;"), the next items on lines of their own.
    const inline = /^(.*?:)\s+(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\d{1,2}\))\s/i.exec(body);
    // The lead-in is the paragraph's last sentence ("However, the district shall regulate ... when
    // such use:"), not the whole paragraph: what comes before it is not what the items complete.
    if (LEAD_IN_END.test(body)) {
      const last = sentences(body).at(-1);
      leadIn = { text: plain(last ? body.slice(last[0], last[1]) : body), section };
    }
    else if (inline && !isItem) leadIn = { text: plain(inline[1]!), section };
    else if (!isItem) leadIn = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text) continue;
    if (line.text.includes('\t') || /^\|.*\|$/.test(line.text)) continue; // tables: contents, document control
    if (URL_LINE.test(plain(line.text))) continue; // an address alone: no clause, and no heading
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text) j++;
    const next = lines[j]?.text;
    const blankBefore = i === 0 || !lines[i - 1]!.text;
    const previous = units.length > 0 ? text.slice(units.at(-1)!.start, units.at(-1)!.end) : undefined;
    const continues =
      previous !== undefined &&
      !BULLET.test(line.text) &&
      !/[.!?:]["'\u2019\u201D)]?$/.test(previous) &&
      (/^[a-z(]/.test(line.text) || (!blankBefore && (DANGLING.test(previous) || /[,(]$/.test(previous))));
    if (continues) {
      units.at(-1)!.end = line.end;
      continue;
    }
    if (isHeading(line.text, next)) {
      flush();
      const body = plain(line.text).replace(/:$/, '');
      const level = headingLevel(line.text);
      while (headings.length && headings.at(-1)!.level >= level) headings.pop();
      headings.push({ level, text: body.replace(/^[-*\u2022]\s*/, '') });
      const number = HEADING_NUMBER.exec(body);
      sectionNumber = undefined;
      if (number && level <= 2 && /^\d/.test(number[1]!)) sectionNumber = undefined;
      leadIn = undefined;
      continue;
    }
    flush();
    units.push({ start: line.start, end: line.end, bullet: BULLET.test(line.text), blankBefore });
  }
  flush();
  return clauses;
}

/**
 * Sentence spans in a paragraph: ends at . ! ? followed by a capital, a quote or a bracket; and
 * at a bullet inside the line (" • "), where a PDF ran a list's items together into one line.
 */
function sentences(body: string): [number, number][] {
  const spans: [number, number][] = [];
  const inlineBullet = /\s[\u2022\u25AA\u25CF]\s+/g;
  let from = 0;
  for (let m = inlineBullet.exec(body); ; m = inlineBullet.exec(body)) {
    const to = m ? m.index : body.length;
    for (const [s, e] of sentencesOf(body.slice(from, to))) spans.push([from + s, from + e]);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return spans;
}

function sentencesOf(body: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[.!?]["'\u2019\u201D)]?(?=\s+["'\u2018\u201C(]?[A-Z0-9])/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const end = m.index + m[0].length;
    if (ABBREVIATION.test(body.slice(Math.max(0, start), m.index + 1))) continue;
    spans.push([start, end]);
    start = end;
    while (start < body.length && /\s/.test(body[start]!)) start++;
  }
  const tail = body.slice(start).trimEnd();
  if (tail) spans.push([start, start + tail.length]);
  return spans;
}
