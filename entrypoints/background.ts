// The background worker. It grows in the in-page issue (badge counts per tab); for now it only
// exists so the manifest has a stable service worker.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => undefined);
});
