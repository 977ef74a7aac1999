import { browser } from 'wxt/browser';
import { isCheckResult, type CheckRequest, type CheckResult } from '../protocol/messages';

/** Sends a draft to the background worker to be checked (runs in the content script). */
export async function requestCheck(request: CheckRequest): Promise<CheckResult> {
  const result: unknown = await browser.runtime.sendMessage(request);
  if (!isCheckResult(result)) throw new Error('Second Look: the background worker gave no check result.');
  return result;
}
