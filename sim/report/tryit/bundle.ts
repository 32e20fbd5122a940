/**
 * The engine for the page: sim/report/tryit/worker.ts bundled by esbuild (its JS API, in memory) into
 * one minified script, once per process. What it bundles is the simulation core (with its own exp, log,
 * cos and pow, sim/engine/libm.ts, so the browser computes the CLI's numbers), the schema's checks
 * between fields (sim/scenario/crossField.ts, so the page refuses what the CLI refuses) and the report's
 * pure formatting and binning: no zod, no yaml, no Node module (test/report/tryit.test.ts checks the inputs).
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
  /** The minified IIFE to run in a Web Worker. */
  code: string;
  /** The files it was built from (project-relative), for the purity check. */
  inputs: string[];
}

let cached: Promise<EngineBundle> | undefined;

export function engineBundle(): Promise<EngineBundle> {
  cached ??= bundleOf('worker').catch((error: unknown) => {
    cached = undefined; // a failed build is tried again by the next report
    throw error;
  });
  return cached;
}
