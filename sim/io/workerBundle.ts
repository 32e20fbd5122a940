/**
 * Worker threads that start without tsx: a worker's TypeScript entry, bundled by esbuild into an ES
 * module with an inline source map, kept in a folder of this user's in the system's temporary folder
 * (`abundance-<uid>/`, mode 0700), which the thread loads as plain JavaScript. A command started from the
 * command line's bundle (sim/cli/abundance.js) starts its threads from the workers' entries built with
 * it (sim/io/bundle.ts, sim/io/workerEntries.ts): the same build as its main thread's, and no build at
 * all (about 0.25 s less wall time per sweep and run; the CPU saved, esbuild's, was within the noise).
 * A process started otherwise (under tsx, in a test) bundles each entry on its own, once, with the
 * packages in, under a name made from its content (`<entry>-<sha256 prefix>.mjs`).
 *
 * Why: a thread started the old way ran tsx again. It inherited the parent's `--import tsx` (execArgv),
 * registered the loader in a hooks thread of its own and transpiled every module it loaded: 0.7-1 CPU s
 * per thread, as much as a 500-agent run of four months. The bundle is built in about 0.15 s of wall time
 * (about 0.05 CPU s, in esbuild's own process: esbuild is tsx's own transpiler) and loads in about
 * 0.05 s. Bundling moves no arithmetic: the same functions run in the same order, so a run's files are
 * the same bytes (test/io/workerBundle.test.ts checks a run made both ways).
 *
 * The folder is this user's alone (sim/io/bundleCache.js), so no one else can put code there for the
 * threads to run. A file is written atomically when it is missing or differs, so processes that build
 * the same code share it; it is checked again before each thread starts, and written again if a cleaner
 * of the temporary folder removed it during a long sweep. Old versions are not deleted (a process of
 * that version may start a thread from one); the system clears its temporary folder. `import.meta.url`
 * (and `.filename`, `.dirname`) keep naming each module's source (sim/io/bundle.ts); any other use of
 * import.meta is refused, naming the file.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_OPTIONS, esbuild, keep, ownImportMeta, refuseImportMeta } from './bundle.js';
import { bundleFolder, startedWorkerFile } from './bundleCache.js';

/**
 * A bundled thread's execArgv. None of the parent's flags: its loaders (tsx, vitest's) are what the
 * bundle replaces, and V8 and process-wide flags (`--max-old-space-size`, `--expose-gc`, `--stack-size`)
 * apply to every thread of the process anyway, while Node refuses them in a list given to a thread. Only
 * `--enable-source-maps`, so the thread's stack traces name the TypeScript sources.
 */
export const WORKER_EXEC_ARGV: readonly string[] = ['--enable-source-maps'];

/** A TypeScript source (.ts under tsx and vitest, .js once compiled). */
function sourceOf(entry: URL): string {
  const ts = fileURLToPath(entry);
  return existsSync(ts) ? ts : ts.replace(/\.ts$/, '.js');
}

interface Bundle { code: string; file: string }
const built = new Map<string, Promise<Bundle>>();

/**
 * The file URL of `entry` (a URL of a .ts file) bundled with everything it imports, for a worker thread:
 * the one built with the command line's bundle this process started from, if it did, else a bundle of
 * its own, built once per process.
 */
export async function workerFile(entry: URL): Promise<URL> {
  const source = sourceOf(entry);
  const stamped = stampedWorker(source);
  if (stamped !== undefined) return stamped;
  const key = entry.href;
  let made = built.get(key);
  if (made === undefined) {
    made = bundle(source).catch((error: unknown) => {
      built.delete(key); // a failed build is tried again by the next worker
      throw error;
    });
    built.set(key, made);
  }
  const { code, file } = await made;
  keep(file, code); // again: a cleaner of the temporary folder may have removed it since
  return pathToFileURL(file);
}

/** The checkout of a worker's source: <checkout>/sim/<folder>/<entry>. */
const checkoutOf = (source: string): string => resolve(dirname(source), '..', '..');

/**
 * The worker built with the bundle this process started from, if it did (sim/cli/abundance.js records
 * it): the same build as the main thread's, checked by the bin at the start, so no hashing here. Every
 * file of it is checked again before each thread: a cleaner of the temporary folder may have taken one.
 */
function stampedWorker(source: string): URL | undefined {
  const started = startedWorkerFile(source);
  return started !== undefined && started.files.every((f) => existsSync(f)) ? started.url : undefined;
}

async function bundle(source: string): Promise<Bundle> {
  const folder = bundleFolder();
  const { build } = await esbuild();
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [source],
    outdir: folder, // the source map's paths are relative to the folder the bundle is kept in
    plugins: [ownImportMeta(checkoutOf(source))],
  });
  refuseImportMeta(result.warnings, source);
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild wrote no bundle of ${source}`);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  return { code, file: join(folder, `${basename(source).replace(/\.[jt]s$/, '')}-${hash}.mjs`) };
}
