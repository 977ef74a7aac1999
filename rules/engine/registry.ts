/** Every rule, one file each, in sorted lists (a test keeps them complete and sorted). */
import type { ImageRule, Rule } from './types';
import { branding } from '../branding';
import { childName } from '../child-name';
import { complaint } from '../complaint';
import { confidential } from '../confidential';
import { contact } from '../contact';
import { derogatory } from '../derogatory';
import { disclaimer } from '../disclaimer';
import { location, locationInImage } from '../location';
import { logoInImage } from '../logo-in-image';
import { nameInImage } from '../name-in-image';
import { political } from '../political';
import { pupilPhoto } from '../pupil-photo';
import { tagging } from '../tagging';

export const RULES: readonly Rule[] = [
  branding,
  childName,
  complaint,
  confidential,
  contact,
  derogatory,
  disclaimer,
  location,
  political,
  tagging,
];

/** Rules over attached images (`location` also has a text part above). */
export const IMAGE_RULES: readonly ImageRule[] = [locationInImage, logoInImage, nameInImage, pupilPhoto];
