/**
 * Every rule, one file each, in one list sorted by id (a test keeps it sorted). The rule ids,
 * RuleId and the facts the UI reads (facts.json, `npm run schemas`) all derive from it.
 */
import type { Rule } from './types';
import { branding } from '../branding';
import { childName } from '../child-name';
import { complaint } from '../complaint';
import { confidential } from '../confidential';
import { contact } from '../contact';
import { derogatory } from '../derogatory';
import { disclaimer } from '../disclaimer';
import { location } from '../location';
import { logoInImage } from '../logo-in-image';
import { nameInImage } from '../name-in-image';
import { political } from '../political';
import { pupilPhoto } from '../pupil-photo';
import { tagging } from '../tagging';

const REGISTERED = [
  branding,
  childName,
  complaint,
  confidential,
  contact,
  derogatory,
  disclaimer,
  location,
  logoInImage,
  nameInImage,
  political,
  pupilPhoto,
  tagging,
] as const;

export type RuleId = (typeof REGISTERED)[number]['id'];

export const RULES: readonly Rule<RuleId>[] = REGISTERED;
