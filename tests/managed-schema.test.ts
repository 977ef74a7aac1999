// public/managed_schema.json is generated from the zod settings schema (`npm run schemas`) and
// must stay a schema Chrome accepts: Chrome refuses to load an extension whose schema it cannot parse.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_SCHEMA_ATTRIBUTES, managedSchema } from '../settings/managed-schema';
import { SettingsSchema } from '../settings/schema';
import { policyErrors, type ChromeSchema } from './support/chrome-policy';

const committed = JSON.parse(readFileSync(new URL('../public/managed_schema.json', import.meta.url), 'utf8')) as ChromeSchema;

/** Every node of a schema, with where it is. */
function* nodes(schema: Record<string, unknown>, where = '$'): Generator<[string, Record<string, unknown>]> {
  yield [where, schema];
  for (const [k, v] of Object.entries((schema.properties as Record<string, Record<string, unknown>>) ?? {})) yield* nodes(v, `${where}.${k}`);
  if (schema.items) yield* nodes(schema.items as Record<string, unknown>, `${where}[]`);
  if (schema.additionalProperties) yield* nodes(schema.additionalProperties as Record<string, unknown>, `${where}.*`);
}

describe('the managed storage schema', () => {
  it('is up to date with the settings schema', () => {
    expect(committed).toEqual(managedSchema());
  });

  it('is named by the Chrome manifest', () => {
    const config = readFileSync(new URL('../wxt.config.ts', import.meta.url), 'utf8');
    expect(config).toContain("storage: { managed_schema: 'managed_schema.json' }");
  });

  it("uses only what Chrome's policy schema parser accepts: one type each, known attributes only", () => {
    const problems: string[] = [];
    for (const [where, node] of nodes(committed as unknown as Record<string, unknown>)) {
      const type = node.type;
      if (typeof type !== 'string' || !(type in CHROME_SCHEMA_ATTRIBUTES)) {
        problems.push(`${where}: type ${JSON.stringify(type)}`);
        continue;
      }
      for (const attribute of Object.keys(node))
        if (!CHROME_SCHEMA_ATTRIBUTES[type]!.includes(attribute)) problems.push(`${where}: "${attribute}" is not allowed on ${type}`);
      if (node.additionalProperties !== undefined && typeof node.additionalProperties !== 'object') problems.push(`${where}: additionalProperties must be a schema`);
      if (type === 'array' && typeof node.items !== 'object') problems.push(`${where}: an array needs items`);
    }
    expect(problems).toEqual([]);
    expect(committed.type).toBe('object');
    expect(committed).not.toHaveProperty('additionalProperties');
    expect(committed).not.toHaveProperty('$schema');
  });

  it('has one policy for every settings key (but the editor-only $schema)', () => {
    const keys = Object.keys(SettingsSchema.shape).filter((k) => k !== '$schema');
    expect(Object.keys(committed.properties!).sort()).toEqual(keys.sort());
    for (const rule of ['child-name', 'tagging']) expect(committed.properties!.rules!.properties).toHaveProperty(rule);
  });

  it('masks the pupil list at chrome://policy', () => {
    const props = committed.properties as Record<string, Record<string, unknown>>;
    expect(props.pupilNameHashes!.sensitiveValue).toBe(true);
    expect(props.pupilNames!.sensitiveValue).toBe(true);
  });

  it.each([
    ['the sample settings', JSON.parse(readFileSync(new URL('../samples/settings.json', import.meta.url), 'utf8')), []],
    ['locks', { locked: true, lockedRules: ['child-name'] }, []],
    ['a bad hashtag', { organisation: { hashtags: ['not one'] } }, ['$.organisation.hashtags[0]: does not match ^#?[\\p{L}\\p{N}_]{1,100}$']],
    ['a blank name', { organisation: { names: ['  '] } }, ['$.organisation.names[0]: does not match \\S']],
    ['hashes without their count', { pupilNameHashes: { scheme: 'scrypt-chain-v1', salt: '00'.repeat(16), hashes: [] } }, ['$.pupilNameHashes.count: required']],
  ])('accepts and rejects policies as the zod schema does: %s', (_name, policy, errors) => {
    const { $schema: _ignored, ...settings } = policy as Record<string, unknown>;
    expect(policyErrors(committed, settings)).toEqual(errors);
    expect(SettingsSchema.safeParse(settings).success).toBe(errors.length === 0);
  });

  it('lets an unknown rule id among the locks through, so Chrome does not drop every lock with it (the extension drops only that id)', () => {
    const settings = { lockedRules: ['child-name', 'nope'] };
    expect(policyErrors(committed, settings)).toEqual([]);
    expect(SettingsSchema.safeParse(settings).success).toBe(false);
  });
});
