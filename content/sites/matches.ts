/**
 * The sites whose composers Second Look checks: the content script's matches. The extension asks
 * for no host permissions (wxt.config.ts): a content script declared in the manifest runs on its
 * matches without them.
 */
export const SITE_MATCHES = [
  '*://*.facebook.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://*.instagram.com/*',
];
