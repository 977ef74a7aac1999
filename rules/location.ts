/**
 * location: home addresses, and live whereabouts of pupils ("we're at Riverside Park until 3pm
 * with Year 2"); a past trip ("last week's aquarium trip") passes. Its image part: a photo whose
 * metadata records where it was taken (EXIF GPS).
 */
import { defineRule, type Hit } from './engine/types';
import { anyOf } from './engine/patterns';
import { Marks, perSentence } from './engine/match';
import data from './data/location.json';

// Street types as written in addresses: "Grove" or "grove" (the rest of the pattern is case-sensitive).
const STREET = `(?:${data.streetTypes.map((t) => `[${t[0]!.toUpperCase()}${t[0]}]${t.slice(1)}`).join('|')})`;
// "31 Beech Grove", "14a Mill Lane, Lowfield", and UK postcodes.
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}£$€.,:])\\d{1,4}[a-z]?,?\\s+(?:\\p{Lu}[\\p{L}'-]{1,30}\\s+){1,3}${STREET}(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}(?![\\p{L}\\p{N}])`,
  'gu',
);
const HOME = anyOf(data.homeWords, 'iu');
// A street named without a house number ("lives on Foxglove Road"): an address where home wording places someone.
const STREET_NAMED = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}'-]{1,30}\\s+){1,2}${STREET}(?![\\p{L}\\p{N}])`, 'gu');
const GROUP = anyOf(data.groups, 'iu');
// A named place ("at Ashgrove Rec", "left Stratford services"): capitals matter, so not in the
// case-insensitive list.
const PRESENCE = new RegExp(`${anyOf(data.presence, 'iu').source}|\\b(?:[Aa]t|[Ii]n|[Oo]n|[Oo]utside|[Nn]ear|[Bb]y|[Ll]eft|[Ff]rom|[Dd]own)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}']+`, 'u');
const PRESENCE_CI = anyOf(data.presence, 'iu');
const NOW = anyOf(data.now, 'iu');
const STRONG_NOW = anyOf(data.strongNow, 'iu');
const PAST = anyOf(data.past, 'iu');
const PAST_TIME = anyOf(data.pastTime, 'iu');
const PLACE_NOUN = anyOf(data.placeNouns, 'iu');
const NOT_PLACE = new Set(data.notPlace);
// A capitalised word after a word that places someone ("at Filey", "outside the Natural History
// Museum", "exploring the Roman Baths"); "with Year 10" places nobody.
const PLACED_AT = /(?<![\p{L}\p{N}])(?:[Aa]t|[Ii]n|[Oo]n|[Oo]utside|[Ii]nside|[Nn]ear|[Bb]y|[Ff]rom|[Tt]o|[Ii]nto|[Aa]round|[Aa]long|[Dd]own|[Uu]p|[Vv]isiting|[Ee]xploring|[Ll]eft|[Ll]eaving|[Rr]eached)\s+(?:the\s+)?(\p{Lu}[\p{L}'-]*)/gu;
// A sentence that opens with a name of two or more capitalised words ("Royal Armouries with Year 5 today").
const OPENS_WITH_NAME = /^\s*(\p{Lu}[\p{L}'-]+)\s+\p{Lu}[\p{L}'-]+/u;

export const location = defineRule({
  id: 'location',
  label: 'Where someone is or lives',
  description: 'Home addresses, where pupils are right now, and photos whose metadata (EXIF GPS) records where they were taken.',
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['location', 'address', 'whereabouts', 'geotag', 'geo-tag', 'gps', 'where they live', 'where pupils', 'contact details', 'trips', 'excursion', 'journey', 'live'],
    headings: ['location', 'whereabouts', 'trips'],
  },
  text: {
    score: 0.7,
    check(ctx) {
      const hits: Hit[] = [];
      const homeNear = perSentence((start, end) => HOME.test(ctx.text.slice(Math.max(0, start - 80), end)));
      for (const m of ctx.text.matchAll(ADDRESS)) {
        // On a personal account any street address is likely home; an official account names
        // the school's or a venue's address, so there it needs home wording.
        if (ctx.draft.account === 'official' && !homeNear(ctx.sentenceAt(m.index))) continue;
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: `"${m[0]}" is an address. Posting a home address tells everyone where you (or someone else) live; share it privately instead.`,
          why: 'a street address or postcode',
        });
      }
      for (const m of ctx.text.matchAll(STREET_NAMED)) {
        const s = ctx.sentenceAt(m.index);
        if (!HOME.test(ctx.text.slice(s.start, s.end)) || hits.some((h) => m.index < h.end && h.start < m.index + m[0].length)) continue;
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          message: `"${m[0]}" says where someone lives. Posting where a pupil or colleague lives tells everyone where to find them; share it privately instead.`,
          why: 'a street named with home wording',
        });
      }
      // Live whereabouts: pupils (a group, or named pupils), somewhere, now, and not a trip that is
      // over. The group may be named in the sentence before ("Year 6 trip to London today!
      // Currently queueing outside the Natural History Museum").
      const pupilNamed = (start: number, end: number) =>
        ctx.tokens.some((t) => t.start >= start && t.end <= end && t.capitalised && ctx.settings.pupils.isFirstName(t.key));
      // Somewhere anyone could go: a kind of place, or a capitalised name where someone is placed.
      // Groups, titles, days, subjects and pupils' names are not places.
      const isPlaceWord = (word: string) => {
        const key = word.toLowerCase().replace(/'s$/, '');
        return !NOT_PLACE.has(key) && !ctx.settings.pupils.isFirstName(key);
      };
      // A capitalised name that qualifies the noun after it ("in Tudor costume", "Victorian dress")
      // names no place, unless that noun is a kind of place ("Halden castle").
      let byStart: Map<number, number> | undefined;
      const qualifiesNoun = (at: number) => {
        byStart ??= new Map(ctx.tokens.map((t, i) => [t.start, i]));
        let i = byStart.get(at);
        if (i === undefined) return false;
        while (ctx.tokens[i + 1]?.capitalised && ctx.text.slice(ctx.tokens[i]!.end, ctx.tokens[i + 1]!.start).trim() === '') i++;
        const next = ctx.tokens[i + 1];
        if (!next || next.capitalised || ctx.text.slice(ctx.tokens[i]!.end, next.start).trim() !== '') return false;
        const tags = ctx.tagsAt(next.start);
        return tags.has('Noun') && !tags.has('Date') && !tags.has('Pronoun') && !PLACE_NOUN.test(next.text);
      };
      const hasPlace = perSentence((start, end) => {
        const sentence = ctx.text.slice(start, end);
        if (PLACE_NOUN.test(sentence)) return true;
        for (const m of sentence.matchAll(PLACED_AT)) {
          const at = start + m.index + m[0].length - m[1]!.length;
          if (isPlaceWord(m[1]!) && !qualifiesNoun(at)) return true;
        }
        const opening = OPENS_WITH_NAME.exec(sentence);
        return !!opening && isPlaceWord(opening[1]!);
      });
      if (!STRONG_NOW.test(ctx.text) && !NOW.test(ctx.text)) return hits;
      // "Our choir sang at St Mary's this morning": a verb in the simple past, whatever verb it is
      // (not a headline's opening "Spotted at ...", a perfect "have arrived" nor a passive "has
      // been lost", "are parked").
      const pastVerb = (start: number, end: number) =>
        ctx.tokens.some((t, i) => t.start > start && t.end <= end && ctx.tagsAt(t.start).has('PastTense') && !/^(?:have|has|had|'ve|'s|been|being|be|get|gets|got|getting|is|are|'re|am|'m)$/i.test(ctx.tokens[i - 1]?.text ?? ''));
      const marks = new Marks(ctx.text.length);
      for (const h of hits) marks.add(h.start, h.end);
      ctx.sentences.forEach((s, i) => {
        const sentence = ctx.text.slice(s.start, s.end);
        const from = ctx.sentences[i - 1]?.start ?? s.start;
        const to = ctx.sentences[i + 1]?.end ?? s.end;
        const around = ctx.text.slice(from, to);
        if (!(GROUP.test(around) || pupilNamed(from, to))) return;
        const strong = STRONG_NOW.test(sentence);
        // A trip that is over: past time always, past verbs unless the sentence is plainly live
        // ("till 4pm, who thought this was a good idea").
        if (PAST_TIME.test(sentence) || (!strong && (PAST.test(sentence) || pastVerb(s.start, s.end)))) return;
        // Somewhere: in this sentence, or the one before when this one is plainly live ("Year 6 trip
        // to London! Currently queueing...").
        const prev = ctx.sentences[i - 1];
        if (!hasPlace(s) && !(strong && prev && hasPlace(prev))) return;
        const present = PRESENCE.test(sentence) || PRESENCE_CI.test(sentence);
        if (!(strong && (present || STRONG_NOW.test(around))) && !(present && NOW.test(sentence))) return;
        if (!strong && (!NOW.test(around) || PAST.test(around))) return;
        if (marks.overlaps(s.start, s.end)) return;
        hits.push({
          start: s.start,
          end: s.end,
          message: 'This says where pupils are right now. Live whereabouts let anyone find the children; post about the trip after you are back.',
          why: 'pupils, a place and "now" wording together',
        });
      });
      return hits;
    },
  },
  image: {
    score: 0.95,
    check(image) {
      if (!image.gps) return [];
      const { latitude, longitude } = image.gps;
      return [
        {
          excerpt: image.name,
          boxes: [],
          message: `This photo's hidden metadata records where it was taken (${latitude.toFixed(4)}, ${longitude.toFixed(4)}): a home or a school anyone can find. Post the copy with the metadata removed, or turn off location in the camera.`,
          suggestion: 'the copy without metadata',
          why: 'GPS coordinates in the EXIF metadata',
        },
      ];
    },
  },
});

