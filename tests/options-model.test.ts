// The options form as data (components/options/model.ts): settings in and out, and each
// validation issue placed beside its field with its line and JSON path.
import { describe, expect, it } from 'vitest';
import { describeIssue, fieldOf, formFromSettings, settingsFromForm } from '../components/options/model';
import type { Settings } from '../settings/schema';

describe('the options form', () => {
  it('gives back the settings it was filled from', () => {
    const settings: Settings = {
      pack: 'aspire',
      organisation: { names: ['Penrice Primary Academy', 'Penrice'], hashtags: ['#PenricePride'] },
      officialAccounts: [{ platform: 'x', name: '@PenricePrimary' }],
      disclaimer: 'Views are my own.',
      allowedHandles: ['@WestBerkshire'],
      rules: { tagging: { severity: 'block' }, political: { enabled: false } },
      pupilNameHashes: { key: '00'.repeat(32), hashes: ['0123456789abcdef'], count: 1 },
    };
    expect(settingsFromForm(formFromSettings(settings))).toEqual(settings);
  });

  it('leaves out what is empty, and reads one entry a line', () => {
    const form = formFromSettings({});
    form.lists['organisation.hashtags'] = '  #One \n\n#Two\n';
    expect(settingsFromForm(form)).toEqual({ organisation: { hashtags: ['#One', '#Two'] } });
  });

  it.each([
    [['organisation', 'hashtags', 1], 'organisation.hashtags', 'line 2: bad ($.organisation.hashtags[1])'],
    [['officialAccounts', 0, 'name'], 'officialAccounts', 'account 1: bad ($.officialAccounts[0].name)'],
    [['rules', 'tagging', 'severity'], 'rules.tagging', 'bad ($.rules.tagging.severity)'],
    [['pack'], 'pack', 'bad ($.pack)'],
    [['pupilNames', 0], 'pupilNameHashes', 'bad ($.pupilNames[0])'],
    [['organisation', 'hashtag'], 'file', 'bad ($.organisation.hashtag)'],
    [['unknown'], 'file', 'bad ($.unknown)'],
  ] as const)('an issue at %j goes beside %s', (path, field, text) => {
    expect(fieldOf([...path])).toBe(field);
    expect(describeIssue({ path: [...path], message: 'bad' })).toBe(text);
  });
});
