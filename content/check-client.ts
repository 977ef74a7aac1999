import { browser } from 'wxt/browser';
import { isCheckResult, type CheckRequest, type CheckResult, type Message } from '../protocol/messages';

/**
 * Sends a draft to the background worker to be checked (runs in the content script).
 *
 * Chrome stops an idle service worker after 30 seconds and restarts it for the next message;
 * a check out when it stops is lost (the message port closes, or the answer never comes). Such a
 * check is sent again, a few times, backing off: the restarted worker reads its settings from
 * storage and answers. `onRetry` hears of each failed attempt, so the page can say that checking
 * is unavailable rather than show the draft as clean.
 */
export type RetryListener = (attempt: number, error: unknown) => void;

// Waits before each further attempt (so RETRY_DELAYS_MS.length + 1 attempts in all).
const RETRY_DELAYS_MS = [100, 400, 1_600, 4_000];

/**
 * How long to wait for an answer: a whole-draft check of a long draft takes its time in the
 * worker (about 15 ms per 1,000 characters, and far more on a busy machine), so the wait grows
 * with the text.
 */
export function answerTimeout(request: CheckRequest): number {
  const perChar = request.whole ? 0.1 : 0.01;
  return 5_000 + Math.round(request.draft.text.length * perChar);
}

/** Errors that mean the worker went away (stopped, restarting), not that the request is wrong. */
export function isWorkerGone(error: unknown): boolean {
  if (error instanceof CheckTimeout) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /receiving end does not exist|message port closed|message channel closed|disconnected|could not establish connection/i.test(message);
}

export class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`the background worker did not answer within ${ms} ms`);
  }
}

type Send = (request: CheckRequest) => Promise<unknown>;

/**
 * Every message the content script sends goes through this one function, so a CPU profile tells
 * the browser's messaging (serialising the message, the IPC) from the script's own work
 * (scripts/bench-browser.mjs counts the time inside it apart).
 */
export function sendToExtension(message: Message): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

const send: Send = (request) => sendToExtension(request);

async function once(request: CheckRequest, sendMessage: Send): Promise<CheckResult> {
  const ms = answerTimeout(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(ms)), ms);
  });
  try {
    const result: unknown = await Promise.race([sendMessage(request), timeout]);
    if (!isCheckResult(result)) throw new Error('Second Look: the background worker gave no check result.');
    return result;
  } finally {
    clearTimeout(timer);
  }
}

export async function requestCheck(request: CheckRequest, onRetry?: RetryListener, sendMessage: Send = send): Promise<CheckResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(request, sendMessage);
    } catch (error) {
      if (!isWorkerGone(error) || attempt >= RETRY_DELAYS_MS.length) throw error;
      onRetry?.(attempt + 1, error);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}
