// The command line as one bundled ES module (.cli/second-look.mjs), built from the TypeScript
// sources with esbuild: Node then starts it without compiling TypeScript on every run (through
// tsx, start-up was most of the time `pack draft` took). Plain JavaScript packages are bundled
// too (compromise alone is hundreds of small files to open); those that find their own files,
// workers, WebAssembly or native code at run time (EXTERNAL) load from node_modules as they are.
// The bundle is split at the CLI's dynamic imports (chunks in .cli/chunks/): `pack draft` and
// `help` do not load the checking engine (compromise's lexicon costs most of a second to set up).
// `npm install` builds it (postinstall); bin/second-look.mjs rebuilds it when a source is newer,
// so a checkout that edits the sources never runs stale code.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, '.cli', 'second-look.mjs');
/** What the CLI imports: a change in any of these makes the bundle stale. */
/** Packages that locate files of their own at run time: bundling them would break that. */
const EXTERNAL = ['@napi-rs/canvas', 'tesseract.js', 'tesseract.js-core', '@tesseract.js-data/*', '@tensorflow/*', '@vladmandic/face-api', 'pdfjs-dist', 'pdfjs-dist/*', 'mammoth'];
const SOURCES = ['cli', 'rules', 'packs', 'settings', 'images', 'protocol', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function isStale() {
  if (!existsSync(BUNDLE)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const outdir = dirname(BUNDLE);
  const result = await build({
    entryPoints: { 'second-look': join(ROOT, 'cli/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // ES module builds first: jsonc-parser's UMD build requires its parts by computed names.
    mainFields: ['module', 'main'],
    logLevel: 'error',
    legalComments: 'none',
  });
  // Each file is written beside and renamed into place, the chunks (named by their content)
  // before the entry that imports them: two commands started at once never read half a build.
  const chunkDir = join(outdir, 'chunks');
  mkdirSync(chunkDir, { recursive: true });
  const written = new Set();
  const put = (file) => {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written.add(file.path);
  };
  const entry = result.outputFiles.filter((f) => resolve(f.path) === resolve(BUNDLE));
  for (const file of result.outputFiles) if (!entry.includes(file)) put(file);
  for (const file of entry) put(file);
  // Chunks of earlier builds go, unless written in the last minute (another build's, running now).
  for (const name of readdirSync(chunkDir)) {
    const path = join(chunkDir, name);
    if (!written.has(path) && Date.now() - statSync(path).mtimeMs > 60_000) unlinkSync(path);
  }
  return BUNDLE;
}

/** The bundle, built first if missing or stale. */
export async function cliBundle() {
  if (isStale()) await buildCli();
  return BUNDLE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`built ${BUNDLE}`);
}
