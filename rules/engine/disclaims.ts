/**
 * Does a draft say it is not written on the school's behalf? People write a disclaimer in many
 * ways: "views my own", "Opinions mine.", "all views are mine, not the school's", "thoughts here
 * are my own", "personal account", "not speaking for my employer", "#ViewsMyOwn", with typos
 * ("veiws", "opinons") and emoji around it. The draft is read as words (hashtags split at their
 * capitals, emoji dropped, misspelt words for a view read as "views"), and three shapes are looked
 * for: a view owned by the author ("views ... my own / mine / personal", "my own views",
 * "personal views / account / capacity"), a denial of speaking for the employer ("not ...
 * speaking / posting / representing / on behalf ... employer / school / trust / work"), and
 * the common fixed forms (school.json's disclaimers).
 */
import type { RuleContext } from './context';
import { DISCLAIMERS } from './patterns';
import { editDistance } from './match';
import words from '../data/disclaims.json';

const VIEWS = words.views;
const OWN = new Set(words.own);
const FILLER = new Set(words.filler);
const VIEW_NOUNS = new Set(words.personalThings);
const SPEAKING = new Set(words.speaking);
const EMPLOYER = new Set(words.employer);
const NEGATIONS = new Set(words.negations);

/** A word that means "views", allowing one slip of the keys ("veiws", "opinons", "thougths"). */
function isView(word: string): boolean {
  if (word.length < 4) return false;
  // (One slip keeps the first letter or the second: checked first, as this runs for every word.)
  for (const v of VIEWS) if (word === v || (word.length >= 5 && (word[0] === v[0] || word[1] === v[1]) && editDistance(word, v, 1) <= 1)) return true;
  return false;
}

/** The draft as lower-case words: hashtags and handles split at their capitals, "r" and "=" read as "are". */
function wordsOf(text: string): string[] {
  const split = text.replace(/[#@]([\p{L}\p{N}_]+)/gu, (_, tag: string) => ` ${tag.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/_/g, ' ')} `);
  return (split.toLowerCase().replace(/[’']/g, '').replace(/=/g, ' are ').match(/[\p{L}\p{N}]+|[.!?\n]/gu) ?? []).map((w) => (w === 'r' ? 'are' : w));
}

function disclaims(ws: readonly string[]): boolean {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (isView(w)) {
      // A view owned after it: "views (expressed here) are (all) my own / mine / personal".
      let j = i + 1;
      while (j < ws.length && j - i <= 6 && FILLER.has(ws[j]!)) j++;
      const next = ws[j];
      if (next && (OWN.has(next) || (next === 'my' && ws[j + 1] === 'own'))) return true;
      if (ws[j - 1] === 'my' && next === 'own') return true;
      // "my views only", "my own views", "personal opinions".
      if ((ws[i - 1] === 'my' && (ws[i + 1] === 'only' || ws[i + 1] === 'alone')) || ws[i - 1] === 'own' || ws[i - 1] === 'personal') return true;
    }
    // "personal account / page / capacity".
    if (w === 'personal' && VIEW_NOUNS.has(ws[i + 1] ?? '')) return true;
    // "not (speaking | posting | representing | on behalf of ...) ... my employer / the school".
    if (NEGATIONS.has(w)) {
      let spoke = false;
      for (let j = i + 1; j < Math.min(ws.length, i + 9); j++) {
        const x = ws[j]!;
        if (/^[.!?\n]$/.test(x)) break;
        if (SPEAKING.has(x)) spoke = true;
        else if (spoke && EMPLOYER.has(x)) return true;
        // "mine, not the school's" (a view owned just before); "not my employer's views".
        else if (EMPLOYER.has(x) && j <= i + 3 && (ws.slice(Math.max(0, i - 5), i).some((p) => OWN.has(p)) || isView(ws[j + 1] ?? ''))) return true;
      }
    }
    if (w === 'speaking' && ws[i + 1] === 'for' && ws[i + 2] === 'myself') return true;
  }
  return false;
}

const cache = new WeakMap<RuleContext, boolean>();

/** The draft carries a disclaimer: a common form, or the organisation's own disclaimer text. */
export function hasDisclaimer(ctx: RuleContext): boolean {
  let yes = cache.get(ctx);
  if (yes === undefined) {
    const configured = ctx.settings.org.disclaimer;
    if (configured) configured.lastIndex = 0;
    yes = DISCLAIMERS.test(ctx.text) || (configured?.test(ctx.text) ?? false) || disclaims(wordsOf(ctx.text));
    cache.set(ctx, yes);
  }
  return yes;
}
