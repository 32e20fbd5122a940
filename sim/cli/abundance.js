#!/usr/bin/env node
// The `abundance` command (package.json "bin", and the npm scripts that run the command line): starts
// sim/cli/main.ts from its esbuild bundle (sim/io/bundle.ts), about 0.8 CPU s sooner than under tsx,
// which transpiles the sources at every start. The bundle is used while its stamp says it was built from the
// sources as they are (sim/io/bundleCache.js); otherwise it is built first, once, under tsx. If it cannot
// be built or loaded (no esbuild, an unusable temporary folder), the command runs from the sources under
// tsx, as it did before the bundle, and says nothing about it.
import { fileURLToPath } from 'node:url';
import { freshCliEntry } from '../io/bundleCache.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let tsx = false;
async function underTsx() {
  if (tsx) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsx = true;
}

let entry;
try {
  entry = freshCliEntry(root);
  if (entry === undefined) {
    await underTsx(); // the builder is TypeScript too
    entry = await (await import('../io/bundle.ts')).buildCliBundle(root);
  }
} catch {
  entry = undefined;
}
let cli;
if (entry !== undefined) {
  try {
    process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources (inline source maps)
    ({ cli } = await import(entry.href));
  } catch {
    cli = undefined;
  }
}
if (cli === undefined) {
  await underTsx();
  ({ cli } = await import('./main.ts'));
}
await cli();
