import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/build';
import { EXTENSION_ID } from './support/extension';
import { SITE_MATCHES } from '../../content/sites/matches';

// `npm run zip` makes the store packages; web-ext lint (Mozilla's add-on linter) finds no error
// in the Firefox build. In the browser project because it builds both extensions.
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const run = (command: string, args: string[]) => execFileSync(bin(command), args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));

const SHORTCUT = { 'explain-finding': { description: 'Explain the marked words at the caret' } };
// Firefox suggests a key; Chromium none (wxt.config.ts says why).
const FIREFOX_SHORTCUT = { 'explain-finding': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Explain the marked words at the caret' } };

beforeAll(() => {
  run('wxt', ['zip']);
  run('wxt', ['zip', '-b', 'firefox']);
}, 900_000);

describe('the packages', () => {
  it('npm run zip makes the Chrome/Edge and Firefox packages', () => {
    for (const file of [`second-look-${version}-chrome.zip`, `second-look-${version}-firefox.zip`, `second-look-${version}-sources.zip`])
      expect(existsSync(join(ROOT, '.output', file)), file).toBe(true);
  });

  it('Chrome/Edge: the fixed id and the managed storage schema', () => {
    const chrome = manifest('chrome-mv3');
    const der = Buffer.from(chrome.key, 'base64');
    const hash = execFileSync('node', ['-e', `process.stdout.write(require('crypto').createHash('sha256').update(Buffer.from('${chrome.key}','base64')).digest('hex'))`], { encoding: 'utf8' });
    const id = [...hash.slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    expect(der.length).toBeGreaterThan(200);
    expect(id).toBe(EXTENSION_ID);
    expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(existsSync(join(ROOT, '.output/chrome-mv3/managed_schema.json'))).toBe(true);
    // Minimal permissions: storage and the offscreen document, no tabs, no hosts at all. The
    // content script runs on the four sites because it is declared for them, not by a permission.
    expect(chrome.permissions).toEqual(['storage', 'offscreen']);
    expect(chrome.host_permissions).toBeUndefined();
    expect(chrome.optional_permissions).toBeUndefined();
    expect(chrome.optional_host_permissions).toBeUndefined();
    // The keyboard shortcut that explains the marked words at the caret (background/commands.ts):
    // a key the browser takes before the page, with no permission.
    expect(chrome.commands).toEqual(SHORTCUT);
    expect(chrome.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([...SITE_MATCHES].sort());
  });

  it('Firefox: an add-on id, no Chrome-only keys, and web-ext lint reports no errors', () => {
    const firefox = manifest('firefox-mv2');
    expect(firefox.browser_specific_settings.gecko.id).toBe('second-look@second-look.invalid');
    expect(firefox.key).toBeUndefined();
    // MV2 lists hosts among the permissions: there are none, only storage.
    expect(firefox.permissions).toEqual(['storage']);
    expect(firefox.optional_permissions).toBeUndefined();
    expect(firefox.commands).toEqual(FIREFOX_SHORTCUT);
    expect(firefox.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([...SITE_MATCHES].sort());
    let output: string;
    try {
      output = run('web-ext', ['lint', '--source-dir', join(ROOT, '.output/firefox-mv2'), '--output', 'json', '--no-config-discovery']);
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output.slice(output.indexOf('{'))) as { errors: { code: string; message: string; file?: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
  });
});
