import { defineConfig, type WxtViteConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_MATCHES } from './content/sites/matches';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // @preact/preset-vite is typed against the project's Vite 8 (used by vitest) while WXT 0.20
  // builds with its own Vite 7; the plugin API they share is the same at run time.
  vite: () => ({ plugins: [preact()] }) as unknown as WxtViteConfig,
  manifest: {
    name: 'Second Look',
    description:
      "A second look at a post before you share it: checks drafts against your school's social media policy, on your machine.",
    // storage: settings. The toolbar badge needs no permission (the action API is always there).
    permissions: ['storage'],
    // Host permissions stay limited to the sites whose composers are checked.
    host_permissions: SITE_MATCHES,
  },
});
