/** Reading settings and pack files for the command line. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Settings } from '../settings/schema';
import type { Pack } from '../packs/schema';
import { builtInPack, isBuiltInPack } from '../packs';
import { BUILT_IN_PACK_LIST } from '../packs/ids';
import { formatIssue, validatePack, validateSettings, type Issue } from '../settings/validate';
import { InputError, parseInputJson } from './errors';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String((err as Error).message)}`);
  }
}

export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return parseInputJson(text);
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }
}

function invalid(file: string, what: string, issues: Issue[]): InputError {
  return new InputError(`${file}: invalid ${what}\n  ${issues.map(formatIssue).join('\n  ')}`);
}

/** The settings in `value` (read from `file`); an InputError listing every issue if they are not valid. */
export function requireSettings(value: unknown, file: string): Settings {
  const checked = validateSettings(value);
  if (!checked.settings) throw invalid(file, 'settings', checked.issues);
  return checked.settings;
}

/** The pack in `value` (read from `file`); an InputError listing every issue if it is not valid. */
export function requirePack(value: unknown, file: string): Pack {
  const checked = validatePack(value);
  if (!checked.pack) throw invalid(file, 'pack', checked.issues);
  return checked.pack;
}

export function loadSettings(file: string): Settings {
  return requireSettings(readJson(file), file);
}

const packCache = new Map<string, Pack>();

/** A built-in pack id, the id of the settings' own pack (`ownPack`), or a pack file (relative paths from `baseDir`). */
export function resolvePack(ref: string, baseDir: string, ownPack?: Settings['ownPack']): Pack {
  if (isBuiltInPack(ref)) return builtInPack(ref);
  if (ownPack && ref === ownPack.id) return ownPack;
  if (!/[\\/]|\.json$/i.test(ref))
    throw new InputError(`unknown pack "${ref}": use a built-in pack (${BUILT_IN_PACK_LIST}), the id of the settings' ownPack${ownPack ? ` ("${ownPack.id}")` : ''} or a path to a pack file`);
  const file = resolve(baseDir, ref);
  let pack = packCache.get(file);
  if (!pack) {
    pack = requirePack(readJson(file), file);
    packCache.set(file, pack);
  }
  return pack;
}

export const dirOf = (file: string) => dirname(resolve(file));
