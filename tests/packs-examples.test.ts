// Every pack's examples are tests: each `flag` draft must fire its rule under that pack, and each
// `pass` draft must fire nothing at all (a pass example is a near miss that must stay clean).
import { describe, expect, it } from 'vitest';
import { check } from './helpers';
import { BUILT_IN_PACK_IDS, builtInPack } from '../packs';
import { TEXT_RULE_IDS } from '../rules/engine/facts';

const rows = BUILT_IN_PACK_IDS.flatMap((packId) => {
  const pack = builtInPack(packId);
  const settings = { ...pack.exampleSettings, pack: packId };
  return Object.entries(pack.rules).flatMap(([rule, r]) =>
    (TEXT_RULE_IDS as readonly string[]).includes(rule)
      ? [
          ...(r?.examples?.flag ?? []).map((e) => ({ packId, rule, kind: 'flag' as const, e, settings })),
          ...(r?.examples?.pass ?? []).map((e) => ({ packId, rule, kind: 'pass' as const, e, settings })),
        ]
      : [],
  );
});

describe('pack examples', () => {
  it.each(rows)('$packId $rule $kind: $e.text', ({ rule, kind, e, settings }) => {
    const findings = check({ text: e.text, platform: e.platform ?? 'facebook', account: e.account ?? 'personal' }, settings);
    if (kind === 'flag') expect(findings.map((f) => f.rule)).toContain(rule);
    else expect(findings.map((f) => `${f.rule}: ${f.excerpt}`)).toEqual([]);
  });
});
