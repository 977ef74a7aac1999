import type { Account, Platform, RuleId, Severity, TextRuleId } from './ids';
import type { RuleContext } from './context';

export interface Draft {
  text: string;
  platform: Platform;
  account: Account;
}

export interface ClauseRef {
  /** The pack whose policy is cited (for `default`, the source document's pack id). */
  pack: string;
  section: string;
  /** Copied verbatim from the pack's source document. */
  quote: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offsets into the draft's text exactly as given. */
  start: number;
  end: number;
  excerpt: string;
  /** Plain English: why this matters and what to do instead. */
  message: string;
  suggestion?: string;
  clause: ClauseRef;
  /** What made the rule fire (which list, which context words), for the popup to explain. */
  why: string;
}

/** What a rule returns: offsets into the clean text; the engine maps them back. */
export interface Hit {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  why: string;
}

export interface Rule {
  readonly id: TextRuleId;
  /** One sentence: what the rule catches. */
  readonly description: string;
  /** Account types the rule applies to; all when absent. */
  readonly accounts?: readonly Account[];
  check(ctx: RuleContext): Hit[];
}
