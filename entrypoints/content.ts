import '../content/highlights.css';
import { SITE_MATCHES, startSecondLook } from '../content';

// Checks drafts in the sites' composers; everything it does lives in content/.
export default defineContentScript({
  matches: SITE_MATCHES,
  main: (ctx) => startSecondLook(ctx),
});
