import { resolve } from 'node:path';
import { defineConfig, type WxtViteConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The public half of the RSA key pair that fixes the Chrome/Edge extension id, so browser
 * policies can name it: phoenllgakabgohcllbhpbgpmmngooni (docs/deploy.md). The private half is
 * not in the repository; the Chrome Web Store signs uploads with its own.
 */
const PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuDNNt3ap02uSYlLmND9Y7xEnwM62LWUQ9xHLKXRzbbQWf/FLGBBYqsOpiZw6rtjknBAyayQ86DtqMNQdMhRcf71a+TRjIa1XULGXPt5kEZvGq+4oD++Bf0Cm3BzLnt6xXesbKVHaOs//FtS6qps7gcoGqJ4rB+HE4710rrjU8BXN5m2AcCLbnDLr+yzh9MxdCG9XOaQNH6tiukC3ud2ytvZa4vv9pKRU9ELNoOBmcWGC1TtBvYZwecq/cWihNFvGIbgcLeoN+BvVXAZnrvkOcbDgMRK8kckjJi3imJH21rldTr/WxptM8gg0InhUS1ECeoD+t/ARRzrln4qVx7ugXQIDAQAB';

const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/** The Firefox add-on id, which Firefox's policies.json names (docs/deploy.md). */
export const GECKO_ID = 'second-look@second-look.invalid';

export default defineConfig({
  // The browser benchmark's build (scripts/bench-browser.mjs) marks each redraw on the page's
  // performance timeline (content/controller.ts); it goes elsewhere, so it is never the one shipped.
  outDir: process.env.WXT_BENCH_MARKS === '1' ? '.output/bench' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // @preact/preset-vite is typed against the project's Vite 8 (used by vitest) while WXT 0.20
  // builds with its own Vite 7; the plugin API they share is the same at run time.
  // csv-parse's default build needs Node's Buffer; its browser build carries its own.
  // zod: the same zod, set to parse without eval before any schema is built (settings/zod-no-eval.ts).
  vite: () =>
    ({
      plugins: [preact()],
      // The benchmark's build keeps its names (no minifying), so its CPU profiles name the
      // extension's functions (scripts/bench-browser.mjs); the code run is the same.
      ...(process.env.WXT_BENCH_MARKS === '1' ? { build: { minify: false } } : {}),
      resolve: {
        alias: [
          { find: 'csv-parse/sync', replacement: 'csv-parse/browser/esm/sync' },
          { find: /^zod$/, replacement: resolve(import.meta.dirname, 'settings/zod-no-eval.ts') },
        ],
      },
    }) as unknown as WxtViteConfig,
  manifest: ({ browser }) => ({
    name: 'Second Look',
    description:
      "A second look at a post before you share it: checks drafts against your school's social media policy, on your machine.",
    // storage: settings. The toolbar badge needs no permission (the action API is always there),
    // nor does the popup's message to the tab's content script.
    // offscreen (Chrome): the document where attached images are checked (background/image-host.ts).
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'offscreen'],
    // No host permissions: the content script runs on the sites because the manifest declares it
    // there (entrypoints/content.ts, content/sites/matches.ts), and nothing else reaches into a
    // site: the worker answers the content script's messages and sets the badge by tab id, the
    // popup messages the active tab by id. Neither needs a tab's URL nor makes a request
    // (tests/browser/package.test.ts pins this list; tests/browser/network.test.ts watches for
    // requests).
    // The image models are WebAssembly (TensorFlow.js's kernels, Tesseract's core), compiled from
    // the extension's own files: 'wasm-unsafe-eval' allows that and nothing else (no eval of
    // JavaScript, no remote code).
    // Second Look's keyboard shortcut: the card of the finding at the caret (background/commands.ts).
    // A key the browser takes, so the page never sees it; the user can change it in the browser's
    // extension shortcut settings. Needs no permission. Firefox suggests Alt+Shift+L. Chromium
    // gets no suggested key: with one, Chromium 156 (headless) never restarted the extension's
    // worker after chrome.runtime.reload() (measured: no restart in 60 s, 3 s without the key),
    // which is how an update reaches a running extension; staff or the organisation set the key
    // at chrome://extensions/shortcuts (docs/deploy.md).
    commands: {
      'explain-finding': {
        ...(browser === 'firefox' ? { suggested_key: { default: 'Alt+Shift+L' } } : {}),
        description: 'Explain the marked words at the caret',
      },
    },
    content_security_policy:
      browser === 'firefox' ? CSP : { extension_pages: CSP },
    ...(browser === 'firefox'
      ? {
          // Firefox reads managed settings from policies.json (3rdparty.Extensions), unchecked by
          // any schema; the extension validates them itself.
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: PUBLIC_KEY,
          // Chrome and Edge validate the organisation's policy against this (generated) schema.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
});
