import { answerCheck } from '../content/check-service';
import { isCheckRequest, isFindingsCountMessage } from '../content/messages';
import { answerImageRequest, receiveImagePart } from '../images/host';
import { isImagePart, isImageRequest } from '../images/messages';

// Badge colours: red when a finding blocks posting, amber when all can be posted anyway.
const BLOCKING = '#b91c1c';
const WARNING = '#b45309';

// The worker checks the drafts the content script sends (off the page's main thread), and shows
// per tab how many findings the draft being edited there has. Chrome clears per-tab badge state
// when the tab navigates, so a new page starts empty.
export default defineBackground(() => {
  // Firefox's MV2 build has browserAction where MV3 has action; the badge calls are the same.
  const toolbar = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    if (isCheckRequest(message)) return Promise.resolve(answerCheck(message, tabId));
    // Attached images go to where the image models run (the offscreen document in Chrome).
    if (isImagePart(message)) {
      receiveImagePart(message);
      return Promise.resolve(true);
    }
    if (isImageRequest(message)) return answerImageRequest(message);
    if (!isFindingsCountMessage(message)) return undefined;
    const text = message.count > 0 ? String(message.count) : '';
    return Promise.all([
      toolbar.setBadgeText({ tabId, text }),
      toolbar.setBadgeBackgroundColor({ tabId, color: message.blocking ? BLOCKING : WARNING }),
    ]).then(() => undefined);
  });
});
