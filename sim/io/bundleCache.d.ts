/** Types of sim/io/bundleCache.js (plain JavaScript: the `abundance` bin runs it before any TypeScript can). */

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
/** The worker thread built from `source` with the command line's bundle of the checkout at `root`, if its stamp holds: its file URL and every file of the bundle; else undefined. */
export function freshWorkerFile(root: string, source: string): { url: URL; files: string[] } | undefined;
