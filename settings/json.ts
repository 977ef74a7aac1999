import { parseTree, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';

/** JSON that does not parse; the message says where ("line 3, column 17: value expected"). */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
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
    if (!first) throw new JsonSyntaxError(err instanceof Error ? err.message : String(err));
    const before = text.slice(0, first.offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    throw new JsonSyntaxError(`line ${line}, column ${column}: ${describeJsonError(first.error)}`);
  }
}

function describeJsonError(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
