/**
 * One validation for settings and pack files, wherever they come from (a file given to the CLI,
 * storage, a file imported in the options page): zod's issues as JSON paths and messages, and
 * one way of writing an issue ("$.organisation.names[0]: expected string").
 */
import type { z } from 'zod';
import { PackSchema, type Pack } from '../packs/schema';
import { SettingsSchema, type Settings } from './schema';

export type IssuePath = (string | number)[];

/** One validation problem, at a JSON path inside the object it was found in. */
export interface Issue {
  path: IssuePath;
  message: string;
}

/** "$.organisation.names[0]" for a path. */
export function jsonPath(path: readonly (string | number)[]): string {
  return (
    '$' +
    path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('')
  );
}

/** "$.organisation.names[0]: expected string". */
export function formatIssue(issue: Issue): string {
  return `${jsonPath(issue.path)}: ${issue.message}`;
}

/** Zod issues as JSON paths and messages; an unknown key is reported at its own path. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({ path: [...issue.path.map(pathPart), k], message: `unknown key "${k}"` }))
      : [{ path: issue.path.map(pathPart), message: issue.message }],
  );
}

function pathPart(p: PropertyKey): string | number {
  return typeof p === 'number' ? p : String(p);
}

export function validateSettings(value: unknown): { settings: Settings; issues: [] } | { settings: null; issues: Issue[] } {
  const parsed = SettingsSchema.safeParse(value);
  return parsed.success ? { settings: parsed.data, issues: [] } : { settings: null, issues: issuesOf(parsed.error) };
}

export function validatePack(value: unknown): { pack: Pack; issues: [] } | { pack: null; issues: Issue[] } {
  const parsed = PackSchema.safeParse(value);
  return parsed.success ? { pack: parsed.data, issues: [] } : { pack: null, issues: issuesOf(parsed.error) };
}
