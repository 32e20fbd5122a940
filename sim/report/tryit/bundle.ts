/**
 * The engine for the page: libmInstall.ts (Node's exp, log and cos put in the worker's Math) then
 * sim/report/tryit/worker.ts, each bundled by esbuild (its JS API, in memory) into a minified script,
 * once per process. What they bundle is the simulation core, the report's pure formatting and binning
 * and libm.ts: no zod, no yaml, no Node module (test/report/tryit.test.ts checks the inputs).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

/** A source beside this file (.ts under tsx and vitest, .js once compiled). */
function entryPoint(name: string): string {
  const ts = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL(`./${name}.js`, import.meta.url));
}

const bundleOf = (name: string) => build({
  entryPoints: [entryPoint(name)],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  minify: true,
  metafile: true,
  logLevel: 'silent',
  legalComments: 'none',
}).then((r) => {
  const code = r.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild wrote no bundle of ${name}`);
  return { code, inputs: Object.keys((r.metafile as Metafile).inputs) };
});

export interface EngineBundle {
  /** The two minified IIFEs, libm first, to run in a Web Worker. */
  code: string;
  /** The files it was built from (project-relative), for the purity check. */
  inputs: string[];
}

let cached: Promise<EngineBundle> | undefined;

export function engineBundle(): Promise<EngineBundle> {
  cached ??= Promise.all([bundleOf('libmInstall'), bundleOf('worker')]).then(([libm, worker]) => ({
    code: `${libm.code}${worker.code}`,
    inputs: [...new Set([...libm.inputs, ...worker.inputs])],
  })).catch((error: unknown) => {
    cached = undefined; // a failed build is tried again by the next report
    throw error;
  });
  return cached;
}
