import { browser } from 'wxt/browser';
import { browserAnalyser } from '../../images/browser';
import { isImageRequest } from '../../protocol/messages';
import { handleImageRequest } from '../../images/service';

// Chrome's offscreen document: where the image models run (images/). The background forwards
// each image request here; requests meant for the background itself are left alone.
browser.runtime.onMessage.addListener((message: unknown) =>
  isImageRequest(message) && message.target === 'offscreen' ? handleImageRequest(browserAnalyser(), message) : undefined,
);
