/**
 * logo-in-image: the school's branding in an image posted from a personal account: the
 * configured logo found in the picture (images/logo.ts matches it), or one of the
 * organisation's configured names printed in it (read by OCR). The text rule `branding` covers
 * the same clause for words in the post.
 */
import { defineRule, type Box } from './engine/types';
import { compileSettings } from './engine/context';
import { normalise } from './engine/normalise';
import { spans } from './engine/patterns';

export const logoInImage = defineRule({
  id: 'logo-in-image',
  label: 'The school logo on a personal account',
  description: "The school's logo, or its name printed in an image, posted from a personal account.",
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    // ... and showing oneself as the school's: "refrain from identifying themselves as employees"
    // (flourish 7.2), "Do not post your occupation".
    terms: ['logo', 'brand', 'crest', 'emblem', 'badge', 'insignia', 'uniform', 'identifying themselves', 'identify themselves', 'occupation', 'job title'],
    headings: ['brand', 'logo', 'image'],
  },
  accounts: ['personal'],
  image: {
    score: 0.8,
    check(image, { settings }) {
      const boxes: Box[] = [];
      const whys: string[] = [];
      let excerpt = '';
      if (image.logo) {
        boxes.push(image.logo.box);
        whys.push(`the configured logo matched (score ${image.logo.score.toFixed(2)})`);
        excerpt = 'the school logo';
      }
      const names = compileSettings(settings).org.names;
      if (names) {
        // Word by word, so each name found has the boxes of the words that print it.
        for (const line of image.lines) {
          let text = '';
          const at: number[] = [];
          for (const word of line) {
            if (text) text += ' ';
            at.push(text.length);
            text += word.text;
          }
          const clean = normalise(text).text;
          for (const s of spans(names, clean)) {
            line.forEach((word, i) => {
              if (at[i]! < s.end && s.start < at[i]! + word.text.length) boxes.push(word.box);
            });
            excerpt ||= s.text;
            whys.push(`the organisation's name "${s.text}" printed in the image`);
          }
        }
      }
      if (boxes.length === 0) return [];
      return [
        {
          excerpt: excerpt || image.name,
          boxes,
          message: "This image carries the school's branding (its logo or name). Don't use the school's logo or branding on a personal account: share it from the official account, or crop the branding out.",
          why: whys.join('; '),
        },
      ];
    },
  },
});
