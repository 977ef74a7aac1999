/**
 * What Chrome does with a policy for the extension, for tests: validate a value against the
 * managed-storage schema (the subset of JSON Schema Chrome supports), and read the registry
 * layout Windows policies use (.reg files: objects as subkeys, lists as numbered values).
 */
export type ChromeSchema = {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  required?: string[];
  items?: ChromeSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

/** Problems Chrome would report for `value` (and drop it for); unknown properties count too. */
export function policyErrors(schema: ChromeSchema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
      for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${path}.${key}: required`);
      for (const [key, v] of Object.entries(value)) {
        const sub = schema.properties?.[key] ?? schema.additionalProperties;
        if (!sub) errors.push(`${path}.${key}: unknown property`);
        else errors.push(...policyErrors(sub, v, `${path}.${key}`));
      }
      return errors;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not a list`];
      return value.flatMap((v, i) => policyErrors(schema.items!, v, `${path}[${i}]`));
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
      return errors;
    case 'integer':
      if (!Number.isInteger(value)) return [`${path}: not an integer`];
      if (schema.minimum !== undefined && (value as number) < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
      return errors;
    case 'number':
      return typeof value === 'number' ? [] : [`${path}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: not true or false`];
  }
}

interface RegKey {
  values: Map<string, string | number>;
  keys: Map<string, RegKey>;
}

/** The registry tree a .reg file writes, from its root down. */
export function parseReg(text: string): RegKey {
  const root: RegKey = { values: new Map(), keys: new Map() };
  let current: RegKey | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('Windows Registry Editor')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = root;
      for (const part of section[1]!.split('\\')) {
        const lower = part.toLowerCase(); // the registry ignores case
        if (!current.keys.has(lower)) current.keys.set(lower, { values: new Map(), keys: new Map() });
        current = current.keys.get(lower)!;
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`cannot read .reg line: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current.values.set(unescape(value[1]!), value[2] !== undefined ? unescape(value[2]) : parseInt(value[3]!, 16));
  }
  return root;
}

export function regKeyAt(root: RegKey, path: string): RegKey | undefined {
  let key: RegKey | undefined = root;
  for (const part of path.split('\\')) key = key?.keys.get(part.toLowerCase());
  return key;
}

/** A registry key read as Chrome reads it for a schema: subkeys are objects, numbered values lists. */
export function regToJson(key: RegKey, schema: ChromeSchema): unknown {
  if (schema.type === 'array') {
    const entries: [number, unknown][] = [];
    for (const [name, v] of key.values) entries.push([Number(name), scalar(v, schema.items!)]);
    for (const [name, sub] of key.keys) entries.push([Number(name), regToJson(sub, schema.items!)]);
    return entries.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
  const out: Record<string, unknown> = {};
  const find = (name: string) => Object.entries(schema.properties ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
  for (const [name, v] of key.values) {
    const [prop, sub] = find(name) ?? [name, undefined];
    out[prop] = sub ? scalar(v, sub) : v;
  }
  for (const [name, k] of key.keys) {
    const [prop, sub] = find(name) ?? [name, undefined];
    out[prop] = sub ? regToJson(k, sub) : '(unknown key)';
  }
  return out;
}

function scalar(value: string | number, schema: ChromeSchema): unknown {
  if (schema.type === 'boolean' && typeof value === 'number') return value !== 0;
  return value;
}
