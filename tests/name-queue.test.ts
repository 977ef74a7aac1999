// The worker's check service with a hashed pupil list: a check answers at once with what is
// derived so far and says it is not whole; the words it could not look up are derived in the
// background; a whole check waits for them (a while), so a name typed, and then a misspelling of
// it, are found without the content script doing anything but ask again after its pause.
import { describe, expect, it } from 'vitest';
import { answerCheck } from '../background/check-service';
import type { SettingsHolder } from '../background/config';
import { builtInPack } from '../packs';
import { derivedNameKeys } from '../rules/engine/name-hash';
import { hashPupilNames } from '../settings/roster';
import type { CheckRequest, CheckResult } from '../protocol/messages';

const params = { N: 1024, r: 1, p: 1, rounds: 2 };

async function untilWhole(request: Omit<CheckRequest, 'whole'>, holder: SettingsHolder): Promise<{ result: CheckResult; asked: number }> {
  for (let asked = 1; asked < 50; asked++) {
    const result = await answerCheck({ ...request, whole: true }, 1, holder);
    if (result.whole) return { result, asked };
  }
  throw new Error('never whole');
}

describe('the check service with a hashed pupil list', () => {
  it('answers at once, derives new words in the background, and finds the name and its misspelling', async () => {
    const roster = await hashPupilNames(['Demelza Trewin'], { params });
    derivedNameKeys.clear();
    const active = { settings: { pack: 'default', pupilNameHashes: roster }, pack: builtInPack('default'), version: 'v1' };
    const holder = { get: async () => active } as unknown as SettingsHolder;
    const listed = (r: CheckResult) => r.findings.filter((f) => f.why.startsWith('pupil list')).map((f) => f.excerpt);
    const base = { type: 'check' as const, composer: 7, settingsVersion: 'v1' };

    const text = 'What a week: huge thanks to Demelza for the display.';
    const first = await answerCheck({ ...base, draft: { text, platform: 'facebook', account: 'official' }, whole: false }, 1, holder);
    expect(first.whole).toBe(false);
    expect(listed(first)).toEqual([]);
    const found = await untilWhole({ ...base, draft: { text, platform: 'facebook', account: 'official' } }, holder);
    expect(listed(found.result)).toEqual(['Demelza']);

    const more = `${text} And Demelsa too.`;
    const typo = await untilWhole({ ...base, draft: { text: more, platform: 'facebook', account: 'official' } }, holder);
    expect(listed(typo.result)).toEqual(['Demelza', 'Demelsa']);
    // Lower-case ordinary words are never derived.
    expect(derivedNameKeys.size).toBeLessThan(20);
  });

  it('finds a misspelling when the worker holds a new copy of the same settings between two checks', async () => {
    // The worker re-reads storage on changes (background/config.ts), so the settings object a
    // check gets may be a new copy of the same version each time; a draft's checker made with an
    // earlier copy must not hide the words still to be derived.
    const roster = await hashPupilNames(['Demelza Trewin'], { params });
    derivedNameKeys.clear();
    const holder = {
      get: async () => ({ settings: { pack: 'default', pupilNameHashes: { ...roster } }, pack: builtInPack('default'), version: 'v2' }),
    } as unknown as SettingsHolder;
    const base = { type: 'check' as const, composer: 8, settingsVersion: 'v2' };
    const text = 'Lovely reading in assembly from Demelsa this morning.';
    // A keystroke's check first (as typing does), then whole checks once typing pauses.
    const typed = await answerCheck({ ...base, draft: { text, platform: 'facebook', account: 'official' }, whole: false }, 1, holder);
    expect(typed.pendingNames).toBe(true);
    const found = await untilWhole({ ...base, draft: { text, platform: 'facebook', account: 'official' } }, holder);
    expect(found.result.findings.filter((f) => f.why.startsWith('pupil list')).map((f) => f.excerpt)).toEqual(['Demelsa']);
  });
});
