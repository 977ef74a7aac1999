/** Bad input for the command line: reported as a message that names the file, never as a stack trace. */
import { JsonSyntaxError, parseJson } from '../settings/json';

export class InputError extends Error {
  override name = 'InputError';
}

/** Bad usage (a missing or unknown argument): reported with the usage text, exit 2. */
export class UsageError extends Error {}

/** JSON from the command's input; where it does not parse, an InputError saying where. */
export function parseInputJson(text: string): unknown {
  try {
    return parseJson(text);
  } catch (err) {
    throw err instanceof JsonSyntaxError ? new InputError(err.message) : err;
  }
}
