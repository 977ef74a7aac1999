/**
 * Zod, as the extension's pages import it (wxt.config.ts aliases `zod` here). Zod 4 probes for
 * `new Function` when an object schema is built, to compile fast parsers; the extension's CSP
 * forbids eval, so the probe logged a CSP violation in Firefox's background and options pages.
 * Jitless mode skips the probe and parses with the ordinary (interpreted) path. It must be set
 * before any schema is built, hence here, ahead of every importer. The CLI keeps plain zod.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
export default z;
