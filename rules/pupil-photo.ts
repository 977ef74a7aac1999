/**
 * pupil-photo: an attached image shows people who may be pupils: several faces, or a face the
 * age model reads as a child's. One adult face (a staff selfie, a visiting author) passes.
 * On a personal account it is a breach; on an official account the pack makes it a consent
 * check. The boxes are the faces, so the card can show them and the safe copy can blur them.
 */
import { defineRule } from './engine/types';

/** The age model's estimate below which a face is read as a child's. It is rough (adults are
 * sometimes put at 17 or 18), so the line sits below the age of most secondary pupils' faces
 * that could pass for adult ones; several faces fire regardless of age. */
export const CHILD_AGE = 16;

export const pupilPhoto = defineRule({
  id: 'pupil-photo',
  label: 'A photo that may show pupils',
  description: "An attached photo shows people who may be pupils: a child's face, or several faces.",
  // How school policies word this rule (for drafting a pack from a school's own policy).
  evidence: {
    terms: ['photo', 'picture', 'image', 'video', 'footage', 'film', 'camera', 'recording'],
    // ... of pupils: "be wary of what photographs you put online of yourself" is not the rule.
    all: [['pupil', 'student', 'child', 'learner', 'young people', 'young person', 'minor', 'youngster', 'class', 'individual', 'people', 'anyone', 'someone', 'others']],
    headings: ['photo', 'image', 'picture', 'video'],
  },
  image: {
    score: 0.8,
    blurs: true,
    check(image, ctx) {
      const { faces } = image;
      const children = faces.filter((f) => f.age < CHILD_AGE);
      if (faces.length < 2 && children.length === 0) return [];
      const what =
        children.length > 0
          ? `${children.length === 1 ? 'a face that looks like a child' : `${children.length} faces that look like children`}${faces.length > children.length ? ` among ${faces.length} faces` : ''}`
          : `${faces.length} faces`;
      const official = ctx.draft.account === 'official';
      return [
        {
          excerpt: image.name,
          boxes: faces.map((f) => f.box),
          message: official
            ? `This photo shows ${what}. Before posting, check that written consent is on file for every child in it and that none is on the list of children whose images must not be published; otherwise post the copy with faces blurred.`
            : `This photo shows ${what}. Photos of pupils must not be shared from a personal account: post it through the school's official account, or use the copy with faces blurred.`,
          suggestion: 'the copy with faces blurred',
          why: children.length > 0 ? `face detector: ${what} (estimated ages ${children.map((f) => Math.round(f.age)).join(', ')})` : `face detector: ${what}`,
        },
      ];
    },
  },
});
