import type { Platform } from '../../rules/engine/ids';

/**
 * What Second Look needs to know about one site's composers. Each site keeps its markup
 * knowledge in its own file; everything else (checking, drawing, the gate) is shared.
 */
export interface SiteAdapter {
  readonly platform: Platform;
  /**
   * Selector for the site's composers (the editing host: a contenteditable or a textarea).
   * Matching ones are checked as soon as they appear, before anyone focuses them.
   */
  readonly composers: string;
  /** The Post/Share/Reply button that sends what `editor` holds, if the site shows one. */
  submitButton(editor: HTMLElement): HTMLElement | null;
  /** Whether a plain Enter sends the text (comment boxes) rather than starting a new line. */
  enterSends(editor: HTMLElement): boolean;
  /** The page name or @handle the site shows as the one posting, where it shows one. */
  identity(editor: HTMLElement): string | null;
}
