import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SettingsState } from './resolve';

/**
 * A name for the settings a draft is checked with: the settings in force and the imported pack
 * (when that is the pack in force). The content script and the background worker each read the
 * settings from storage (store.ts) and work this out for themselves, so a check request names the
 * settings by it instead of carrying them, and a pack of several megabytes is never resent with
 * each keystroke. Worked out once per settings change, never per check.
 */
export function settingsVersion(state: Pick<SettingsState, 'settings' | 'customPack'>): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify([state.settings, state.customPack])))).slice(0, 32);
}
