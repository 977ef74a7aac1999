// docs/deploy.md's examples are complete and valid: each policy, as the browser would read it,
// passes the settings schema and Chrome's managed-storage schema, and names the right ids.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../settings/schema';
import { parseReg, policyErrors, regKeyAt, regToJson, type ChromeSchema } from './support/chrome-policy';
import { GECKO_ID } from '../wxt.config';

const ID = 'phoenllgakabgohcllbhpbgpmmngooni';
const doc = readFileSync(new URL('../docs/deploy.md', import.meta.url), 'utf8');
const schema = JSON.parse(readFileSync(new URL('../public/managed_schema.json', import.meta.url), 'utf8')) as ChromeSchema;

/** The fenced examples, by their name (the word after the language). */
const examples = new Map([...doc.matchAll(/^```(\w+) ([\w-]+)\n([\s\S]*?)^```$/gm)].map((m) => [m[2]!, { lang: m[1]!, text: m[3]! }]));

function example(name: string): string {
  const found = examples.get(name);
  if (!found) throw new Error(`docs/deploy.md has no example named ${name}`);
  return found.text;
}

/** A policy's settings must pass both Chrome's schema and the extension's own validation. */
function expectValid(settings: unknown): void {
  expect(policyErrors(schema, settings)).toEqual([]);
  const parsed = SettingsSchema.safeParse(settings);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

describe('docs/deploy.md', () => {
  it('has every example the tests know', () => {
    expect([...examples.keys()].sort()).toEqual(['admin-console', 'chrome-linux', 'chrome-windows', 'edge-windows', 'firefox', 'intune']);
  });

  it('names the extension ids the manifest fixes', () => {
    expect(doc).toContain(`\`${ID}\``);
    expect(doc).toContain(`\`${GECKO_ID}\``);
  });

  it('Google Admin console: each policy wrapped in {"Value": ...}', () => {
    const wrapped = JSON.parse(example('admin-console')) as Record<string, { Value: unknown }>;
    const settings = Object.fromEntries(Object.entries(wrapped).map(([k, v]) => [k, v.Value]));
    expect(Object.values(wrapped).every((v) => Object.keys(v).join() === 'Value')).toBe(true);
    expectValid(settings);
  });

  it.each([
    ['chrome-windows', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome', 'https://clients2.google.com/service/update2/crx'],
    ['edge-windows', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge', 'https://edge.microsoft.com/extensionwebstorebase/v1/crx'],
  ])('%s: a .reg file that force-installs the extension and sets its policy', (name, root, updateUrl) => {
    const reg = parseReg(example(name));
    expect(regKeyAt(reg, `${root}\\ExtensionInstallForcelist`)?.values.get('1')).toBe(`${ID};${updateUrl}`);
    const policy = regKeyAt(reg, `${root}\\3rdparty\\extensions\\${ID}\\policy`);
    expect(policy).toBeDefined();
    const settings = regToJson(policy!, schema);
    expectValid(settings);
    expect(settings).toHaveProperty('pack');
  });

  it('Intune: the script\'s settings JSON is valid, and it writes them for Chrome and Edge', () => {
    const script = example('intune');
    const json = /\$Settings = @'\n([\s\S]*?)\n'@/.exec(script)?.[1];
    expect(json).toBeDefined();
    expectValid(JSON.parse(json!));
    expect(script).toContain(`$ExtensionId = '${ID}'`);
    expect(script).toContain("foreach ($Browser in 'Google\\Chrome', 'Microsoft\\Edge')");
    expect(script).toContain('\\3rdparty\\extensions\\$ExtensionId\\policy');
  });

  it('Linux: a Chromium policy file, as the managed browser test writes', () => {
    const file = JSON.parse(example('chrome-linux'));
    expect(file.ExtensionInstallForcelist).toEqual([`${ID};https://clients2.google.com/service/update2/crx`]);
    expectValid(file['3rdparty'].extensions[ID]);
  });

  it('Firefox: policies.json force-installs the add-on and sets 3rdparty.Extensions', () => {
    const { policies } = JSON.parse(example('firefox'));
    expect(policies.ExtensionSettings[GECKO_ID].installation_mode).toBe('force_installed');
    expectValid(policies['3rdparty'].Extensions[GECKO_ID]);
  });
});
