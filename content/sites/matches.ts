/**
 * The sites whose composers Second Look checks: the content script's matches and the
 * extension's only host permissions (wxt.config.ts imports this).
 */
export const SITE_MATCHES = [
  '*://*.facebook.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://*.instagram.com/*',
];
