/**
 * The Chrome managed-storage schema (public/managed_schema.json), generated from the zod
 * settings schema so that policy tools and the extension agree. Chrome accepts only a subset of
 * JSON Schema (components/policy/core/common/schema.cc): every schema has one `type`; per type
 * only `description`, `title`, `id`, `sensitiveValue` and `properties`, `required`,
 * `additionalProperties` (a schema, never `false`) and `patternProperties` (objects), `items`
 * (arrays), `enum` and `pattern` (strings), `enum`, `minimum` and `maximum` (integers). An
 * unknown attribute makes Chrome refuse to load the extension, so anything else is translated
 * or dropped here, and anything this code does not know how to translate is an error.
 * The top-level properties are the policies: one per settings key, so trust IT sets `pack`,
 * `organisation`, ... as separate policies.
 */
import { z } from 'zod';
import { SettingsSchema } from './schema';

type Json = Record<string, unknown>;

const ALLOWED: Record<string, readonly string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};
export const CHROME_SCHEMA_ATTRIBUTES = ALLOWED;

/** Keys that hold pupils' data: chrome://policy masks their values. */
const SENSITIVE = new Set(['pupilNames', 'pupilNameHashes']);

function translate(schema: Json, where: string): Json {
  // One of several objects (pupilNameHashes: the current format or the first): Chrome has no
  // anyOf, so one object with every option's properties; zod still tells the options apart.
  if (Array.isArray(schema.anyOf) && schema.anyOf.every((o: Json) => o.type === 'object')) {
    const options = schema.anyOf as Json[];
    const properties = Object.assign({}, ...options.map((o) => o.properties as Json)) as Json;
    // Required: what every option requires.
    const required = ((options[0]!.required as string[] | undefined) ?? []).filter((k) => options.every((o) => ((o.required as string[] | undefined) ?? []).includes(k)));
    return translate({ type: 'object', ...(schema.description ? { description: schema.description } : {}), properties, ...(required.length ? { required } : {}) }, where);
  }
  const type = schema.type;
  if (typeof type !== 'string' || !(type in ALLOWED)) throw new Error(`${where}: Chrome needs exactly one type, got ${JSON.stringify(type)}`);
  const out: Json = { type };
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'type':
        break;
      case 'description':
      case 'title':
      case 'enum':
      case 'pattern':
      case 'required':
        out[key] = value;
        break;
      case 'const':
        // One allowed value (the hashing scheme's name): an enum of one.
        out.enum = [value];
        break;
      case 'minimum':
        // Chrome bounds integers only; a number's bounds are still checked by zod when read.
        if (type === 'integer') out.minimum = value;
        break;
      case 'maximum':
        // zod's "safe integer" bound: no bound a policy needs.
        if (type === 'integer' && typeof value === 'number' && value < 2 ** 31) out.maximum = value;
        break;
      case 'minLength':
        // Chrome has no minLength; a non-empty string is one with a non-space character.
        if (value === 1 && !('pattern' in schema)) out.pattern = '\\S';
        // Longer minimums (a quote's 12 characters) are zod's to check when the value is read.
        break;
      case 'minItems':
        // Chrome cannot say "at least one"; zod still rejects an empty list when read.
        break;
      case 'items':
        out.items = translate(value as Json, `${where}[]`);
        break;
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, translate(v, `${where}.${k}`)]));
        break;
      case 'additionalProperties':
        // false (unknown keys are errors) cannot be said; zod still rejects them when read.
        if (value === false) break;
        if (schema.propertyNames) {
          // A record over known keys (rules.<id>): one property per key.
          const keys = (schema.propertyNames as Json).enum as string[];
          out.properties = Object.fromEntries(keys.map((k) => [k, translate(value as Json, `${where}.${k}`)]));
        } else out.additionalProperties = translate(value as Json, `${where}.*`);
        break;
      case 'propertyNames':
        if (!Array.isArray((value as Json).enum)) throw new Error(`${where}: propertyNames without an enum`);
        break;
      default:
        throw new Error(`${where}: "${key}" has no equivalent in Chrome's policy schema`);
    }
  }
  return out;
}

export function managedSchema(): Json {
  const json = z.toJSONSchema(SettingsSchema, { target: 'draft-2020-12' }) as Json;
  const properties: Record<string, Json> = {};
  for (const [key, value] of Object.entries(json.properties as Record<string, Json>)) {
    if (key === '$schema') continue; // for editors, not a policy
    properties[key] = translate(value, key);
    if (SENSITIVE.has(key)) properties[key].sensitiveValue = true;
    // Chrome drops a whole list policy when one entry fails the schema, so one unknown rule id
    // would drop every lock. The ids are left unchecked here; the extension keeps the valid
    // locks and reports the unknown id (settings/resolve.ts): locks fail closed.
    if (key === 'lockedRules') properties[key].items = { type: 'string', description: 'a rule id; an unknown one is reported and the others stay locked' };
  }
  return {
    type: 'object',
    title: 'Second Look',
    description:
      "Second Look's settings for staff in this organisation: see docs/deploy.md. Values set here take precedence over the options page.",
    properties,
  };
}
