#!/usr/bin/env node
// The `second-look` command. It runs the TypeScript sources directly through tsx, so a checkout
// needs no build step before the CLI works.
import { register } from 'tsx/esm/api';

register();
const { main, processIo, closeImages } = await import('../cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2), processIo);
} finally {
  await closeImages();
}
