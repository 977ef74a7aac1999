import { browser } from 'wxt/browser';
import { browserAnalyser } from '../../images/browser';
import { fromExtensionItself, isImageRequest } from '../../protocol/messages';
import { handleImageRequest } from '../../images/service';

// Chrome's offscreen document: where the image models run (images/). The background forwards
// each image request here; requests meant for the background itself are left alone, and so is
// anything not sent by the extension's own worker (a content script's messages reach every
// extension page too).
browser.runtime.onMessage.addListener((message: unknown, sender) =>
  isImageRequest(message) && message.target === 'offscreen' && fromExtensionItself(sender, browser.runtime.id, browser.runtime.getURL('/'))
    ? handleImageRequest(browserAnalyser(), message)
    : undefined,
);
