import { browser } from 'wxt/browser';
import { isCheckRequest, isFindingsCountMessage, isImagePart, isImageRequest } from '../protocol/messages';
import { showFindingsCount } from './badge';
import { answerCheck } from './check-service';
import { answerImageRequest, receiveImagePart } from './image-host';

/**
 * The background worker: checks the drafts the content script sends (off the page's main
 * thread), routes attached images to where the image models run, and keeps the badge.
 */
export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    if (isCheckRequest(message)) return Promise.resolve(answerCheck(message, tabId));
    // Attached images go to where the image models run (the offscreen document in Chrome).
    if (isImagePart(message)) {
      try {
        receiveImagePart(message);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return Promise.resolve(true);
    }
    if (isImageRequest(message)) return answerImageRequest(message);
    if (isFindingsCountMessage(message)) return showFindingsCount(message, tabId);
    return undefined;
  });
}
