import type { Platform } from '../../rules/engine/ids';
import type { SiteAdapter } from './types';
import { TEXT_BOXES, classifyControl, composerScope } from './dom';

/**
 * Any other text box on the supported sites (a textarea or contenteditable the site adapters do
 * not know): checked once focused, sent by its form or the controls around it.
 */
export function generic(platform: Platform): SiteAdapter {
  return {
    platform,
    composers: TEXT_BOXES,
    scope: (editor) => composerScope(editor, TEXT_BOXES),
    classify: classifyControl,
    enterSends: () => false,
    identity: () => null,
  };
}
