// `second-look pack draft` on each kind of document, `validate --source`, and bad input: a clear
// message naming the file, exit 2, no pack on stdout, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { PackSchema, type Pack } from '../packs/schema';
import { normaliseQuote } from './seeds';
import { blocksOf, policyDocx, policyPdf, scannedPdf } from './support/policy-files';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), stdin: () => '', stdinIsTty: true });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'second-look-draft-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// A short policy in the shape schools write them: numbered sections, list items under a lead-in.
const POLICY = `# Riverside Primary School Social Media Policy

# 1. Purpose
This policy sets out how staff, governors and volunteers use social media, in school and in their private lives.

# 2. Staff use of social media
Staff must not post photographs or videos of pupils on their personal social media accounts.
The names of pupils must never be published alongside their photographs on any platform.
Staff should not:
- accept friend requests from pupils or their parents, or follow pupils' accounts
- post offensive, discriminatory or threatening comments about pupils, parents or colleagues
- use social media to air grievances or complaints about the school or its decisions
- disclose confidential information about pupils, staff or school business
Staff who mention the school on a personal account must make clear that the views expressed are their own.

# 3. Review
The governing body reviews this policy every two years.`;

const blocks = blocksOf(POLICY);

function quotesIn(pack: Pack, text: string): string[] {
  const doc = normaliseQuote(text);
  return pack.clauses.filter((c) => !doc.includes(normaliseQuote(c.quote))).map((c) => c.quote);
}

describe('second-look pack draft', () => {
  const documents: [string, () => Promise<string>][] = [
    ['plain text', async () => file('policy.txt', POLICY.replace(/^# /gm, ''))],
    ['Markdown', async () => file('policy.md', POLICY)],
    ['PDF', async () => file('policy.pdf', await policyPdf(blocks))],
    ['Word .docx', async () => file('policy.docx', await policyDocx(blocks))],
  ];

  it.each(documents)('drafts a valid pack from %s, quoting the document verbatim', async (_kind, make) => {
    const path = await make();
    const r = await run(['pack', 'draft', path, '--id', 'riverside', '--name', 'Riverside Social Media Policy', '--organisation', 'Riverside Primary School']);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const pack = PackSchema.parse(JSON.parse(r.out));
    expect(pack).toMatchObject({ id: 'riverside', name: 'Riverside Social Media Policy', organisation: 'Riverside Primary School' });
    expect(quotesIn(pack, POLICY.replace(/^# /gm, ''))).toEqual([]);
    // The rules this policy plainly states are proposed, each with a reason on stderr.
    for (const rule of ['derogatory', 'contact', 'complaint', 'confidential', 'pupil-photo']) expect(Object.keys(pack.rules)).toContain(rule);
    expect(r.err).toMatch(/left out .*: .*political/);
    // Its own clauses name the pack as their source, and validate --source finds every quote.
    expect(pack.clauses.every((c) => c.source === 'riverside')).toBe(true);
    const packFile = file(`pack-${_kind.replace(/\W/g, '')}.json`, r.out);
    const v = await run(['validate', packFile, '--source', path]);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
  });

  it('explains each proposal with --explain: score, words and the known clause it resembles', async () => {
    const r = await run(['pack', 'draft', file('explain.md', POLICY), '--explain']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/contact: \d+ clauses?, first .* \(score \d\.\d\d\)/);
    expect(r.err).toMatch(/words: .*/);
    expect(r.err).toMatch(/resembles (coop|flourish|calcot|coton|aspire|default) /);
  });

  it('names a quote that is not in the document when validating against it', async () => {
    const r = await run(['pack', 'draft', file('v.md', POLICY), '--id', 'riverside']);
    const pack = JSON.parse(r.out) as Pack;
    pack.clauses[0]!.quote = 'Staff may post anything they like about anyone.';
    const v = await run(['validate', file('edited.json', JSON.stringify(pack)), '--source', file('v2.md', POLICY)]);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/quote not found in .*v2\.md: "Staff may post anything/);
  });

  const bad: [string, () => Promise<string>, RegExp][] = [
    ['a scanned PDF with no text', async () => file('scan.pdf', await scannedPdf()), /scan\.pdf has no text layer \(a scanned PDF\?\)/],
    ['an empty file', async () => file('empty.txt', ''), /empty\.txt is empty/],
    ['a binary file', async () => file('photo.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /photo\.bin is not text, PDF or a Word \.docx file/],
    [
      'a 50 MB file',
      async () => {
        const path = file('huge.pdf', '%PDF-1.7\n');
        truncateSync(path, 50 * 1024 * 1024);
        return path;
      },
      /huge\.pdf: 50 MB is too large for a policy document/,
    ],
    ['a zip that is not a Word document', async () => file('archive.docx', await zipOf('notes.txt', 'hello')), /archive\.docx is a zip file but not a Word \.docx document/],
    ['a broken PDF', async () => file('broken.pdf', '%PDF-1.7\nthis is not really a PDF at all\n'), /broken\.pdf could not be read as a PDF/],
    ['a missing file', async () => join(dir, 'nope.pdf'), /nope\.pdf: no such file/],
    ['a folder', async () => mkdtempSync(join(dir, 'folder-')), /folder-\w+: is a folder, not a file/],
    ['a file of white space', async () => file('blank.txt', ' \n\n\t \n'), /blank\.txt has no text in it/],
    ['a file of a few words', async () => file('short.md', '# Policy\n\nStaff must be kind online.'), /short\.md has only 6 words: too little to be a policy/],
    [
      'a text file far longer than any policy',
      async () => file('long.txt', 'Staff must not post photographs of pupils on personal accounts. '.repeat(20_000)),
      /long\.txt has 1\.3 million characters of text; a policy document is expected to have under 1 million/,
    ],
    ['a text with no clause about posts', async () => file('menu.txt', 'Lunch menu\n\n' + 'Monday: soup and bread, then fruit. '.repeat(10)), /menu\.txt: no clause of it is about what staff post/],
  ];

  it.each(bad)('refuses %s with a clear message, exit 2 and no pack', async (_what, make, message) => {
    const r = await run(['pack', 'draft', await make()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  // The command as people run it: the bundled CLI (split into chunks that load on demand), in a
  // process of its own, so a crash, a warning on stdout or a wrong exit status would show.
  it('runs as a command: a pack on stdout and exit 0 for a PDF, nothing on stdout and exit 2 for a scanned one', async () => {
    const bin = new URL('../bin/second-look.mjs', import.meta.url).pathname;
    const good = spawnSync(process.execPath, [bin, 'pack', 'draft', file('cmd.pdf', await policyPdf(blocks))], { encoding: 'utf8' });
    expect(good.stderr).not.toMatch(/\n\s+at /);
    expect(good.status).toBe(0);
    expect(Object.keys(PackSchema.parse(JSON.parse(good.stdout)).rules)).toContain('pupil-photo');
    const scan = spawnSync(process.execPath, [bin, 'pack', 'draft', file('cmd-scan.pdf', await scannedPdf())], { encoding: 'utf8' });
    expect(scan.status).toBe(2);
    expect(scan.stdout).toBe('');
    expect(scan.stderr).toMatch(/cmd-scan\.pdf has no text layer/);
    expect(scan.stderr).not.toMatch(/\n\s+at /);
  });

  it('says how to use it when the file is missing from the command', async () => {
    const r = await run(['pack', 'draft']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pack draft takes one FILE/);
  });
});

async function zipOf(name: string, content: string): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}
