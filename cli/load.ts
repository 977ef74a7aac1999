/** Reading settings and pack files for the command line. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SettingsSchema, type Settings } from '../settings/schema';
import { PackSchema, type Pack } from '../packs/schema';
import { builtInPack, isBuiltInPack } from '../packs';
import { BUILT_IN_PACK_LIST } from '../packs/ids';
import { formatIssues, InputError, parseJson } from './errors';

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
    return parseJson(text);
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }
}

export function validateSettings(value: unknown, file: string): Settings {
  const result = SettingsSchema.safeParse(value);
  if (!result.success) throw new InputError(`${file}: invalid settings\n  ${formatIssues(result.error).join('\n  ')}`);
  return result.data;
}

export function validatePack(value: unknown, file: string): Pack {
  const result = PackSchema.safeParse(value);
  if (!result.success) throw new InputError(`${file}: invalid pack\n  ${formatIssues(result.error).join('\n  ')}`);
  return result.data;
}

export function loadSettings(file: string): Settings {
  return validateSettings(readJson(file), file);
}

const packCache = new Map<string, Pack>();

/** A built-in pack id, or a pack file (relative paths from `baseDir`). */
export function resolvePack(ref: string, baseDir: string): Pack {
  if (isBuiltInPack(ref)) return builtInPack(ref);
  if (!/[\\/]|\.json$/i.test(ref))
    throw new InputError(`unknown pack "${ref}": use a built-in pack (${BUILT_IN_PACK_LIST}) or a path to a pack file`);
  const file = resolve(baseDir, ref);
  let pack = packCache.get(file);
  if (!pack) {
    pack = validatePack(readJson(file), file);
    packCache.set(file, pack);
  }
  return pack;
}

export const dirOf = (file: string) => dirname(resolve(file));
