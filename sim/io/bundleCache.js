/**
 * Where the esbuild bundles are kept, and whether the command line's bundle still matches its sources:
 * the part of the bundling that must run before any TypeScript can, so it is plain JavaScript (types in
 * bundleCache.d.ts). The `abundance` bin (sim/cli/abundance.js) asks `freshCliEntry` on every start;
 * sim/io/bundle.ts builds the bundles and writes the stamp this reads.
 *
 * The folder is this user's in the system's temporary folder (`abundance-<uid>/`, mode 0700), refused if
 * another user owns it or may write to it, so no one else can put code there for this user to run. The
 * command line's bundle of a checkout has a folder of its own inside (`cli-<hash of the checkout's
 * path>/`): its files (`main-<content hash>.js` and the chunks it imports, named for their content),
 * `stamp.json`, and a link `node_modules` to the checkout's node_modules, through which Node resolves
 * the npm packages the bundle leaves out (from the temporary folder nothing else would resolve them;
 * Node follows the link to the real files, so they are the modules a run without the bundle loads).
 *
 * The stamp names the entry file, the worker threads' entry files (sim/io/workerEntries.ts, built with
 * it, so a command started from the bundle starts its threads from it too: sim/io/workerBundle.ts), every
 * file of the bundle, esbuild's version and the SHA-256 of every file the bundle was built from
 * (recorded as esbuild read them, sim/io/bundle.ts; tsconfig.json and package.json too). The bundle is
 * used only if all of them still hold: hashing the ~210 sources takes about 20-30 ms, a build about 0.3
 * CPU s. A stale or missing stamp means a build. (What the stamp cannot see: a new file that changes how
 * an unchanged import resolves; a project file's `./x.js` resolves to its `x.ts`, which closes the
 * likeliest case.)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `code` of an error saying the temporary folder cannot hold the bundles (the bin then runs from the sources without a word). */
export const UNUSABLE_FOLDER = 'ABUNDANCE_UNUSABLE_FOLDER';

/** An error of code UNUSABLE_FOLDER with `message`. */
export function unusableFolder(message) {
  return Object.assign(new Error(message), { code: UNUSABLE_FOLDER });
}

/** The stamp's name in a bundle's folder. */
export const STAMP = 'stamp.json';

/** This user's folder for bundles (not made, not checked). */
function userFolder() {
  const uid = process.getuid?.();
  return join(tmpdir(), uid === undefined ? 'abundance' : `abundance-${uid}`);
}

/**
 * Throw unless `folder` is this user's alone (owned by this user, no one else may write to it): the
 * code kept there is run.
 */
function checkOwn(folder) {
  const uid = process.getuid?.();
  const st = statSync(folder);
  if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) {
    throw unusableFolder(`${folder} holds the code abundance runs, but ${st.uid !== uid ? `user ${st.uid} owns it` : 'other users may write to it'}: remove it (it is made again), or set TMPDIR to a folder of your own`);
  }
}

/**
 * This user's folder for bundles, made if missing: the real path (a symbolic link in TMPDIR, as macOS
 * has, would send the source maps' relative paths astray), refused if another user owns it or may write
 * to it.
 */
export function bundleFolder() {
  let folder = userFolder();
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    folder = realpathSync(folder);
  } catch (error) {
    throw unusableFolder(`cannot make the folder for the code abundance runs, ${folder} (${error.message}): set TMPDIR to a folder you can write to`);
  }
  checkOwn(folder);
  return folder;
}

/** The folder name of the command line's bundle of the checkout at `root`, inside the bundle folder. */
export function cliFolderName(root) {
  return `cli-${createHash('sha256').update(realpathSync(root)).digest('hex').slice(0, 16)}`;
}

/** The SHA-256 of a file's bytes, in hex. */
export function sourceHash(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the link `node_modules` of a bundle's folder should point: the checkout's node_modules. */
export function packagesOf(root) {
  return join(realpathSync(root), 'node_modules');
}

/** The version of the esbuild that the checkout at `root` would build with. */
export function esbuildVersion(root) {
  return createRequire(join(root, 'package.json'))('esbuild/package.json').version;
}

/**
 * The folder and stamp of the command line's bundle of the checkout at `root` if it is built and its
 * stamp holds (same esbuild, every source unchanged, every file of the bundle there, the link to the
 * packages right), else undefined. Never makes or writes anything.
 */
function freshStamp(root) {
  const parent = userFolder();
  if (!existsSync(parent)) return undefined;
  checkOwn(parent);
  const folder = join(realpathSync(parent), cliFolderName(root));
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(folder, STAMP), 'utf8'));
  } catch {
    return undefined; // not built yet
  }
  if (typeof stamp?.entry !== 'string' || !Array.isArray(stamp.files) || typeof stamp.sources !== 'object' || stamp.sources === null
    || typeof stamp.workers !== 'object' || stamp.workers === null) return undefined; // another format: built again
  if (stamp.esbuild !== esbuildVersion(root)) return undefined;
  for (const [file, hash] of Object.entries(stamp.sources)) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined; // a source was removed or renamed
    }
    if (sourceHash(bytes) !== hash) return undefined;
  }
  for (const name of stamp.files) if (!existsSync(join(folder, name))) return undefined; // a cleaner of the temporary folder took it
  try {
    if (readlinkSync(join(folder, 'node_modules')) !== packagesOf(root)) return undefined;
  } catch {
    return undefined; // the link to the packages is gone
  }
  return { folder, stamp };
}

/**
 * The command line's bundle of the checkout at `root` if its stamp holds: its entry's file URL, its
 * folder and its stamp; else undefined. Never makes or writes anything.
 */
export function freshCliBundle(root) {
  const fresh = freshStamp(root);
  return fresh === undefined ? undefined : { entry: pathToFileURL(join(fresh.folder, fresh.stamp.entry)), ...fresh };
}

/** The file URL of the command line's bundle of the checkout at `root` if its stamp holds, else undefined. */
export function freshCliEntry(root) {
  return freshCliBundle(root)?.entry;
}

/**
 * Where this process records the bundle it started from (a symbol on globalThis: the bin and the
 * bundle's own copy of this module must both see it).
 */
const STARTED = Symbol.for('abundance.startedFromBundle');

/** Record that this process runs the command line from the bundle in `folder` with `stamp` (the bin calls it). */
export function markStarted(folder, stamp) {
  globalThis[STARTED] = { folder, stamp };
}

/**
 * The worker thread built from `source` (an absolute path, one of sim/io/workerEntries.ts) with the
 * bundle this process started from (`markStarted`): its file URL and the paths of every file of that
 * bundle (the chunks it imports among them); undefined in a process that did not start from a bundle
 * (under tsx, in a test), which then bundles its workers itself, or for another source.
 */
export function startedWorkerFile(source) {
  const started = globalThis[STARTED];
  if (started === undefined) return undefined;
  let real;
  try {
    real = realpathSync(source);
  } catch {
    return undefined;
  }
  const name = started.stamp.workers[real];
  if (typeof name !== 'string') return undefined;
  return { url: pathToFileURL(join(started.folder, name)), files: started.stamp.files.map((f) => join(started.folder, f)) };
}
