// The command line of ../shared/spec/cli.md: output shapes, exit codes, and clear errors (file,
// line, JSON path) for bad input, never a stack trace.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';

async function run(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => (out += s + '\n'),
    err: (s) => (err += s + '\n'),
    stdin: () => stdin,
    stdinIsTty: false,
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'second-look-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const settingsFile = new URL('./corpus/settings.json', import.meta.url).pathname;

describe('second-look check', () => {
  it('exits 0 and says so when nothing is found', async () => {
    const r = await run(['check', '--settings', settingsFile, '-'], 'Lovely weather for the school fair!');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No problems found/);
  });

  it('exits 3 and explains each finding, with its clause, when something is found', async () => {
    const r = await run(['check', '--settings', settingsFile, '--account', 'official', '-'], 'Well done to Aarav in Year 3!');
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/child-name/);
    expect(r.out).toMatch(/The use of children's names/);
  });

  it('prints findings as JSON with --json', async () => {
    const r = await run(['check', '--json', '--settings', settingsFile, '--account', 'official', '-'], 'Well done to Aarav in Year 3!');
    const { findings } = JSON.parse(r.out);
    expect(findings[0]).toMatchObject({ rule: 'child-name', start: 13, end: 18, excerpt: 'Aarav', clause: { pack: 'aspire' } });
  });

  it('reads a draft from a file and takes --pack', async () => {
    const draft = file('draft.txt', 'Vote Labour on Thursday!');
    expect((await run(['check', '--pack', 'default', '--account', 'official', draft])).code).toBe(3);
    expect((await run(['check', '--pack', 'aspire', '--account', 'official', draft])).code).toBe(0);
  });

  it.each([
    [['check', '--account', 'staff', '-'], /--account must be one of personal, official/],
    [['check', '--platform', 'tiktok', '-'], /--platform must be one of facebook, x, instagram/],
    [['check', '--pack', 'nope', '-'], /unknown pack "nope"/],
    [['check', '--frobnicate', '-'], /Unknown option '--frobnicate'/],
    [['check', 'a.txt', 'b.txt'], /one draft at a time/],
    [['check', '/no/such/draft.txt'], /no such file/],
    [['launch'], /unknown command "launch"/],
  ])('bad usage %j exits 2 with a message', async (args, message) => {
    const r = await run(args, 'text');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('names the JSON path of an unknown key in a settings file, and exits 2', async () => {
    const bad = file('bad-key.json', JSON.stringify({ pack: 'aspire', organisation: { names: ['X'], hashtag: ['#x'] } }));
    const r = await run(['check', '--settings', bad, '-'], 'hello');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: invalid settings`);
    expect(r.err).toContain('$.organisation.hashtag: unknown key "hashtag"');
  });

  it('names the JSON path of a bad value', async () => {
    const bad = file('bad-value.json', JSON.stringify({ pupilNames: ['Olivia', 7] }));
    const r = await run(['check', '--settings', bad, '-'], 'hello');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\$\.pupilNames\[1\]: .*string/i);
  });

  it('gives the line and column of broken JSON', async () => {
    const bad = file('broken.json', '{\n  "pack": "aspire",\n  "disclaimer": oops\n}');
    const r = await run(['check', '--settings', bad, '-'], 'hello');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${bad}: line 3, column \\d+`));
  });

  it('gives the line and column of broken JSON nested thousands deep, not a stack overflow', async () => {
    const bad = file('deep.json', '{"rules": ' + '['.repeat(50_000) + '1,' + ']'.repeat(50_000) + '}');
    const r = await run(['check', '--settings', bad, '-'], 'hello');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: line 1, column ${10 + 50_000 + 3}: value expected (a trailing comma is not allowed)`);
    expect(r.err).not.toMatch(/call stack/i);
  });

  it('reads a pack file named in settings, relative to the settings file', async () => {
    const pack = JSON.parse(readFileSync(new URL('../packs/default.json', import.meta.url), 'utf8'));
    pack.id = 'my-pack';
    file('my-pack.json', JSON.stringify(pack));
    const settings = file('with-pack.json', JSON.stringify({ pack: './my-pack.json' }));
    expect((await run(['check', '--settings', settings, '--account', 'official', '-'], 'Vote Labour!')).code).toBe(3);
  });
});

describe('second-look check --jsonl', () => {
  it('answers each line in order, reports a malformed line and goes on, exiting 1', async () => {
    const input = file(
      'batch.jsonl',
      [
        JSON.stringify({ id: 'a', text: 'Well done to Aarav in Year 3!', platform: 'facebook', account: 'official' }),
        '{"id": "b", "text": ',
        JSON.stringify({ id: 'c', text: 'Vote Labour!', platform: 'x', account: 'official', pack: 'default', expect: ['political'] }),
        JSON.stringify({ id: 'd', text: 'hello', platform: 'myspace', account: 'official' }),
      ].join('\n'),
    );
    const r = await run(['check', '--jsonl', input, '--settings', settingsFile]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(lines[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['child-name']);
    expect(lines[1].error).toMatch(/batch\.jsonl:2: line 1, column/);
    expect(lines[2].findings.map((f: { rule: string }) => f.rule)).toEqual(['political']);
    expect(lines[3].error).toMatch(/"platform" must be one of/);
  });

  it('exits 0 when every line was checked', async () => {
    const input = file('ok.jsonl', JSON.stringify({ id: 1, text: 'Sunny day!', platform: 'x', account: 'personal' }) + '\n');
    expect((await run(['check', '--jsonl', input])).code).toBe(0);
  });
});

describe('second-look validate and packs', () => {
  it('accepts good settings and packs', async () => {
    expect((await run(['validate', settingsFile])).code).toBe(0);
    expect((await run(['validate', new URL('../packs/coton.json', import.meta.url).pathname])).out).toMatch(/a valid pack \("coton"/);
  });
  it('reports a pack with a clause that does not exist, by path', async () => {
    const pack = file('pack.json', JSON.stringify({ id: 'p', name: 'P', organisation: 'O', clauses: [{ id: 'c1', section: 's', quote: 'a quote long enough', source: 'aspire' }], rules: { tagging: { severity: 'warn', clauses: ['c2'] } } }));
    const r = await run(['validate', pack]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('$.rules.tagging.clauses: no clause with id "c2"');
  });
  it('lists the six built-in packs', async () => {
    const out = (await run(['packs'])).out;
    for (const id of ['default', 'coop', 'flourish', 'calcot', 'coton', 'aspire']) expect(out).toMatch(new RegExp(`^${id} `, 'm'));
  });
});

describe('the installed command', () => {
  it('runs through npx-style bin/second-look.mjs with real stdin and exit codes', () => {
    const bin = new URL('../bin/second-look.mjs', import.meta.url).pathname;
    const r = spawnSync('node', [bin, 'check', '--account', 'official', '--pack', 'default', '-'], { input: 'Vote Reform!', encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/political/);
    const bad = spawnSync('node', [bin, 'check', '--settings', '/nope.json', '-'], { input: 'x', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^second-look: \/nope\.json: no such file/);
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
