import type { Platform } from '../../rules/engine/ids';
import type { ControlKind } from './dom';

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
  /**
   * The element holding the whole composer `editor` belongs to: every text box of one post (an
   * X thread's editors), the attachments picked at any step, and every control that may send
   * it, at whatever depth and step. Worked out when a post is attempted, as the site is then.
   */
  scope(editor: HTMLElement): HTMLElement;
  /** What pressing `control` in a composer's scope does: the site's own knowledge first. */
  classify(control: HTMLElement): ControlKind;
  /** Whether a plain Enter sends the text (comment and reply boxes) rather than starting a new line. */
  enterSends(editor: HTMLElement): boolean;
  /** The page name or @handle the site shows as the one posting, where it shows one. */
  identity(editor: HTMLElement): string | null;
}
