/**
 * checkOutputPath(path, kind): the one decision, for every command that writes a folder (run,
 * compare-presets, sweep), of whether a path the user gave may become that output. It is made before
 * anything is touched; a refusal is an OutputPathError (exit 2) naming the path and why.
 *
 * Every command replaces or fills its output folder, so the folder must be one the program may own.
 * Refused:
 *   - an empty path (`--out ''`);
 *   - the working folder or any folder above it (`.`, `..`, `/`): replacing it would delete the
 *     working folder itself;
 *   - something that is not a folder: a file, a fifo, a device, a socket (or a path below one);
 *   - a non-empty folder that is not an earlier output of the same kind: a run folder has a
 *     manifest.json of a run, a comparison folder a manifest.json listing `presets`, a sweep folder a
 *     sweep.json. A folder holding the scenario file being run is one such folder.
 *   - an earlier output of the same kind that is to be replaced (`how` 'replace': run, compare-presets,
 *     sweep --replace, merge --out) but holds something the program does not write there (a user's
 *     notes.md, a .git): replacing the folder would delete it. Judged at the top level, inside a
 *     report's charts/ (only chart files: foreignInCharts), and in a sweep or comparison folder also
 *     all through runs/: only the run folders its sweep.json or manifest.json lists, each holding only
 *     the files a run writes (foreignInRuns).
 * Allowed: a path that does not exist yet, an empty folder, and an earlier output of the same kind
 * (replaced atomically by the caller, or, with `how` 'fill', filled in place: sweep --resume, which
 * deletes only files it writes: DERIVED_FILES, refused when one is there as a folder or charts/ holds
 * anything but charts). A known name counts as the program's only as the kind of entry it writes there
 * (a folder named report.md is the user's).
 *
 * The path is judged by where it really leads: the existing part is resolved with realpath, so a
 * symlink or a `..` cannot reach the working folder or a parent under another name.
 */
import { isComparisonManifest } from './comparisonManifest.js';
import { MANIFEST_FILE } from './manifest.js';
import { SWEEP_JSON } from './sweepJson.js';
import { SWEEP_FILES } from './sweepManifest.js';
import { METRICS_PARQUET } from './metricsParquet.js';
import { AGENTS_PARQUET } from './agentsParquet.js';
import { CLAIMS_JSON } from './claimsJson.js';
import { FAILED_CSV } from './failedCsv.js';
import { TIMINGS_JSON } from './sweepTimings.js';
import { REPORT_FILES, RUN_FILES } from './runFiles.js';

/** compare.csv, written by `abundance compare` (sim/analysis/compare.ts). */
export const COMPARE_CSV = 'compare.csv';
/** sensitivity.csv, written by `abundance sensitivity` (sim/io/sensitivityCsv.ts keeps the same name). */
export const SENSITIVITY_CSV = 'sensitivity.csv';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** What a command writes: a run folder, a compare-presets folder or a sweep folder. */
export type OutputKind = 'run' | 'comparison' | 'sweep';

/** A path refused as an output folder: the CLI prints the message and exits 2. */
export class OutputPathError extends Error {
  readonly exitCode = 2;
  constructor(readonly path: string, reason: string) {
    super(`output folder ${JSON.stringify(path)}: ${reason}; nothing was written`);
    this.name = 'OutputPathError';
  }
}

const KIND_TEXT: Record<OutputKind, string> = {
  run: 'a run folder (manifest.json of a run)',
  comparison: 'a compare-presets folder (manifest.json listing presets)',
  sweep: 'a sweep folder (sweep.json)',
};

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/** What the program writes at the top level of an output of each kind (besides a run's manifest `files`). */
const REPORT = Object.values(REPORT_FILES);
const KNOWN: Record<OutputKind, readonly string[]> = {
  run: [MANIFEST_FILE, ...Object.values(RUN_FILES), METRICS_PARQUET, AGENTS_PARQUET, ...REPORT], // the Parquet files: a sweep's run under --run-files none
  comparison: [MANIFEST_FILE, 'runs', ...REPORT],
  sweep: [...Object.values(SWEEP_FILES), TIMINGS_JSON, FAILED_CSV, 'runs', CLAIMS_JSON, COMPARE_CSV, SENSITIVITY_CSV, ...REPORT],
};

/** The top-level entries of the output folder `dir` of `kind` that the program did not write there. */
function foreignEntries(dir: string, kind: OutputKind, entries: readonly string[]): string[] {
  const known = new Set(KNOWN[kind]);
  // A known name is the program's only as what the program writes there: a folder `report.md/` is not.
  const folders = new Set<string>(['runs', REPORT_FILES.charts]);
  if (kind === 'run') {
    const files = readJson(join(dir, 'manifest.json'))?.['files'];
    if (Array.isArray(files)) {
      for (const f of files) {
        if (typeof f !== 'string') continue;
        const top = f.split('/')[0] ?? f;
        known.add(top);
        if (f.includes('/')) folders.add(top);
      }
    }
  }
  // temporary names of an interrupted write (`report.tmp-<pid>-<hex>`, `runs.csv.tmp-...`) are the program's too
  const foreign = entries.filter((e) => !known.has(e) && !isTemp(e));
  foreign.push(...entries.filter((e) => known.has(e) && !folders.has(e) && notAFile(dir, e)));
  if (kind !== 'run' && entries.includes('runs')) foreign.push(...foreignInRuns(dir, listedRuns(dir, kind)));
  if (entries.includes(REPORT_FILES.charts)) foreign.push(...foreignInCharts(dir));
  return foreign;
}

/** Whether `dir/name` is there as something other than a regular file (a folder, a link, a fifo). */
function notAFile(dir: string, name: string): boolean {
  try {
    return !lstatSync(join(dir, name)).isFile();
  } catch {
    return false; // not there
  }
}

/**
 * What a sweep folder derives from its runs.csv (claims, comparisons, the report): `finishSweep` deletes
 * them when it writes runs.csv anew, since they would disagree with it; `abundance report` writes them.
 */
export const DERIVED_FILES: readonly string[] = [CLAIMS_JSON, COMPARE_CSV, SENSITIVITY_CSV, ...Object.values(REPORT_FILES)];

/**
 * The entries of `files` (file names at the top of `dir`) and of charts/ that are not the program's:
 * charts/ holding anything but chart files, or a name of `files` there as something other than a file.
 * Deleting or replacing them would lose what the program did not make: the sweep's derived files
 * (DERIVED_FILES) before `finishSweep` deletes them, a report's files before it is written over them.
 */
export function foreignTargets(dir: string, files: readonly string[]): string[] {
  return [...foreignInCharts(dir), ...files.filter((f) => f !== REPORT_FILES.charts && notAFile(dir, f))];
}

/** A temporary name of an interrupted write: `<x>.tmp-<pid>-<hex>` or `<x>.tmp-old-<pid>-<hex>`. */
const isTemp = (name: string): boolean => /\.tmp(-old)?-\d+-[0-9a-f]+$/.test(name);

/** The files of a sweep's run folder (data in either --run-files form, manifest.json, a run report). */
const RUN_FOLDER_FILES = new Set([MANIFEST_FILE, ...Object.values(RUN_FILES), METRICS_PARQUET, AGENTS_PARQUET, REPORT_FILES.md, REPORT_FILES.html]);
/** The files of a report's charts/ (sim/report/write.ts). */
const CHART_FILE = /\.(vl\.json|svg|png)$/;

/** The run folders (paths relative to `dir`) an output of `kind` lists: a sweep's sweep.json `runs[].run`, a comparison's manifest.json `runs[].folder`. */
function listedRuns(dir: string, kind: OutputKind): string[] {
  const listed = kind === 'sweep' ? readJson(join(dir, SWEEP_JSON))?.['runs'] : kind === 'comparison' ? readJson(join(dir, MANIFEST_FILE))?.['runs'] : undefined;
  if (!Array.isArray(listed)) return [];
  const field = kind === 'sweep' ? 'run' : 'folder';
  return listed.map((r) => (r as Record<string, unknown> | null)?.[field]).filter((f): f is string => typeof f === 'string');
}

/** A listing of `dir/rel`, or undefined (and `rel` named foreign) when it is not a readable folder. */
function listing(dir: string, rel: string, foreign: string[]): Dirent[] | undefined {
  try {
    return readdirSync(join(dir, ...rel.split('/')), { withFileTypes: true });
  } catch {
    foreign.push(rel); // not a folder (runs as a file), or unreadable: not known to be the program's
    return undefined;
  }
}

/**
 * The entries of a report's charts folder `dir/rel` that a report did not write (only `<id>.vl.json`,
 * `.svg` and `.png` files, and temporary names): a new report replaces the folder whole, so they would
 * be deleted with it. Empty when the folder is not there.
 */
export function foreignInCharts(dir: string, rel: string = REPORT_FILES.charts): string[] {
  let top: Stats;
  try {
    top = lstatSync(join(dir, ...rel.split('/')));
  } catch {
    return [];
  }
  if (!top.isDirectory()) return [rel];
  const foreign: string[] = [];
  for (const c of listing(dir, rel, foreign) ?? []) if (!isTemp(c.name) && !(c.isFile() && CHART_FILE.test(c.name))) foreign.push(`${rel}/${c.name}`);
  return foreign;
}

/**
 * The paths below `runs/` of the output folder `dir` that its command did not make (`runs/notes.txt`,
 * `runs/gift/base/r000/mine.csv`), in one pass over the tree: only the run folders `listed` names
 * (a sweep's `runs/<preset>/<point>/r<k>`, a comparison's `runs/<preset>`) and the folders on the way
 * to them, each run folder holding only the files a run writes (and a run report's charts/), and
 * temporary names. A foreign folder is named whole, not walked.
 */
function foreignInRuns(dir: string, listed: readonly string[]): string[] {
  const runs = new Set(listed);
  const onTheWay = new Set<string>();
  for (const run of listed) {
    const parts = run.split('/');
    for (let k = 1; k < parts.length; k++) onTheWay.add(parts.slice(0, k).join('/'));
  }
  const foreign: string[] = [];
  const walk = (rel: string): void => {
    for (const e of listing(dir, rel, foreign) ?? []) {
      const path = `${rel}/${e.name}`;
      if (isTemp(e.name)) continue;
      if (e.isDirectory() && runs.has(path)) runFolder(path);
      else if (e.isDirectory() && onTheWay.has(path)) walk(path);
      else foreign.push(path);
    }
  };
  const runFolder = (rel: string): void => {
    for (const e of listing(dir, rel, foreign) ?? []) {
      const path = `${rel}/${e.name}`;
      if (isTemp(e.name)) continue;
      if (e.isFile() && RUN_FOLDER_FILES.has(e.name)) continue;
      if (e.isDirectory() && e.name === REPORT_FILES.charts) foreign.push(...foreignInCharts(dir, path));
      else foreign.push(path);
    }
  };
  if (onTheWay.has('runs')) walk('runs');
  else foreign.push('runs'); // the output lists no run folder below runs/: none of it is the program's
  return foreign;
}

/**
 * What kind of output the folder `dir` is, by the file that marks it: a sweep's sweep.json, a
 * compare-presets manifest.json (listing presets and runs), a run's manifest.json (a scenario hash and
 * a seed); undefined for none. The one place that tells them apart: the output check, `report` and
 * `publish` all ask it.
 */
export function outputKindOf(dir: string): OutputKind | undefined {
  const plan = readJson(join(dir, SWEEP_JSON));
  if (plan !== undefined && Array.isArray(plan['runs'])) return 'sweep';
  const manifest = readJson(join(dir, MANIFEST_FILE));
  if (manifest === undefined) return undefined;
  if (isComparisonManifest(manifest)) return 'comparison';
  return typeof manifest['scenarioHash'] === 'string' && typeof manifest['seed'] === 'number' ? 'run' : undefined;
}

/**
 * Refuse (OutputPathError) to replace the folder `dir`, an output of `kind` that is made again whatever
 * marks it (a sweep's run folder whose manifest is missing or damaged, say), when it holds entries the
 * program does not write there: they would be deleted with it.
 */
export function checkOnlyOurs(dir: string, kind: OutputKind): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return; // not there: nothing to lose
  }
  const foreign = foreignEntries(dir, kind, entries);
  if (foreign.length > 0) {
    throw new OutputPathError(dir, `holds files the program did not write there (${foreign.sort().slice(0, 5).join(', ')}): making it again would delete them; move them away`);
  }
}

/** Is the folder `dir` an output of this kind (judged by the file that marks it)? */
export const isOutputOfKind = (dir: string, kind: OutputKind): boolean => outputKindOf(dir) === kind;

function describe(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isFIFO()) return 'a fifo (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a folder';
}

/** `path` with its longest existing part resolved by realpath (symlinks followed, `..` applied). */
export function realTarget(path: string): { real: string; existing: string } {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      const up = dirname(existing);
      if (up === existing) break;
      rest.unshift(basename(existing));
      existing = up;
    }
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    real = existing; // a dangling symlink: judged as itself
  }
  return { real: rest.length === 0 ? real : join(real, ...rest), existing };
}

/** Is `a` the folder `b` or a folder above it? */
function isSameOrAncestor(a: string, b: string): boolean {
  const rel = relative(a, b);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Throw an OutputPathError unless `path` may become an output folder of `kind` (see the module
 * comment); returns the absolute path it leads to. `how` says what the caller does with an earlier
 * output: 'replace' it whole (the default) or 'fill' it in place (sweep --resume).
 */
export function checkOutputPath(path: string, kind: OutputKind, how: 'replace' | 'fill' = 'replace'): string {
  if (path.trim() === '') throw new OutputPathError(path, 'an empty path is not a folder to write; name a new folder');
  let link: Stats | undefined;
  try {
    link = lstatSync(resolve(path));
  } catch {
    link = undefined;
  }
  // The writers rename at `path` itself: a link there would be replaced by a folder (and a dangling one
  // fail only after the run), so the folder is named by its own path.
  if (link?.isSymbolicLink() === true) throw new OutputPathError(path, 'is a symbolic link: the output would replace the link, not fill what it points to; name the folder itself');
  const { real, existing } = realTarget(path);
  let cwd: string;
  try {
    cwd = realpathSync(process.cwd());
  } catch {
    cwd = resolve(process.cwd());
  }
  if (isSameOrAncestor(real, cwd)) {
    const what = real === cwd ? 'the working folder' : `${real}, a folder holding the working folder`;
    throw new OutputPathError(path, `is ${what}: writing the output there would replace it; name a new folder`);
  }
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch {
    // Not there: every existing folder on the way must be a folder.
    let st: Stats | undefined;
    try {
      st = statSync(existing);
    } catch {
      st = undefined;
    }
    if (st !== undefined && !st.isDirectory()) {
      throw new OutputPathError(path, `${existing} is ${describe(st)}, so no folder can be made below it`);
    }
    return real;
  }
  if (!stats.isDirectory()) {
    throw new OutputPathError(path, `is ${describe(stats)}, not a folder; name a new folder (the program never replaces what it did not make)`);
  }
  let entries: string[];
  try {
    entries = readdirSync(real);
  } catch (error) {
    throw new OutputPathError(path, `cannot read the folder (${(error as Error).message})`);
  }
  const list = (names: string[]): string => names.sort().slice(0, 5).join(', ') + (names.length > 5 ? `, ... (${names.length} entries)` : '');
  if (entries.length === 0) return real;
  if (isOutputOfKind(real, kind)) {
    // Filled in place, an output keeps its files but loses what it derived from them (DERIVED_FILES),
    // the report's charts/ whole among them.
    const foreign = how === 'replace' ? foreignEntries(real, kind, entries) : foreignTargets(real, DERIVED_FILES);
    if (foreign.length === 0) return real;
    const loss = how === 'replace' ? 'replacing it would delete them' : 'going on with it deletes its old report and claims, and with them these';
    throw new OutputPathError(path, `is ${KIND_TEXT[kind].replace(/ \(.*\)$/, '')} that also holds files the program did not write there (${list(foreign)}): ${loss}; move them away or name another folder`);
  }
  const shown = list(entries);
  throw new OutputPathError(path, `is a folder holding other files (${shown}), not ${KIND_TEXT[kind]}; name a new or empty folder (the program never replaces what it did not make)`);
}
