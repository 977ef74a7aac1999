import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds what the browser tests, the demo and the browser benchmark load: the Chrome and Firefox
 * extensions (`wxt build`) and the fixture composers (vite). Each is rebuilt only when a source is
 * newer than its last build, so the test files share one build per change instead of one per file.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The benchmark's build, which marks each redraw for timing (wxt.config.ts), has its own place. */
export const EXTENSION_DIR = join(ROOT, process.env.WXT_BENCH_MARKS === '1' ? '.output/bench/chrome-mv3' : '.output/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
export const FIXTURES_DIR = join(ROOT, '.output/fixtures');

const EXTENSION_SOURCES = ['background', 'content', 'protocol', 'settings', 'entrypoints', 'rules', 'packs', 'components', 'public', 'wxt.config.ts', 'package.json', 'images', 'modules'];
const FIXTURE_SOURCES = ['tests/browser/fixtures'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function buildIfStale(outDir: string, sources: string[], command: string[]): void {
  // Beside the output, not in it: the extension directory is loaded (and shipped) as it is.
  const stamp = `${outDir}.built`;
  const sourcesChanged = Math.max(...sources.map((s) => newest(join(ROOT, s))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sourcesChanged) return;
  try {
    execFileSync(join(ROOT, 'node_modules/.bin', command[0]!), command.slice(1), { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${command.join(' ')} failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
  writeFileSync(stamp, '');
}

export function buildExtension(): void {
  buildIfStale(EXTENSION_DIR, EXTENSION_SOURCES, ['wxt', 'build', '-b', 'chrome']);
}

export function buildFirefoxExtension(): void {
  buildIfStale(FIREFOX_EXTENSION_DIR, EXTENSION_SOURCES, ['wxt', 'build', '-b', 'firefox']);
}

export function buildFixtures(): void {
  buildIfStale(FIXTURES_DIR, FIXTURE_SOURCES, ['vite', 'build', '--config', 'tests/browser/fixtures/vite.config.ts']);
}
