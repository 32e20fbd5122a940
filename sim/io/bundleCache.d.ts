/** Types of sim/io/bundleCache.js (plain JavaScript: the `abundance` bin runs it before any TypeScript can). */

/** The `code` of an error saying the temporary folder cannot hold the bundles. */
export const UNUSABLE_FOLDER: string;
/** An error of code UNUSABLE_FOLDER with `message`. */
export function unusableFolder(message: string): Error & { code: string };

/** The stamp's name in a bundle's folder. */
export const STAMP: string;

/** What stamp.json of the command line's bundle holds. */
export interface CliStamp {
  /** The version of esbuild that built it. */
  esbuild: string;
  /** The entry file's name, in the bundle's folder. */
  entry: string;
  /** The worker threads' entry files, by the absolute real path of their sources (sim/io/workerEntries.ts). */
  workers: Record<string, string>;
  /** Every file of the bundle (the entries and their chunks), by name. */
  files: string[];
  /** The SHA-256 (hex) of every file it was built from, by absolute path. */
  sources: Record<string, string>;
}

/** This user's folder for bundles, made if missing; throws if it cannot be made or is not this user's alone. */
export function bundleFolder(): string;
/** The folder name of the command line's bundle of the checkout at `root`, inside the bundle folder. */
export function cliFolderName(root: string): string;
/** The SHA-256 of a file's bytes, in hex. */
export function sourceHash(bytes: Uint8Array | string): string;
/** Where the link `node_modules` of a bundle's folder should point: the checkout's node_modules. */
export function packagesOf(root: string): string;
/** The version of the esbuild that the checkout at `root` would build with. */
export function esbuildVersion(root: string): string;
/** The file URL of the command line's bundle of the checkout at `root` if its stamp holds, else undefined. */
export function freshCliEntry(root: string): URL | undefined;
/** The command line's bundle of the checkout at `root` if its stamp holds: entry, folder and stamp; else undefined. */
export function freshCliBundle(root: string): { entry: URL; folder: string; stamp: CliStamp } | undefined;
/** Record that this process runs the command line from the bundle in `folder` with `stamp`. */
export function markStarted(folder: string, stamp: CliStamp): void;
/** The worker built from `source` with the bundle this process started from: its file URL and every file of that bundle; else undefined. */
export function startedWorkerFile(source: string): { url: URL; files: string[] } | undefined;
