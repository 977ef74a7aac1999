/** Every text rule, one file each, in one sorted list (a test keeps it complete and sorted). */
import type { Rule } from './types';
import { branding } from './branding';
import { childName } from './child-name';
import { complaint } from './complaint';
import { confidential } from './confidential';
import { contact } from './contact';
import { derogatory } from './derogatory';
import { disclaimer } from './disclaimer';
import { location } from './location';
import { political } from './political';
import { tagging } from './tagging';

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
