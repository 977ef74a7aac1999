import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './extension';

/**
 * A real Chromium policy for the extension: a JSON file in the directory Debian's Chromium reads
 * its mandatory policies from, with the extension's settings under 3rdparty.extensions.<id>, as
 * trust IT would deploy them on Linux (docs/deploy.md). Chromium reads it when it starts, and again
 * when chrome://policy's "Reload policies" is pressed. Writing there needs root (as the tests run).
 */
export const POLICY_DIR = '/etc/chromium/policies/managed';
const FILE = join(POLICY_DIR, `second-look-test-${process.pid}.json`);

export function writePolicy(settings: Record<string, unknown>): string {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }, null, 2));
  return FILE;
}

export function removePolicy(): void {
  rmSync(FILE, { force: true });
}
