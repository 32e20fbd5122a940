/**
 * Worker threads that start without tsx: a worker's TypeScript entry, bundled by esbuild (its JS API, in
 * memory, once per process and entry) into one self-contained ES module with an inline source map, kept
 * in the system's temporary folder under a name made from its content
 * (`abundance-<entry>-<sha256 prefix>.mjs`), which the thread loads as plain JavaScript.
 *
 * Why: a thread started the old way ran tsx again. It inherited the parent's `--import tsx` (execArgv),
 * registered the loader in a hooks thread of its own and transpiled every module it loaded: about
 * 0.7 CPU s per thread, as much as a 500-agent run of four months. The bundle is built in about 0.15 s
 * (esbuild is tsx's own transpiler) and loads in about 0.05 s. Bundling moves no arithmetic: the same
 * functions run in the same order, so a run's files are the same bytes (test/io/workerBundle.test.ts
 * checks a run made both ways).
 *
 * The file is written atomically and only when missing: processes that build the same code share it, and
 * a file of that name with other content is left alone (this process writes its own, named for its pid).
 * Old versions are not deleted (another process may be loading one); the system clears its temporary
 * folder. A bundle may not read `import.meta` (a path relative to its source would resolve in the
 * temporary folder): the build refuses one that does, naming the entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeFileAtomically } from './atomicFile.js';

/** A TypeScript source (.ts under tsx and vitest, .js once compiled). */
function sourceOf(entry: URL): string {
  const ts = fileURLToPath(entry);
  return existsSync(ts) ? ts : ts.replace(/\.ts$/, '.js');
}

const built = new Map<string, Promise<URL>>();

/** The file URL of `entry` (a URL of a .ts file) bundled with everything it imports, for a worker thread. */
export function workerFile(entry: URL): Promise<URL> {
  const key = entry.href;
  let file = built.get(key);
  if (file === undefined) {
    file = bundle(sourceOf(entry)).catch((error: unknown) => {
      built.delete(key); // a failed build is tried again by the next worker
      throw error;
    });
    built.set(key, file);
  }
  return file;
}

async function bundle(source: string): Promise<URL> {
  const result = await build({
    entryPoints: [source],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    outdir: tmpdir(), // the source map's paths are relative to the folder the bundle is kept in
    sourcemap: 'inline', // stack traces name the TypeScript sources (workerExecArgv turns maps on)
    sourcesContent: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild wrote no bundle of ${source}`);
  if (/\bimport\.meta\b/.test(code.slice(0, code.lastIndexOf('//# sourceMappingURL=')))) {
    throw new Error(`${source}: a worker bundle may not read import.meta (it runs from the temporary folder)`);
  }
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const stem = `abundance-${basename(source).replace(/\.[jt]s$/, '')}-${hash}`;
  const folder = tmpdir();
  const holds = (path: string): boolean => existsSync(path) && readFileSync(path, 'utf8') === code;
  let path = join(folder, `${stem}.mjs`);
  if (existsSync(path) && !holds(path)) path = join(folder, `${stem}-${process.pid}.mjs`);
  if (!holds(path)) {
    try {
      writeFileAtomically(path, code);
    } catch (error) {
      throw new Error(`cannot write the worker threads' code to ${path} (${(error as Error).message}): set TMPDIR to a folder you can write to`);
    }
  }
  return pathToFileURL(path);
}

/**
 * A bundled thread's execArgv: the parent's without tsx's loader flags (`--import tsx`, and the
 * `--require`/`--import` pair the tsx command adds), since the thread needs no loader, and with
 * `--enable-source-maps`, so its stack traces name the TypeScript sources. Other flags pass on, as
 * Node's default does.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const isTsx = (value: string) => value === 'tsx' || value.startsWith('tsx/') || /[\\/]tsx[\\/]/.test(value);
  const out: string[] = [];
  for (let k = 0; k < execArgv.length; k++) {
    const arg = execArgv[k]!;
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    if (LOADER_FLAGS.has(flag)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : execArgv[k + 1] ?? '';
      if (isTsx(value)) {
        if (eq < 0) k++;
        continue;
      }
    }
    out.push(arg);
  }
  if (!out.includes('--enable-source-maps')) out.push('--enable-source-maps');
  return out;
}

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);
