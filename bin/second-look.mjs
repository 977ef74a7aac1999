#!/usr/bin/env node
// The `second-look` command: the CLI bundled by esbuild (scripts/build-cli.mjs; built on
// `npm install`, and again here whenever a source is newer), so Node starts it without
// compiling TypeScript on every run.
import { cliBundle } from '../scripts/build-cli.mjs';
import { pathToFileURL } from 'node:url';

const { main, processIo, closeImages } = await import(pathToFileURL(await cliBundle()).href);
try {
  process.exitCode = await main(process.argv.slice(2), processIo);
} finally {
  await closeImages();
}
