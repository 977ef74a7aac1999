import { browser } from 'wxt/browser';
import type { Lifetime } from './lifetime';
import { isGetFindingsMessage, type DraftReport, type FindingsCountMessage } from '../protocol/messages';
import type { Attachments } from './attachments';
import type { Composers } from './composers';
import { sendToExtension } from './check-client';

/**
 * What this tab tells the rest of the extension about the draft in use: its findings count for
 * the toolbar badge (sent on every change), and the draft and its findings when the popup asks.
 */
export class TabReport {
  private lastBadge = '';

  constructor(
    private readonly ctx: Lifetime,
    private readonly composers: Composers,
    private readonly attachments: Attachments,
  ) {}

  /** Answers the popup while the content script runs. */
  listen(): void {
    const onMessage = (message: unknown) => (isGetFindingsMessage(message) ? Promise.resolve(this.report()) : undefined);
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }

  /** What the popup shows: the draft in use in this tab and its findings. */
  report(): DraftReport | null {
    const session = this.composers.active;
    if (!session?.checked) return null;
    const { account, identity } = session.account();
    return {
      text: session.checked.text,
      account,
      identity,
      platform: session.adapter.platform,
      findings: session.visible(),
      images: this.attachments.statuses(this.composers.of(session).sessions),
      thumbnails: this.attachments.analysed(session).map((a) => a.thumbnail),
    };
  }

  /** Sends the badge the active draft's count, when it changed. */
  updateBadge(): void {
    const session = this.composers.active;
    const message: FindingsCountMessage = {
      type: 'findings-count',
      count: session?.visibleCount ?? 0,
      blocking: session?.blocking ?? false,
    };
    const key = `${message.count}/${message.blocking}`;
    if (key === this.lastBadge || this.ctx.isInvalid) return;
    this.lastBadge = key;
    // Fails only while the extension is being reloaded or updated; the next change resends.
    sendToExtension(message).catch(() => undefined);
  }
}
