// Conventions the build keeps (as ESLint's and Refined GitHub's tests do): every rule of the
// spec is registered once, in sorted order, in a file named by its id, labelled, described, and
// tested; every pack's cited clauses exist; the README documents every rule. And a new rule is
// one rule file, one pack entry and one table of tests: nothing outside rules/ names a rule.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { IMAGE_RULE_IDS, RULE_FACTS, TEXT_RULE_IDS } from '../rules/engine/facts';
import { BUILT_IN_PACK_IDS, builtInPack } from '../packs';
import { SettingsSchema } from '../settings/schema';

const root = new URL('../', import.meta.url);
const spec = readFileSync(new URL('../shared/spec/rules.md', root), 'utf8');
const readme = readFileSync(new URL('README.md', root), 'utf8');
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('rule conformance', () => {
  it('registers every rule of spec/rules.md exactly once, sorted by id', () => {
    const textIds = [...spec.matchAll(/^### `([a-z-]+)`/gm)].map((m) => m[1]);
    const section = spec.slice(spec.indexOf('## Image rules'), spec.indexOf('## Every finding carries'));
    const imageIds = [...section.matchAll(/^- `([a-z-]+)`/gm)].map((m) => m[1]);
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES.filter((r) => r.text).map((r) => r.id)).toEqual(textIds.sort());
    expect(RULES.filter((r) => r.image).map((r) => r.id)).toEqual(imageIds.sort());
  });

  it('has exactly one file in rules/ per registered rule, and nothing else but the index', () => {
    const files = readdirSync(new URL('rules/', root)).filter((f) => statSync(new URL(`rules/${f}`, root)).isFile() && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.id));
  });

  it('facts.json is the registry without its code (regenerate with `npm run schemas`)', () => {
    expect(RULE_FACTS).toEqual(JSON.parse(JSON.stringify(RULES)));
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s lives in rules/<id>.ts, is labelled, described, tested and documented', (id, rule) => {
    expect(read(`rules/${id}.ts`)).toMatch(new RegExp(`id: '${id}'`));
    expect(rule.label.length).toBeGreaterThan(5);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.text || rule.image).toBeTruthy();
    if (rule.text) {
      const table = read(`tests/rules/${id}.test.ts`);
      expect(table).toContain(`ruleTable('${id}'`);
      expect(table).toMatch(/marks: \[\]/); // at least one draft it must leave alone
      expect(table).toMatch(/marks: \[\[\d/); // and at least one it must mark
    }
    if (rule.image) {
      // The image rules' table has rows that fire it and rows that do not.
      const table = read('tests/images/rules.test.ts');
      expect(table).toMatch(new RegExp(`fires: \\[[^\\]]*'${id}'`));
      expect(table).toMatch(/fires: \[\]/);
    }
    expect(readme).toContain(`\`${id}\``);
  });

  it('the default pack enables every rule, and each pack cites clauses it has', () => {
    expect(Object.keys(builtInPack('default').rules).sort()).toEqual(expect.arrayContaining([...TEXT_RULE_IDS, ...IMAGE_RULE_IDS]));
    for (const id of BUILT_IN_PACK_IDS) {
      const pack = builtInPack(id);
      const clauseIds = new Set(pack.clauses.map((c) => c.id));
      for (const r of Object.values(pack.rules)) for (const c of r?.clauses ?? []) expect(clauseIds.has(c)).toBe(true);
    }
  });
});

/** Every source module outside rules/ (and outside tests, data, tool configuration and generated output). */
function sourcesOutsideRules(dir = ''): string[] {
  const skip = new Set(['node_modules', '.output', '.cli', '.wxt', '.git', 'rules', 'tests', 'scratch', 'coverage', 'schemas', 'public', 'docs', 'samples']);
  return readdirSync(new URL(dir || './', root)).flatMap((name) => {
    const path = `${dir}${name}`;
    if (skip.has(name) && !dir) return [];
    if (name === 'node_modules') return [];
    if (statSync(new URL(path, root)).isDirectory()) return sourcesOutsideRules(`${path}/`);
    // Tool configuration (eslint.config.js lists DOM globals such as `location`) is not product code.
    return /\.(?:ts|tsx|mjs|js)$/.test(name) && !/\.config\.[jt]s$/.test(name) ? [path] : [];
  });
}

describe('a new rule is one rule file, one pack entry and one table of tests', () => {
  // `disclaimer` is also a settings key (the disclaimer text), which the options page and the
  // settings code name; a string scan cannot tell the two apart, so that id is left out here.
  const settingsKeys = new Set(Object.keys(SettingsSchema.shape));
  const ids = RULES.map((r) => r.id).filter((id) => !settingsKeys.has(id));
  const files = sourcesOutsideRules();

  it('scans the code outside rules/', () => {
    expect(files).toEqual(expect.arrayContaining(['content/controller.ts', 'components/popup/Popup.tsx', 'cli/main.ts', 'packs/index.ts']));
    expect(ids.length).toBeGreaterThan(10);
  });

  it('no module outside rules/ names a rule id: they read the facts from the registry', () => {
    const named = files.flatMap((file) => {
      const source = read(file);
      return ids.filter((id) => new RegExp(`['"\`]${id}['"\`]`).test(source)).map((id) => `${file}: '${id}'`);
    });
    expect(named).toEqual([]);
  });
});
