import { parseJson } from '../../settings/json';

/** JSON from an imported file, or where it breaks ("line 3, column 17: value expected"). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseJson(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
