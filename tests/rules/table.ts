// The one runner for the text rules' tables: each row is a draft and every mark the rule must
// make in it, as [start, end, excerpt] or [start, end, excerpt, suggestion] ([] = must not fire).
// Offsets are UTF-16 indices into the draft as given, as findings carry them.
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
