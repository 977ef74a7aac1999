import '../content/highlights.css';
import { SITE_MATCHES, startSecondLook } from '../content';
import { Lifetime } from '../content/lifetime';

// Checks drafts in the sites' composers; everything it does lives in content/. WXT's own
// context (main's argument) is left unused: a page script can end it with one postMessage, so
// the script's lifetime is content/lifetime.ts's, which only the browser can end.
export default defineContentScript({
  matches: SITE_MATCHES,
  main: () => startSecondLook(new Lifetime()),
});
