import type { Platform } from '../../rules/engine/ids';
import type { SiteAdapter } from './types';
import { nearestButton } from './dom';

/**
 * Any other text box on the supported sites (a textarea or contenteditable the site adapters do
 * not know): checked once focused, sent by the nearest Post/Share/Reply/Send-like button.
 */
export function generic(platform: Platform): SiteAdapter {
  return {
    platform,
    composers: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
    submitButton: (editor) => nearestButton(editor, /^(?:Post|Share|Reply|Send|Comment|Tweet|Publish|Submit)$/i, 6),
    enterSends: () => false,
    identity: () => null,
  };
}
