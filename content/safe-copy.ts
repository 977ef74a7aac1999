import type { Finding } from '../rules/engine/types';
import type { Attachments } from './attachments';
import type { ComposerSession } from './session';
import type { ImageView } from './ui/App';

/**
 * The image part of an image finding's card: its thumbnail with the faces or names boxed, and
 * the safe copy (faces and names blurred, no metadata), downloaded or put in the site's file
 * input in place of the original.
 */
export class SafeCopies {
  /** The image finding whose safe copy is being made, and what went wrong last time. */
  private state: { finding: Finding; error: string | null; busy: boolean } | null = null;

  constructor(
    private readonly attachments: Attachments,
    /** Where a download link can go (inside our own UI). */
    private readonly container: () => HTMLElement,
    private readonly changed: () => void,
  ) {}

  /** The thumbnail (faces or names boxed) and the safe-copy actions of an image finding's card. */
  view(session: ComposerSession, finding: Finding): ImageView | null {
    const attachment = this.attachments.attachmentOf(session, finding);
    if (!finding.image || !attachment) return null;
    const state = this.state && sameFinding(this.state.finding, finding) ? this.state : null;
    return {
      name: attachment.name,
      thumbnail: attachment.thumbnail,
      boxes: finding.image.boxes,
      busy: state?.busy ?? false,
      error: state?.error ?? null,
      download: () => void this.make(session, finding, 'download'),
      // Only where the copy takes the original's place: never beside it.
      swap: this.attachments.canReplace(attachment) ? () => void this.make(session, finding, 'swap') : null,
    };
  }

  private async make(session: ComposerSession, finding: Finding, then: 'download' | 'swap'): Promise<void> {
    this.state = { finding, error: null, busy: true };
    this.changed();
    try {
      const file = await this.attachments.safeCopy(session, finding);
      // Where the site's file input can take it, the copy replaces the original; else it downloads.
      if (then === 'swap' && this.attachments.swap(session, finding, file)) this.state = null;
      else {
        this.attachments.download(file, this.container());
        this.state = { finding, error: null, busy: false };
      }
    } catch (error) {
      this.state = { finding, error: error instanceof Error ? error.message : String(error), busy: false };
    }
    this.changed();
  }
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.image?.index === b.image?.index && a.excerpt === b.excerpt;
}
