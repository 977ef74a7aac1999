/**
 * name-in-image: text read from an attached image (a certificate, a badge, a book label, a
 * display) contains a person's name or a pupil-list name. The OCR lines become a small draft
 * that the text engine reads as it reads a post, so the pupil list (plain or hashed, misspelt
 * by a letter), and child-name's context patterns ("Star of the week: Noah") apply unchanged;
 * on top of that, any first name the dictionary knows, or a capitalised word after "awarded
 * to", is a name, since on a certificate the name stands alone. Titled adults ("Mrs J Patel,
 * Headteacher") and the organisation's own names are left alone. Each hit carries the boxes of
 * the words read, for the card and the blurred copy.
 */
import { defineRule, type Box, type Hit, type ImageWord } from './engine/types';
import type { RuleContext } from './engine/context';
import type { Token } from './engine/tokens';
import { buildContext } from './engine/context';
import { childName } from './child-name';
import { isOrdinaryWord, lexiconTag } from './engine/lexicon';
import { toOriginal } from './engine/normalise';
import { spans } from './engine/patterns';
import names from './data/names.json';

const TITLES = new Set(names.titles);
const NOT_NAMES = new Set(names.notNames);
// What introduces the name on a certificate or badge, at the end of the line before or the
// same line: "awarded to", "presented to", "Name:", "this is to certify that".
const INTRODUCES = /(?:\b(?:awarded|presented|given|goes)\s+to|\bname\s*:|\bcertify\s+that|\bcongratulations(?:\s+to)?|\bwell\s+done(?:\s+to)?)\s*[:,-]?\s*$/i;

/** The OCR lines as one text, and where each word landed in it. */
function layout(lines: readonly ImageWord[][]): { text: string; words: { start: number; end: number; box: Box }[] } {
  let text = '';
  const words: { start: number; end: number; box: Box }[] = [];
  for (const line of lines) {
    if (text) text += '\n';
    line.forEach((word, i) => {
      if (i > 0) text += ' ';
      words.push({ start: text.length, end: text.length + word.text.length, box: word.box });
      text += word.text;
    });
  }
  return { text, words };
}

function isNameWord(ctx: RuleContext, t: Token, introduced: boolean): boolean {
  if (t.text.length < 2 || /\d/.test(t.text) || NOT_NAMES.has(t.key) || TITLES.has(t.key)) return false;
  const pupils = ctx.settings.pupils;
  if (pupils.exact(t.key) || pupils.isSurname(t.key)) return true;
  // Certificates often print names in capitals: judge those by the dictionary alone.
  const capitalised = t.capitalised && t.text.length > 1;
  if (!capitalised) return false;
  if (/Name$/.test(lexiconTag(t.key) ?? '')) return true;
  if (!isOrdinaryWord(t.key) && pupils.size > 0 && pupils.fuzzy(t.key)) return true;
  return introduced && !isOrdinaryWord(t.key);
}

/** Names written as names: runs of name words on one line, not after a title. */
function personNames(ctx: RuleContext, skip: (start: number, end: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  const { tokens, text } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
    const previousLine = text.slice(text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1, lineStart);
    const before = text.slice(lineStart, t.start);
    const introduced = INTRODUCES.test(before) || (before.trim() === '' && INTRODUCES.test(previousLine.trim()));
    if (skip(t.start, t.end) || !isNameWord(ctx, t, introduced)) continue;
    const prev = tokens[i - 1];
    const sameLine = (a: Token, b: Token) => !text.slice(a.end, b.start).includes('\n');
    // "Mrs J Patel", "Mr Jones": an adult; skip the whole titled name.
    const titled = (k: number) => {
      const p = tokens[k - 1];
      const p2 = tokens[k - 2];
      return Boolean((p && TITLES.has(p.key) && sameLine(p, tokens[k]!)) || (p && p2 && p.text.length <= 2 && TITLES.has(p2.key)));
    };
    let j = i;
    while (tokens[j + 1] && sameLine(tokens[j]!, tokens[j + 1]!) && tokens[j + 1]!.capitalised && !TITLES.has(tokens[j + 1]!.key) && !isOrdinaryWord(tokens[j + 1]!.key) && !skip(tokens[j + 1]!.start, tokens[j + 1]!.end)) j++;
    if (titled(i) || (prev && TITLES.has(prev.key))) {
      i = j;
      continue;
    }
    const end = tokens[j]!.end;
    hits.push({ start: t.start, end, message: '', why: introduced ? 'a name introduced as on a certificate' : 'a first name or pupil-list name' });
    i = j;
  }
  return hits;
}

export const nameInImage = defineRule({
  id: 'name-in-image',
  label: 'A name in an image',
  description: "Text in an attached image (a certificate, a badge, a label) contains a person's or a pupil's name.",
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    all: [['name', 'forename', 'surname', 'first name', 'caption', 'identif', 'label', 'personal information', 'information about'], ['photo', 'picture', 'image', 'video', 'footage']],
    headings: ['image', 'photo'],
  },
  image: {
    score: 0.75,
    blurs: true,
    check(image, { draft, settings }) {
      if (image.lines.length === 0) return [];
      const { text, words } = layout(image.lines);
      const ctx = buildContext({ ...draft, text }, settings);
      const org = ctx.settings.org.names ? spans(ctx.settings.org.names, ctx.text) : [];
      const inOrg = (start: number, end: number) => org.some((o) => start < o.end && o.start < end);
      const found: Hit[] = [...childName.text!.check(ctx).filter((h) => !inOrg(h.start, h.end)), ...personNames(ctx, inOrg)];
      // One finding per image, listing each name once (overlapping hits of the two detectors
      // merged), with the boxes of every word that spells one.
      const merged: Hit[] = [];
      for (const hit of found.sort((a, b) => a.start - b.start)) {
        const last = merged.at(-1);
        if (last && hit.start < last.end) last.end = Math.max(last.end, hit.end);
        else merged.push({ ...hit });
      }
      const excerpts: string[] = [];
      const boxes: Box[] = [];
      const whys = new Set<string>();
      for (const hit of merged) {
        const [start, end] = toOriginal(ctx.norm, hit.start, hit.end);
        const said = text.slice(start, end);
        if (!excerpts.includes(said)) excerpts.push(said);
        for (const w of words) if (w.start < end && start < w.end && !boxes.includes(w.box)) boxes.push(w.box);
        whys.add(hit.why.replace(/^context: /, ''));
      }
      if (excerpts.length === 0) return [];
      const listed = excerpts.map((e) => `"${e}"`).join(', ');
      return [
        {
          excerpt: excerpts.join(', '),
          boxes,
          message: `This image shows a name (${listed}). A child's name on a certificate, badge or label must be blurred out before the image is posted: use the copy with names blurred.`,
          suggestion: 'the copy with names blurred',
          why: `text read from the image: ${[...whys].join('; ')}`,
        },
      ];
    },
  },
});
