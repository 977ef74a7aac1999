// Broken JSON gets a message that says where and what, however deeply it is nested: the
// command line (parseInputJson) and the options page's import (parseJsonText) both read it here.
import { describe, expect, it } from 'vitest';
import { firstJsonError, parseJson } from '../settings/json';
import { parseJsonText } from '../components/options/json';

const deep = (n: number, inner: string) => '['.repeat(n) + inner + ']'.repeat(n);

describe('parseJson', () => {
  it.each([
    ['a missing value', '{\n  "pack": "aspire",\n  "disclaimer": oops\n}', 'line 3, column 17: value expected'],
    ['a trailing comma', '{"a": [1, 2,]}', 'line 1, column 13: value expected (a trailing comma is not allowed)'],
    ['a missing comma', '{"a": 1\n "b": 2}', 'line 2, column 2: comma or closing brace expected'],
    ['an unclosed object', '{"a": {"b": 1}', 'line 1, column 15: end of file inside an unclosed object'],
    ['a comment', '{"a": 1 // no\n}', 'line 1, column 9: comments are not allowed in JSON'],
    ['two values', '{} {}', 'line 1, column 4: end of file expected after the value'],
    ['an unterminated string', '{"a": "b}', 'line 1, column 7: unexpected end of string'],
  ])('says where %s is', (_, text, message) => {
    expect(() => parseJson(text)).toThrow(message);
  });

  it('locates the error in broken JSON nested 100,000 deep, without running out of stack', () => {
    const text = deep(100_000, '1,');
    expect(() => parseJson(text)).toThrow(`line 1, column ${100_000 + 3}: value expected (a trailing comma is not allowed)`);
    const objects = '{"a":'.repeat(50_000) + '1' + '}'.repeat(49_999);
    expect(() => parseJson(objects)).toThrow(/^line 1, column \d+: end of file inside an unclosed object$/);
  });

  it('finds nothing wrong in valid JSON, deep or not', () => {
    for (const text of ['{}', '[1, {"a": [true, false, null, "x", -1.5e3]}]', deep(100_000, '1'), ' "s" ']) {
      expect(firstJsonError(text)).toBeNull();
      expect(() => parseJson(text)).not.toThrow();
    }
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const samples = ['{"a":1,}', '[1 2]', '{"a" 1}', '{a: 1}', '[,]', '[]', '{"a":{}}', '01', '1.', '"\\x"', 'nul', '[1]]', '{"a":1}}'];
    for (const text of samples) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(firstJsonError(text) === null, text).toBe(valid);
    }
  });
});

describe('the options page import', () => {
  it('reports broken deep JSON with line and column, not a stack overflow', () => {
    const result = parseJsonText(deep(60_000, '{"pack": }'));
    expect(result).toEqual({ ok: false, error: `line 1, column ${60_000 + 10}: value expected` });
  });
});
