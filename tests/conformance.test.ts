// Conventions the build keeps (as ESLint's and Refined GitHub's tests do): every rule of the
// spec is registered once, in sorted order, in a file named by its id, described, and tested;
// every pack's cited clauses exist; the README documents every rule.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE_RULES, RULES } from '../rules';
import { IMAGE_RULE_IDS, TEXT_RULE_IDS } from '../rules/engine/ids';
import { BUILT_IN_PACK_IDS, builtInPack } from '../packs';

const spec = readFileSync(new URL('../../shared/spec/rules.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('rule conformance', () => {
  it('registers every text rule of spec/rules.md exactly once, sorted', () => {
    const specIds = [...spec.matchAll(/^### `([a-z-]+)`/gm)].map((m) => m[1]);
    expect(specIds.sort()).toEqual([...TEXT_RULE_IDS]);
    expect(RULES.map((r) => r.id)).toEqual([...TEXT_RULE_IDS]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s lives in rules/<id>.ts, is described, tested and documented', (id, rule) => {
    expect(existsSync(new URL(`../rules/${id}.ts`, import.meta.url))).toBe(true);
    expect(readFileSync(new URL(`../rules/${id}.ts`, import.meta.url), 'utf8')).toMatch(new RegExp(`id: '${id}'`));
    expect(rule.description.length).toBeGreaterThan(20);
    const test = new URL(`./rules/${id}.test.ts`, import.meta.url);
    expect(existsSync(test)).toBe(true);
    const body = readFileSync(test, 'utf8');
    expect(body).toMatch(/marks: \[\]/); // at least one draft it must leave alone
    expect(body).toMatch(/marks: \["/); // and at least one it must mark
    expect(readme).toContain(`\`${id}\``);
  });

  it('has no rule file that is not registered', () => {
    const files = readdirSync(new URL('../rules/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual([...new Set([...TEXT_RULE_IDS, ...IMAGE_RULE_IDS])].sort());
  });

  it('registers every image rule of spec/rules.md exactly once, sorted', () => {
    const section = spec.slice(spec.indexOf('## Image rules'), spec.indexOf('## Every finding carries'));
    const specIds = [...section.matchAll(/^- `([a-z-]+)`/gm)].map((m) => m[1]);
    expect(specIds.sort()).toEqual([...IMAGE_RULE_IDS].sort());
    expect(IMAGE_RULES.map((r) => r.id)).toEqual([...IMAGE_RULE_IDS].sort());
  });

  it.each(IMAGE_RULES.map((r) => [r.id, r] as const))('image rule %s lives in rules/<id>.ts, is described, tested and documented', (id, rule) => {
    expect(readFileSync(new URL(`../rules/${id}.ts`, import.meta.url), 'utf8')).toMatch(new RegExp(`id: '${id}'`));
    expect(rule.description.length).toBeGreaterThan(20);
    // The image rules' table (tests/images/rules.test.ts) has rows that fire it and rows that do not.
    const table = readFileSync(new URL('./images/rules.test.ts', import.meta.url), 'utf8');
    expect(table).toMatch(new RegExp(`fires: \\[[^\\]]*'${id}'`));
    expect(table).toMatch(/fires: \[\]/);
    expect(readme).toContain(`\`${id}\``);
  });

  it('the default pack enables every rule, and each pack cites clauses it has', () => {
    expect(Object.keys(builtInPack('default').rules).sort()).toEqual(expect.arrayContaining([...TEXT_RULE_IDS]));
    for (const id of BUILT_IN_PACK_IDS) {
      const pack = builtInPack(id);
      const clauseIds = new Set(pack.clauses.map((c) => c.id));
      for (const r of Object.values(pack.rules)) for (const c of r?.clauses ?? []) expect(clauseIds.has(c)).toBe(true);
    }
  });
});
