import type { Account, Platform, Severity } from './ids';
import type { Settings } from '../../settings/schema';
import type { RuleContext } from './context';
import type { RuleId } from './registry';

export type { RuleId };

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
  /**
   * How sure the rule is, 0 to 1: the detector's base score, raised or lowered by the words
   * around it (rules/engine/score.ts). Findings under the sensitivity's threshold are not reported.
   */
  score: number;
  /** The context words that moved the score from its base, when any did. */
  context?: { raised: string[]; lowered: string[] };
  /** For image rules: which attached image, and where in it (faces, names, the logo). */
  image?: ImageRef;
}

/** A rectangle in an image, as fractions (0 to 1) of its width and height, so it fits any copy. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ImageRef {
  /** The image's position among the draft's images (also the finding's start and end). */
  index: number;
  /** The file name as attached. */
  name: string;
  /** What the finding is about: faces, names, the logo; empty for metadata (GPS). */
  boxes: Box[];
}

/** A word read from an image by OCR. */
export interface ImageWord {
  text: string;
  box: Box;
  /** The OCR engine's confidence, 0 to 100. */
  confidence: number;
}

/**
 * What the image analyser (images/) found in one attached image: the facts the image rules read.
 * Produced off the page (in the extension's offscreen document, or in Node for the CLI); the
 * rules over it are pure, so a change of account or settings re-checks without re-analysing.
 */
export interface ImageAnalysis {
  name: string;
  /** Pixel size of the image as attached. */
  width: number;
  height: number;
  /** GPS position from the image's metadata (EXIF), if it has one. */
  gps: { latitude: number; longitude: number } | null;
  /** Faces found, with the age model's estimate in years. */
  faces: { box: Box; score: number; age: number }[];
  /** Lines of text read by OCR, each a list of words (low-confidence noise already dropped). */
  lines: ImageWord[][];
  /** Where the configured logo appears, if it does (null also when no logo is configured). */
  logo: { box: Box; score: number } | null;
  /** Analysis steps that could not run (a model failed to load): reported, never skipped silently. */
  errors: { step: 'decode' | 'metadata' | 'faces' | 'text' | 'logo'; message: string }[];
}

/** What an image rule returns for one image; the engine adds severity, clause and the image ref. */
export interface ImageHit {
  excerpt: string;
  boxes: Box[];
  message: string;
  suggestion?: string;
  why: string;
  /** How sure, 0 to 1, when this hit knows better than the rule's base score (a detector's confidence). */
  score?: number;
}

export interface ImageRuleContext {
  draft: Draft;
  settings: Settings;
}

/** What a rule returns: offsets into the clean text; the engine maps them back. */
export interface Hit {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  why: string;
  /**
   * How sure, 0 to 1, when the mechanism that found it knows better than the rule's base score
   * (a slur is surer than a word that insults only when aimed at someone).
   */
  score?: number;
}

/** The text part of a rule: what it finds in the draft's words. */
export interface TextPart {
  check(ctx: RuleContext): Hit[];
  /** The score of a hit that does not set its own (Presidio's recognizer base score), 0 to 1. */
  readonly score: number;
  /**
   * The rule asks about the whole draft (is a disclaimer anywhere?), so a chunk of a long draft
   * cannot answer it; the incremental checker carries its findings over until a whole check.
   */
  readonly wholeDraft?: boolean;
  /** What Apply does with a suggestion: replace the marked words (the default), or append it to the draft. */
  readonly apply?: 'replace' | 'append';
}

/** The image part of a rule: what it finds in an attached image's analysis. */
export interface ImagePart {
  check(image: ImageAnalysis, ctx: ImageRuleContext): ImageHit[];
  /** The score of a hit that does not set its own, 0 to 1. */
  readonly score: number;
  /** The safe copy of the image blurs this rule's boxes (faces, names). */
  readonly blurs?: boolean;
}

/**
 * A rule and everything about it, as ESLint keeps a rule's `meta` beside its code: the registry
 * and the UI read these facts from here, never from lists of ids kept elsewhere.
 */
export interface Rule<Id extends string = string> {
  /** The stable id of ../shared/spec/rules.md; never rename one. */
  readonly id: Id;
  /** What cards, the popup and the options page call it: a short plain-English heading. */
  readonly label: string;
  /** One sentence: what the rule catches. */
  readonly description: string;
  /** How school policies word the rule, for drafting a pack from a school's own policy. */
  readonly evidence: RuleEvidence;
  /** Account types the rule applies to; all when absent. */
  readonly accounts?: readonly Account[];
  /** A rule looks at the draft's text, its attached images, or both (`location`). */
  readonly text?: TextPart;
  readonly image?: ImagePart;
}

/**
 * The words by which a policy states a rule: a clause states it only when it uses one of
 * `terms` (or one from each group of `all`); `headings` are the words of the sections such
 * clauses sit under. Each word is the start of a word ("photo" for photo, photos, photograph).
 */
export interface RuleEvidence {
  readonly terms?: readonly string[];
  readonly all?: readonly (readonly string[])[];
  readonly headings: readonly string[];
  /**
   * A blanket ban on talking about the school at all ("Do not discuss your work or place of
   * work", "never discuss the school or its stakeholders") states this rule too, in whatever
   * words: it covers naming pupils, complaining and giving away confidences alike.
   */
  readonly blanket?: boolean;
  /**
   * A limit the school sets on its own account ("The school will not follow any other Twitter
   * users", "@school will not reply to replies") states this rule in its terms alone: the
   * account's readers are the pupils and families that `all` asks for.
   */
  readonly ownAccount?: boolean;
}

/** A rule's facts without its code: what the page, popup and options page need (rules/engine/facts.json). */
export interface RuleFacts {
  readonly id: RuleId;
  readonly label: string;
  readonly description: string;
  readonly evidence: RuleEvidence;
  readonly accounts?: readonly Account[];
  readonly text?: Omit<TextPart, 'check'>;
  readonly image?: Omit<ImagePart, 'check'>;
}

/** Declares a rule, keeping its id's literal type so the registry can derive RuleId. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
