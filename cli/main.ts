/**
 * second-look: the rule engine on the command line (../shared/spec/cli.md). For trust IT to try
 * a configuration, and for batch evaluation with --jsonl.
 */
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Draft, Finding, ImageAnalysis, Settings } from '../rules';
import { ACCOUNTS, PLATFORMS, type Account, type Platform } from '../rules/engine/ids';
import { describeScore, explainWhy } from '../rules/engine/explain';
import { BUILT_IN_PACK_IDS, builtInPack } from '../packs';
import type { Pack } from '../packs/schema';
import { InputError, parseInputJson, UsageError } from './errors';
import { dirOf, loadSettings, readJson, readText, requirePack, requireSettings, resolvePack } from './load';

/**
 * The checking engine (compromise's lexicon and the word lists) and the roster's hashing load
 * only for the commands that use them: `pack draft` and `help` start without them (the CLI's
 * bundle is split by esbuild at these imports, scripts/build-cli.mjs).
 */
const engine = () => import('../rules');
const rosterTools = () => import('../settings/roster');

const USAGE = `usage:
  second-look check [--settings FILE] [--pack ID|FILE] [--account personal|official]
                    [--platform facebook|x|instagram] [--image FILE]... [--json] [FILE|-]
  second-look check --jsonl FILE [--settings FILE]
  second-look packs
  second-look validate FILE [--source DOC]
  second-look roster FILE.csv|- [--key HEX]
  second-look pack draft DOC [--id ID] [--name NAME] [--organisation ORG] [--explain]

check reads the draft from FILE, or from standard input with - (or when input is piped).
Exit codes of check: 0 nothing found, 3 findings, 2 bad usage or bad settings.
With --jsonl: 0 every line checked, 1 some line had an error, 2 bad usage.
roster turns an MIS export (first name, surname, preferred name columns) or a list of names,
one a line, into the settings' "pupilNameHashes" value: the names only as salted, memory-hard
(scrypt) hashes. It takes about a second per name part on one core (see README).
pack draft turns a school's own policy (.txt, .md, .pdf, .docx) into a pack on stdout, for review;
validate --source checks a pack's quotes against that document.`;


interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
  stdinIsTty: boolean;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Settings from --settings (or none), and the pack they (or --pack) name. */
function settingsAndPack(settingsFile: string | undefined, packFlag: string | undefined): { settings: Settings; pack: Pack } {
  const settings = settingsFile ? loadSettings(settingsFile) : {};
  const base = settingsFile ? dirOf(settingsFile) : process.cwd();
  const ref = packFlag ?? settings.pack ?? settings.ownPack?.id ?? 'default';
  // --pack paths are relative to where the command runs; a settings file's, to that file.
  const pack = resolvePack(ref, packFlag ? process.cwd() : base, settings.ownPack);
  return { settings, pack };
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
}

function describe(text: string, findings: Finding[], pack: Pack, draft: { account: Account; platform: Platform }): string {
  const head = `${findings.length} finding${findings.length === 1 ? '' : 's'} (${pack.name}; ${draft.account} account on ${draft.platform})`;
  if (findings.length === 0) return `No problems found (${pack.name}; ${draft.account} account on ${draft.platform}).`;
  const body = findings.map((f) => {
    const where = f.image ? `image ${f.image.index + 1} (${f.image.name})` : lineCol(text, f.start);
    const lines = [
      `${where}  ${f.rule}  ${f.severity === 'block' ? 'blocks' : 'warns'}  "${f.excerpt}"`,
      `    ${f.message}`,
      `    Why: ${explainWhy(f)} (${describeScore(f.score)})`,
    ];
    if (f.suggestion) lines.push(`    Instead: ${f.suggestion}`);
    lines.push(`    Policy (${f.clause.pack}, ${f.clause.section}): "${f.clause.quote}"`);
    return lines.join('\n');
  });
  return [head, '', ...body].join('\n');
}

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif' };

/** settings.logo as the analyser takes it: a data: URL, read from a file named relative to the settings. */
function logoUrl(settings: Settings, base: string): string | undefined {
  const logo = settings.logo;
  if (logo === undefined || logo.startsWith('data:')) return logo;
  const file = resolve(base, logo);
  const type = IMAGE_TYPES[extname(file).toLowerCase()];
  if (!type) throw new InputError(`${file}: the logo must be a PNG, JPEG, WebP or GIF image`);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

/**
 * The images' analyses (faces, text, GPS, the logo), by the same analyser the extension runs.
 * Loaded only when a draft has images: the models cost a second to start.
 */
let analyser: Promise<typeof import('../images/node')> | null = null;

async function analyseImages(files: readonly string[], logo: string | undefined): Promise<ImageAnalysis[]> {
  analyser ??= import('../images/node');
  const { nodeAnalyser } = await analyser;
  const analyses: ImageAnalysis[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const { analysis } = await nodeAnalyser().analyse(bytes, { name: file.split(/[\\/]/).pop() ?? file, ...(logo ? { logo } : {}) });
    // A step that could not run is not a pass: say which, rather than report the image clean.
    if (analysis.errors.length) throw new InputError(`${file}: ${analysis.errors.map((e) => `${e.step}: ${e.message}`).join('; ')}`);
    analyses.push(analysis);
  }
  return analyses;
}

async function checkWithImages(draft: Draft, settings: Settings, pack: Pack, files: readonly string[], logo: string | undefined): Promise<Finding[]> {
  const analyses = await analyseImages(files, logo);
  const { withPupilNames, checkDraft, checkImages } = await engine();
  return withPupilNames(settings, () => [...checkDraft(draft, settings, { pack }), ...checkImages(analyses, draft, settings, { pack })]);
}

async function checkOne(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      settings: { type: 'string' },
      pack: { type: 'string' },
      account: { type: 'string' },
      platform: { type: 'string' },
      image: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      jsonl: { type: 'string' },
    },
  });
  if (values.jsonl !== undefined) {
    if (positionals.length || values.pack || values.account || values.platform || values.image || values.json)
      throw new UsageError('--jsonl takes only --settings: each line carries its own platform, account and pack');
    return checkJsonl(values.jsonl, values.settings, io);
  }
  if (positionals.length > 1) throw new UsageError(`one draft at a time (got ${positionals.length} files); use --jsonl for many`);
  const account = oneOf(values.account, ACCOUNTS, '--account', 'personal');
  const platform = oneOf(values.platform, PLATFORMS, '--platform', 'facebook');
  const { settings, pack } = settingsAndPack(values.settings, values.pack);
  const source = positionals[0];
  if (source === undefined && io.stdinIsTty) throw new UsageError('give a draft: a FILE, or - to read standard input');
  const text = source === undefined || source === '-' ? io.stdin() : readText(source);
  const images = (values.image ?? []).map((image) => resolve(image));
  for (const image of images) readFileSync(image); // a missing image is bad usage
  const draft = { text, platform, account };
  const report = (findings: Finding[]) => {
    io.out(values.json ? JSON.stringify({ findings }, null, 2) : describe(text, findings, pack, draft));
    return findings.length ? 3 : 0;
  };
  if (images.length === 0) return report(await (await engine()).checkDraftWithNames(draft, settings, { pack }));
  const logo = logoUrl(settings, values.settings ? dirOf(values.settings) : process.cwd());
  return report(await checkWithImages(draft, settings, pack, images, logo));
}

/** Each line is checked in turn, so the output keeps the input's order; lines with images wait for their analysis. */
async function checkJsonl(file: string, settingsFile: string | undefined, io: Io): Promise<number> {
  const { settings, pack: settingsPack } = settingsAndPack(settingsFile, undefined);
  const base = dirOf(file);
  const lines = readText(file).split('\n');
  let failed = false;
  let logo: string | undefined | null = null;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const value = parseInputJson(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('a line must be a JSON object');
      const o = value as Record<string, unknown>;
      id = o.id ?? null;
      if (typeof o.text !== 'string') throw new InputError('"text" must be a string');
      const platform = oneOf(o.platform as string | undefined, PLATFORMS, '"platform"', 'facebook');
      const account = oneOf(o.account as string | undefined, ACCOUNTS, '"account"', 'personal');
      if (o.pack !== undefined && typeof o.pack !== 'string') throw new InputError('"pack" must be a pack id or a path');
      const pack = typeof o.pack === 'string' ? resolvePack(o.pack, base, settings.ownPack) : settingsPack;
      if (o.images !== undefined && !(Array.isArray(o.images) && o.images.every((x) => typeof x === 'string')))
        throw new InputError('"images" must be a list of paths');
      const draft = { text: o.text, platform, account };
      const images = ((o.images as string[] | undefined) ?? []).map((image) => resolve(base, image));
      for (const image of images) if (!existsSync(image)) throw new InputError(`${image}: no such image`);
      let findings: Finding[];
      if (images.length === 0) findings = await (await engine()).checkDraftWithNames(draft, settings, { pack });
      else {
        if (logo === null) logo = logoUrl(settings, settingsFile ? dirOf(settingsFile) : process.cwd());
        findings = await checkWithImages(draft, settings, pack, images, logo);
      }
      io.out(JSON.stringify({ id, findings }));
    } catch (err) {
      if (!(err instanceof InputError || err instanceof UsageError)) throw err;
      failed = true;
      io.out(JSON.stringify({ id, error: `${file}:${i + 1}: ${err.message}` }));
    }
  }
  return failed ? 1 : 0;
}

async function listPacks(io: Io): Promise<number> {
  for (const id of BUILT_IN_PACK_IDS) {
    const pack = builtInPack(id);
    io.out(`${id.padEnd(9)} ${pack.name}\n          rules: ${Object.keys(pack.rules).sort().join(', ')}`);
  }
  return 0;
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { source: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('validate takes one FILE');
  const file = positionals[0]!;
  const value = readJson(file);
  const isPack = typeof value === 'object' && value !== null && 'clauses' in value;
  if (isPack) {
    const pack = requirePack(value, file);
    io.out(`${file}: a valid pack ("${pack.id}", ${pack.clauses.length} clauses, ${Object.keys(pack.rules).length} rules)`);
    // The drafter (pdfjs, mammoth) loads only for the commands that use it, not for every check.
    if (values.source) return (await import('./pack-draft')).validateAgainstSource(pack, file, values.source, io);
  } else {
    if (values.source) throw new UsageError('--source is for a pack file: it checks the pack\'s quotes against DOC');
    const settings = requireSettings(value, file);
    const ref = settings.pack ?? settings.ownPack?.id;
    if (ref) resolvePack(ref, dirOf(file), settings.ownPack);
    io.out(`${file}: valid settings (pack ${ref ?? 'default'}${settings.ownPack && ref === settings.ownPack.id ? ', carried in ownPack' : ''})`);
  }
  return 0;
}

async function roster(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('roster takes one FILE (a CSV export or a list of names), or - for standard input');
  const source = positionals[0]!;
  const text = source === '-' ? io.stdin() : readText(source);
  // --key (spec/cli.md) is the list's salt: give an existing list's to add names to it.
  if (values.key !== undefined && !/^(?:[0-9a-f]{2}){16,64}$/i.test(values.key))
    throw new UsageError('--key (the salt) must be 16 to 64 bytes written in hexadecimal (e.g. from: openssl rand -hex 16)');
  const { parseRoster, hashPupilNames } = await rosterTools();
  const { names, errors } = parseRoster(text);
  for (const e of errors) io.err(`second-look: ${source}:${e.line}: ${e.message}`);
  if (names.length === 0) throw new InputError(`${source}: no pupil names found`);
  const hashed = await hashPupilNames(names, values.key === undefined ? {} : { salt: values.key });
  io.out(JSON.stringify({ pupilNameHashes: hashed }, null, 2));
  io.err(`second-look: ${names.length} names hashed${errors.length ? `; ${errors.length} rows skipped` : ''}`);
  return errors.length ? 1 : 0;
}

/** Runs a command; resolves to its exit code. Bad input and bad usage are messages, not exceptions. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const failed = (err: unknown): number => {
    if (err instanceof InputError) {
      io.err(`second-look: ${err.message}`);
      return command === 'validate' ? 1 : 2;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`second-look: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`second-look: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  };
  try {
    return await run(command, rest, io);
  } catch (err) {
    return failed(err);
  }
}

async function run(command: string | undefined, rest: string[], io: Io): Promise<number> {
  switch (command) {
    case 'check':
      return checkOne(rest, io);
    case 'packs':
      return listPacks(io);
    case 'validate':
      return validate(rest, io);
    case 'roster':
      return roster(rest, io);
    case 'pack':
      return (await import('./pack-draft')).packDraft(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return 0;
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

/** Ends what the image analysis started (Tesseract's worker thread), so the process can exit. */
export async function closeImages(): Promise<void> {
  if (analyser) await (await analyser).nodeAnalyser().close();
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  stdin: () => readFileSync(0, 'utf8'),
  stdinIsTty: Boolean(process.stdin.isTTY),
};

