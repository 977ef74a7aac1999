// The JSON Schemas in schemas/ are generated from the zod schemas: regenerate with
// `npm run schemas` when they change. Settings and packs validate against them too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../packs/json-schema';

describe('JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schemas/%s is up to date', (file, schema) => {
    const committed = JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('forbids unknown keys in settings, so a typo is an error rather than a silent no-op', () => {
    const schema = jsonSchemas()['settings.schema.json'] as { additionalProperties?: boolean };
    expect(schema.additionalProperties).toBe(false);
  });
});
