#!/usr/bin/env node
// The `second-look` command. It runs the TypeScript sources directly through tsx, so a checkout
// needs no build step before the CLI works.
import { register } from 'tsx/esm/api';

// pdfjs is 3 MB of plain JavaScript: loaded before tsx's hooks are in place it skips them,
// which takes seconds off drafting a pack from a PDF.
if (process.argv[2] === 'pack') {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}
register();
const { main, processIo, closeImages } = await import('../cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2), processIo);
} finally {
  await closeImages();
}
