/**
 * esbuild bundles of the project's TypeScript, so that code starts as plain JavaScript, without tsx: the
 * command line (`buildCliBundle`, which the `abundance` bin sim/cli/abundance.js asks for when its
 * bundle is missing or stale) and the worker threads (sim/io/workerBundle.ts). Both are kept in this
 * user's folder in the system's temporary folder (sim/io/bundleCache.js), with inline source maps, so
 * stack traces name the TypeScript sources.
 *
 * Why: tsx registers its loader in a hooks thread and transpiles and resolves every module it loads; a
 * command started under it spent about 0.8 CPU s more than from a bundle (`abundance --help`: 1.3 CPU s
 * under tsx, 0.5 from the bundle; a 1-agent, 1-day sweep of three presets: 2.0 and 1.2).
 *
 * `import.meta` in a bundle would name the bundle in the temporary folder, not the module's source, and
 * several modules find files relative to themselves. So `ownImportMeta` defines `import.meta.url`,
 * `import.meta.filename` and `import.meta.dirname` in each project file as that file's own values (the
 * expressions only: a string or comment that spells them is left as written). Any other use of
 * import.meta (`import.meta.resolve`, say) is refused at build time, naming the file and line
 * (`refuseImportMeta`).
 *
 * The command line's bundle leaves the npm packages out (Node loads them normally, through the bundle
 * folder's link to the checkout's node_modules, and `import()`s of vega or resvg stay lazy) and is split
 * at every `import()`, so a command loads only its own part, as it did from the sources. Its stamp
 * records the SHA-256 of every file esbuild read (taken from the bytes this plugin handed it, so a file
 * changed during the build is never recorded as built), tsconfig.json, package.json and esbuild's version; the bin uses
 * the bundle only while all of them hold. Its files are named for their content and written atomically,
 * chunks first, the stamp last: processes that build at once write the same bytes, and a reader sees a
 * whole stamp whose files are there. Old files are not deleted (a running process may still import one
 * of its chunks); the system clears its temporary folder.
 */
import { existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Message, OutputFile, Plugin, TransformOptions } from 'esbuild';
import { writeFileAtomically } from './atomicFile.js';
import { tempSibling } from './atomic.js';
import { STAMP, bundleFolder, cliFolderName, packagesOf, sourceHash, unusableFolder, type CliStamp } from './bundleCache.js';
import { WORKER_ENTRIES } from './workerEntries.js';

/**
 * esbuild, loaded when something is built, not with this module: a sweep or run started from its bundle
 * imports this module (the workers' options) but builds nothing, and loading esbuild, CommonJS, had Node
 * scan its main file for named exports, hot enough for V8 to optimise the scanner (a 1-agent, 1-day
 * sweep of three presets: about 0.15-0.2 CPU s less, 6 alternating pairs).
 */
export const esbuild = (): Promise<typeof import('esbuild')> => import('esbuild');

/** The checkout this module is in: workerEntries.ts's URLs are taken relative to it, then found in the checkout being built. */
const PROJECT_OF_ENTRIES = fileURLToPath(new URL('../../', import.meta.url));

const OWN_META = /\bimport\.meta\.(url|filename|dirname)\b/g;
/** `import.meta`, spelt so that no string of this file reads as one of the expressions it defines. */
const META = ['import', 'meta'].join('.');

/**
 * An esbuild plugin that loads the project's TypeScript and JavaScript files (those under `root`, not in
 * a node_modules folder there, nor outside it, where npm may put the packages of an installed checkout)
 * with `import.meta.url`, `.filename` and `.dirname` as the file's own values, and resolves a project
 * file's `./x.js` to its `x.ts` as TypeScript and tsx do. The values are written in place when that
 * compiles as esbuild's `define` of the expressions would (the same lines, for the source map);
 * otherwise (a string or comment spelling them) the file goes through that `define`, so a string is
 * never changed. Any other use of import.meta is warned about at its file and line
 * (`refuseImportMeta`). `read`, if given, gets the SHA-256 of every file loaded, by absolute path.
 */
export function ownImportMeta(root: string, read?: Map<string, string>): Plugin {
  // The TypeScript options that shape the JavaScript (class fields, say), as a build reads them from tsconfig.json.
  let tsconfigRaw: string | undefined;
  try {
    tsconfigRaw = readFileSync(join(root, 'tsconfig.json'), 'utf8');
  } catch {
    tsconfigRaw = undefined; // none: esbuild's defaults, as a build without one
  }
  const own = (path: string): boolean => {
    const rel = relative(root, path);
    return !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('node_modules');
  };
  return {
    name: 'own-import-meta',
    setup(b) {
      // A project file's `./x.js` is its `x.ts` when there is one, as TypeScript and tsx resolve it
      // (esbuild would take a stray x.js beside it, which the sources under tsx never run).
      b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        if (!own(args.importer)) return undefined;
        const ts = resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts'));
        return existsSync(ts) ? { path: ts } : undefined;
      });
      b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        if (!own(args.path)) return undefined; // a package's
        const bytes = readFileSync(args.path);
        read?.set(args.path, sourceHash(bytes));
        const text = bytes.toString('utf8');
        const loader = /ts$/.test(args.path) ? 'ts' : 'js';
        if (!text.includes('import.meta')) return { contents: text, loader };
        const values = { url: pathToFileURL(args.path).href, filename: args.path, dirname: dirname(args.path) };
        const options: TransformOptions = {
          loader, format: 'esm', target: BUNDLE_OPTIONS.target, logLevel: 'silent',
          supported: BUNDLE_OPTIONS.supported, // a use left over is replaced and warned about
          define: { [`${META}.url`]: JSON.stringify(values.url), [`${META}.filename`]: JSON.stringify(values.filename), [`${META}.dirname`]: JSON.stringify(values.dirname) },
          ...(tsconfigRaw === undefined ? {} : { tsconfigRaw }),
        };
        // The values written in place keep every line and column for the source map; they are used if
        // they compile to what defining the expressions does, i.e. unless a string spells one of them.
        const inPlace = text.replace(OWN_META, (_, key: keyof typeof values) => JSON.stringify(values[key]));
        const { transform } = await esbuild();
        const [exact, check] = await Promise.all([transform(text, options), transform(inPlace, options).catch(() => undefined)]);
        if (check?.code === exact.code) return { contents: inPlace, loader }; // (a string spelling one may not even parse)
        // Else the expressions alone, through the transform, whose inline source map carries the lines on.
        const mapped = await transform(text, { ...options, sourcefile: args.path, sourcemap: 'inline', sourcesContent: false });
        return { contents: mapped.code, loader: 'js', warnings: mapped.warnings };
      });
    },
  };
}

/**
 * Throw if a build (made with `supported: { 'import-meta': false }`, so esbuild warns at each use it
 * would leave) still reads import.meta somewhere, naming the file and line.
 */
export function refuseImportMeta(warnings: readonly Message[], what: string): void {
  const uses = warnings.filter((w) => w.id === 'empty-import-meta');
  if (uses.length === 0) return;
  const where = uses.map((w) => (w.location === null ? '?' : `${w.location.file}:${w.location.line}`)).join(', ');
  throw new Error(`${what}: a bundle may read ${META} only as ${META}.url, .filename or .dirname (it runs from the temporary folder), not at ${where}`);
}

/** The esbuild options every bundle shares. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  sourcemap: 'inline', // stack traces name the TypeScript sources (with source maps turned on)
  sourcesContent: false,
  logLevel: 'silent',
  legalComments: 'none',
  supported: { 'import-meta': false }, // each use left is a warning, for refuseImportMeta
} as const;

/** Write `code` to `file` unless it holds it already. */
export function keep(file: string, code: string): void {
  let holds = false;
  try {
    holds = readFileSync(file, 'utf8') === code;
  } catch {
    holds = false; // missing (or unreadable: it is replaced, in a folder that is this user's alone)
  }
  if (holds) return;
  try {
    writeFileAtomically(file, code);
  } catch (error) {
    throw unusableFolder(`cannot write abundance's code to ${file} (${(error as Error).message}): set TMPDIR to a folder you can write to`);
  }
}

/**
 * Build the command line's bundle of the checkout at `root` (its sim/cli/main.ts, and with it the worker
 * threads' entries of sim/io/workerEntries.ts, sharing chunks) into its folder, with its stamp; resolves
 * to the entry's file URL, the folder and the stamp. Throws if esbuild fails or the folder cannot be written.
 */
export async function buildCliBundle(checkout: string): Promise<{ entry: URL; folder: string; stamp: CliStamp }> {
  const root = realpathSync(checkout); // esbuild names files by their real paths
  const folder = join(bundleFolder(), cliFolderName(root));
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  linkPackages(folder, root);
  const entry = join(root, 'sim', 'cli', 'main.ts');
  // The worker threads' entries of this checkout (workerEntries.ts names them relative to itself).
  const workers = WORKER_ENTRIES.map((url) => join(root, relative(PROJECT_OF_ENTRIES, fileURLToPath(url))));
  const read = new Map<string, string>();
  const { build, version: esbuildVersion } = await esbuild();
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [entry, ...workers],
    absWorkingDir: root,
    packages: 'external',
    splitting: true,
    outdir: folder, // the source maps' paths are relative to it
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' }, // ES modules whatever Node guesses of a .js with no package.json beside it
    metafile: true,
    plugins: [ownImportMeta(root, read)],
  });
  refuseImportMeta(result.warnings, entry);
  const unread = Object.keys(result.metafile.inputs).map((input) => resolve(root, input)).filter((file) => !read.has(file));
  if (unread.length > 0) throw new Error(`the command line's bundle would not notice changes of ${unread.join(', ')} (not TypeScript)`);
  // tsconfig.json's options shape the JavaScript, package.json's fields (type, imports) the resolution.
  for (const file of ['tsconfig.json', 'package.json']) read.set(join(root, file), sourceHash(readFileSync(join(root, file))));
  const outputOf = (source: string): OutputFile => {
    const [out] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint !== undefined && resolve(root, o.entryPoint) === source) ?? [];
    const file = out === undefined ? undefined : result.outputFiles.find((f) => f.path === resolve(root, out));
    if (file === undefined) throw new Error(`esbuild wrote no bundle of ${source}`);
    return file;
  };
  const main = outputOf(entry);
  const workerFiles = workers.map(outputOf);
  for (const f of result.outputFiles) if (f !== main) keep(f.path, f.text);
  keep(main.path, main.text);
  const stamp: CliStamp = {
    esbuild: esbuildVersion,
    entry: basename(main.path),
    workers: Object.fromEntries(workers.map((w, k) => [w, basename(workerFiles[k]!.path)])),
    files: result.outputFiles.map((f) => basename(f.path)).sort(),
    sources: Object.fromEntries([...read].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  keep(join(folder, STAMP), `${JSON.stringify(stamp, null, 1)}\n`);
  return { entry: pathToFileURL(main.path), folder, stamp };
}

/** Make `<folder>/node_modules` a link to the checkout's node_modules (atomically: a new link renamed over the old). */
function linkPackages(folder: string, root: string): void {
  const link = join(folder, 'node_modules');
  const target = packagesOf(root);
  try {
    if (readlinkSync(link) === target) return;
  } catch {
    // missing: made below
  }
  const tmp = tempSibling(link);
  try {
    symlinkSync(target, tmp, 'junction');
    renameSync(tmp, link);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw unusableFolder(`cannot link ${link} to ${target} (${(error as Error).message}): set TMPDIR to a folder you can write to`);
  }
}
