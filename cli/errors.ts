/** Turning bad input into messages that name the file, the line and the JSON path. */
import type { z } from 'zod';
import { parseTree, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';

/** "$.organisation.names[0]" for a zod path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`))
      .join('')
  );
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => `${jsonPath([...issue.path, k])}: unknown key "${k}"`).join('\n');
    }
    return `${jsonPath(issue.path)}: ${issue.message}`;
  });
}

/**
 * JSON.parse with an error that says where: "line 3, column 17: value expected". Node's own
 * message does not always give a position, so jsonc-parser (strict mode) locates the first error.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first) throw new InputError(err instanceof Error ? err.message : String(err));
    const before = text.slice(0, first.offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    throw new InputError(`line ${line}, column ${column}: ${describeJsonError(first.error)}`);
  }
}

function describeJsonError(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Bad input: reported as a message, never as a stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}
