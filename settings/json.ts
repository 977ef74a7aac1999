import { createScanner } from 'jsonc-parser';

/** JSON that does not parse; the message says where ("line 3, column 17: value expected"). */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

/**
 * JSON.parse with an error that says where: "line 3, column 17: value expected". Node's own
 * message does not always give a position, so the first error is located with jsonc-parser's
 * scanner. The locator keeps its own stack of open brackets rather than recursing (as
 * jsonc-parser's parseTree does), so JSON nested thousands deep gets the same message, never
 * "Maximum call stack size exceeded".
 */
export function parseJson(text: string): unknown {
  let message: string;
  try {
    return JSON.parse(text);
  } catch (err) {
    message = err instanceof Error ? err.message : String(err);
  }
  const first = firstJsonError(text);
  if (!first) throw new JsonSyntaxError(message);
  const before = text.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  throw new JsonSyntaxError(`line ${line}, column ${column}: ${first.message}`);
}

// jsonc-parser's ScanError and SyntaxKind (const enums, which isolated modules cannot import).
const SCAN_ERRORS: Record<number, string> = {
  1: 'unexpected end of comment',
  2: 'unexpected end of string',
  3: 'unexpected end of number',
  4: 'invalid unicode escape',
  5: 'invalid escape character',
  6: 'invalid character in string',
};
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  ColonToken: 6,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  Unknown: 16,
  EOF: 17,
} as const;

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * Where strict JSON first goes wrong, and what was expected there, in one pass with an explicit
 * stack (so depth costs memory, not call stack). Null when nothing is wrong.
 */
export function firstJsonError(text: string): { offset: number; message: string } | null {
  const scanner = createScanner(text, false);
  const open: ('object' | 'array')[] = [];
  let expect: Expect = 'value';
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    const kind: number = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError: number = scanner.getTokenError();
    if (scanError !== 0) return { offset, message: SCAN_ERRORS[scanError] ?? 'invalid symbol' };
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) return { offset, message: 'comments are not allowed in JSON' };
    if (kind === SyntaxKind.EOF) {
      if (expect === 'end') return null;
      return { offset, message: open.length ? `end of file inside an unclosed ${open[open.length - 1]}` : 'value expected' };
    }
    const top = open[open.length - 1];
    switch (expect) {
      case 'end':
        return { offset, message: 'end of file expected after the value' };
      case 'colon':
        if (kind !== SyntaxKind.ColonToken) return { offset, message: 'colon expected' };
        expect = 'value';
        continue;
      case 'key':
      case 'key-or-close':
        if (kind === SyntaxKind.CloseBraceToken && expect === 'key-or-close') {
          open.pop();
          expect = afterValue();
        } else if (kind === SyntaxKind.StringLiteral) expect = 'colon';
        else if (kind === SyntaxKind.CloseBraceToken) return { offset, message: 'property name expected (a trailing comma is not allowed)' };
        else return { offset, message: 'property name expected' };
        continue;
      case 'comma-or-close':
        if (kind === SyntaxKind.CommaToken) expect = top === 'object' ? 'key' : 'value';
        else if (kind === SyntaxKind.CloseBraceToken && top === 'object') {
          open.pop();
          expect = afterValue();
        } else if (kind === SyntaxKind.CloseBracketToken && top === 'array') {
          open.pop();
          expect = afterValue();
        } else return { offset, message: top === 'object' ? 'comma or closing brace expected' : 'comma or closing bracket expected' };
        continue;
      case 'value':
      case 'value-or-close':
        if (kind === SyntaxKind.OpenBraceToken) {
          open.push('object');
          expect = 'key-or-close';
        } else if (kind === SyntaxKind.OpenBracketToken) {
          open.push('array');
          expect = 'value-or-close';
        } else if (kind === SyntaxKind.CloseBracketToken && expect === 'value-or-close') {
          open.pop();
          expect = afterValue();
        } else if (
          kind === SyntaxKind.StringLiteral ||
          kind === SyntaxKind.NumericLiteral ||
          kind === SyntaxKind.TrueKeyword ||
          kind === SyntaxKind.FalseKeyword ||
          kind === SyntaxKind.NullKeyword
        )
          expect = afterValue();
        else if (kind === SyntaxKind.CloseBracketToken) return { offset, message: 'value expected (a trailing comma is not allowed)' };
        else return { offset, message: 'value expected' };
        continue;
    }
  }
}
