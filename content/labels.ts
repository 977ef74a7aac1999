import { builtInPack, isBuiltInPack } from '../packs';
import type { RuleId } from '../rules/engine/ids';

/** What each rule is called on cards and in the gate: a short plain-English heading. */
export const RULE_LABELS: Record<RuleId, string> = {
  'child-name': "A pupil's name",
  tagging: 'Tagging people',
  derogatory: 'Offensive or insulting language',
  branding: 'School branding on a personal account',
  disclaimer: 'No "views are my own" disclaimer',
  complaint: 'A complaint aired in public',
  confidential: 'Private or sensitive information',
  contact: 'Contact with pupils or parents',
  political: 'Party politics',
  location: 'Where someone is or lives',
  'pupil-photo': 'A photo that may show pupils',
  'name-in-image': 'A name in an image',
  'logo-in-image': 'The school logo on a personal account',
};

/** The policy a clause comes from, as its readers know it ("Aspire Social Media Policy (2023)"). */
export function policyName(source: string): string {
  return isBuiltInPack(source) ? builtInPack(source).name : source;
}
