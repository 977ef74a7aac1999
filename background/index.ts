import { browser } from 'wxt/browser';
import { isCheckRequest, isFindingsCountMessage, isImagePart, isImageRequest } from '../protocol/messages';
import { showFindingsCount } from './badge';
import { answerCheck } from './check-service';
import { listenForCommands } from './commands';
import { SettingsHolder } from './config';
import { answerImageRequest, receiveImagePart } from './image-host';

/**
 * The background worker: checks the drafts the content script sends (off the page's main
 * thread), routes attached images to where the image models run, and keeps the badge.
 */
export function startBackground(): void {
  // The settings and pack drafts are checked with, read now (the worker has just started) and
  // whenever storage changes: check requests do not carry them.
  const settings = new SettingsHolder();
  listenForCommands();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    if (isCheckRequest(message)) return answerCheck(message, tabId, settings);
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
