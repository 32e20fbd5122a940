#!/usr/bin/env node
// The `abundance` command (package.json "bin", and the npm scripts that run the command line): starts
// sim/cli/main.ts from its esbuild bundle (sim/io/bundle.ts), about 0.8 CPU s sooner than under tsx,
// which transpiles the sources at every start. The bundle is used while its stamp says it was built from the
// sources as they are (sim/io/bundleCache.js); otherwise it is built first, once, under tsx. The process
// records the bundle it started from, so its worker threads start from the same build
// (sim/io/workerBundle.ts). When no bundle can be kept (the temporary folder unusable: the worker threads
// say what to do) the command runs from the sources under tsx, as it did before the bundle, without a
// word; when one could not be built or loaded for another reason, it says so in one line on stderr and
// runs from the sources.
import { fileURLToPath } from 'node:url';
import { UNUSABLE_FOLDER, freshCliBundle, markStarted } from '../io/bundleCache.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let tsx = false;
async function underTsx() {
  if (tsx) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsx = true;
}

const note = (what, error) => {
  process.stderr.write(`abundance: ${what} (${String(error?.message ?? error).split('\n')[0]}); running from the sources under tsx\n`);
};

let bundle;
try {
  bundle = freshCliBundle(root);
  if (bundle === undefined) {
    await underTsx(); // the builder is TypeScript too
    bundle = await (await import('../io/bundle.ts')).buildCliBundle(root);
  }
} catch (error) {
  bundle = undefined;
  if (error?.code !== UNUSABLE_FOLDER) note('the command line\'s bundle could not be built', error);
}
let cli;
if (bundle !== undefined) {
  try {
    process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources (inline source maps)
    ({ cli } = await import(bundle.entry.href));
    markStarted(bundle.folder, bundle.stamp);
  } catch (error) {
    // Only a bundle that is not there (a cleaner took a file since the check) falls back: an error its
    // code threw would be thrown again by the sources, after running their top level a second time.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    note('the command line\'s bundle could not be loaded', error);
    cli = undefined;
  }
}
if (cli === undefined) {
  await underTsx();
  ({ cli } = await import('./main.ts'));
}
await cli();
