// The runners for the text rules' tables. `ruleTable`: each row is a draft and every mark the rule
// must make in it, as [start, end, excerpt] or [start, end, excerpt, suggestion] ([] = must not
// fire); offsets are UTF-16 indices into the draft as given, as findings carry them. `kindsTable`:
// each row is a draft of one kind of wording and the rules that must fire and must not.
import { describe, expect, it } from 'vitest';
import type { Account, Platform } from '../../rules/engine/ids';
import type { RuleId } from '../../rules/engine/facts';
import { check, settings } from '../helpers';

export type Mark = [start: number, end: number, excerpt: string] | [start: number, end: number, excerpt: string, suggestion: string];

export interface Row {
  text: string;
  account?: Account;
  platform?: Platform;
  marks: Mark[];
}

/** What a rule marks in a row's draft, under the test settings and the `default` pack. */
export function marksOf(rule: RuleId, row: Omit<Row, 'marks'>): Mark[] {
  return check({ text: row.text, account: row.account ?? 'personal', platform: row.platform ?? 'facebook' }, settings)
    .filter((f) => f.rule === rule)
    .map((f): Mark => {
      const excerpt = row.text.slice(f.start, f.end);
      expect(f.excerpt).toBe(excerpt);
      return f.suggestion === undefined ? [f.start, f.end, excerpt] : [f.start, f.end, excerpt, f.suggestion];
    });
}

export function ruleTable(rule: RuleId, rows: readonly Row[]): void {
  describe(rule, () => {
    it.each(rows)('$text', (row) => {
      expect(marksOf(rule, row)).toEqual(row.marks);
    });
  });
}

export interface KindRow {
  text: string;
  account?: Account;
  fires?: RuleId[];
  not?: RuleId[];
}

/** One kind of wording: each row's `fires` rules must fire and its `not` rules must not; the rest are not its business. */
export function kindsTable(kind: string, rows: readonly KindRow[]): void {
  describe(kind, () => {
    it.each(rows)('$text', (row) => {
      const found = new Set(check({ text: row.text, account: row.account ?? 'personal', platform: 'x' }, settings).map((f) => f.rule));
      for (const rule of row.fires ?? []) expect(found, `${rule} should fire`).toContain(rule);
      for (const rule of row.not ?? []) expect(found, `${rule} should not fire`).not.toContain(rule);
    });
  });
}
