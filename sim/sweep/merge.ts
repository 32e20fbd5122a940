/**
 * mergeShards(dirs, { out }) -> the sweep folder made from the folders of its shards
 * (`abundance sweep <file> --shard i/n --out DIR_i`, sim/sweep/shard.ts), byte-identical to the folder
 * the same sweep makes on one machine:
 *
 *   shard folders -> (read each sweep.json: a shard, of one sweep: the same sweep hash and count n,
 *   each index once) -> (every planned run k present in the folder of shard (k mod n) + 1, complete,
 *   of the planned preset and seed, made by this engine version; or listed in that shard's failed.csv)
 *   -> (in a temporary sibling of --out: copy the run folders as they are, CSVs or only Parquet under
 *   --run-files none, then finishSweep, the code path of the one-machine sweep: runs.csv, summary.csv,
 *   runs.parquet, summary.parquet, metrics.parquet, failed.csv, sweep.json, timings.json, manifest.json)
 *   -> renamed into place
 *
 * Anything missing, damaged, foreign or failed (without allowFailed) is a MergeError (exit 2) naming
 * the runs and the shards to run again, thrown before anything is written. The shard folders are read,
 * never changed.
 */
import { cpSync, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { writeAtomically } from '../io/atomic.js';
import { readFailedCsv, type FailedRun } from '../io/failedCsv.js';
import { projectPackage, readManifest, type Manifest } from '../io/manifest.js';
import { checkOutputPath } from '../io/outputPath.js';
import { readSweepJson, sweepHash, unsharded, type SweepJson } from '../io/sweepJson.js';
import { TIMINGS_JSON } from '../io/sweepTimings.js';
import { finishSweep, type SweepFolderFiles } from './finish.js';
import { shardOf } from './shard.js';
import { shq } from './emit.js';
import { folderSafe } from '../scenario/names.js';

/** A merge refused: the CLI prints the message and exits 2; nothing was written. */
export class MergeError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface MergeOptions {
  out: string;
  /** Merge even though some runs failed (listed in the merged failed.csv, absent from runs.csv). */
  allowFailed?: boolean;
}

export interface MergeOutcome {
  dir: string;
  files: SweepFolderFiles;
  runs: number;
  failed: FailedRun[];
  /** Said, not refused: runs made from different commits of the project. */
  warnings: string[];
  wallMs: number;
}

interface ShardFolder { dir: string; json: SweepJson; index: number; count: number; hash: string }

const LIST = 10;
const listed = (items: readonly string[]): string => items.slice(0, LIST).join(', ') + (items.length > LIST ? `, ... (${items.length} in all)` : '');

function readShard(dir: string): ShardFolder {
  let json: SweepJson;
  try {
    json = readSweepJson(dir).plan;
  } catch (error) {
    throw new MergeError(`${(error as Error).message}; nothing was written`);
  }
  if (json.shard === undefined) {
    throw new MergeError(`${dir}: not a shard folder (its sweep.json has no "shard"; "abundance sweep <file> --shard i/n" makes one); nothing was written`);
  }
  const hash = sweepHash(json);
  if (hash !== json.shard.sweepHash) {
    throw new MergeError(`${join(dir, 'sweep.json')}: shard.sweepHash is ${json.shard.sweepHash}, but the plan it holds hashes to ${hash} (changed after the shard was made?); nothing was written`);
  }
  return { dir, json, index: json.shard.index, count: json.shard.count, hash };
}

/**
 * Whether a run's manifest is of the sweep base the plan labels `label` (plan.ts labelOf): a preset
 * by its name, a scenario file by its `name` made folder-safe (its manifest's preset is the root preset
 * the file extends).
 */
const ofBase = (manifest: Manifest, label: string): boolean => manifest.preset === label || folderSafe(manifest.name, 'scenario') === label;

/** Why the run folder cannot be merged as planned run `run`, or undefined if it can; `seen` gets its manifest. */
function runProblem(dir: string, run: SweepJson['runs'][number], version: string, seen?: (m: Manifest) => void): string | undefined {
  const runDir = join(dir, run.run);
  if (!existsSync(runDir)) return 'missing';
  let manifest: Manifest;
  try {
    manifest = readManifest(runDir);
    seen?.(manifest);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no manifest.json (incomplete)' : `manifest.json unreadable: ${(error as Error).message.split('\n')[0]}`;
  }
  if (manifest.engineVersion !== version) return `made by engine version ${manifest.engineVersion}, this is ${version}`;
  if (!ofBase(manifest, run.preset) || manifest.seed !== run.seed) return `holds ${manifest.preset} seed ${manifest.seed}, the plan says ${run.preset} seed ${run.seed}`;
  if (Object.keys(manifest.bytes).length === 0) return 'manifest.json records no file sizes';
  for (const [name, size] of Object.entries(manifest.bytes)) {
    let actual: number;
    try {
      actual = statSync(join(runDir, name)).size;
    } catch {
      return `${name} is missing`;
    }
    if (actual !== size) return `${name} is ${actual} bytes, manifest.json says ${size}`;
  }
  return undefined;
}

const isInside = (a: string, b: string): boolean => {
  const rel = relative(b, a);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
};
const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** Check the shard folders `dirs` (see the module comment); returns what to merge, or throws a MergeError. */
export function checkShards(dirs: readonly string[], opts: { allowFailed?: boolean } = {}): { whole: SweepJson; byIndex: Map<number, ShardFolder>; failed: FailedRun[]; warnings: string[] } {
  if (dirs.length === 0) throw new MergeError('merge: name the shard folders (abundance merge DIR_1 ... DIR_n --out DIR); nothing was written');
  const shards = dirs.map(readShard);
  const first = shards[0]!;
  const problems: string[] = [];
  for (const s of shards.slice(1)) {
    if (s.hash !== first.hash) {
      problems.push(`${s.dir} is a shard of another sweep (${s.json.name}, ${s.json.file}, sweep hash ${s.hash.slice(0, 12)}), not of ${first.json.name} (${first.json.file}, sweep hash ${first.hash.slice(0, 12)}) as ${first.dir} is`);
    } else if (s.count !== first.count) {
      problems.push(`${s.dir} is shard ${s.index}/${s.count}, ${first.dir} is shard ${first.index}/${first.count}: the shards of one merge split the sweep alike`);
    }
  }
  const byIndex = new Map<number, ShardFolder>();
  for (const s of shards) {
    const other = byIndex.get(s.index);
    if (other !== undefined && real(other.dir) !== real(s.dir)) problems.push(`${other.dir} and ${s.dir} are both shard ${s.index}/${s.count}`);
    byIndex.set(s.index, s);
  }
  if (problems.length > 0) throw new MergeError(`merge refused:\n  ${problems.join('\n  ')}\nnothing was written`);

  const n = first.count;
  const whole = unsharded(first.json);
  const version = projectPackage().version;
  const failedOf = new Map<number, Map<string, FailedRun>>();
  for (const [i, s] of byIndex) {
    try {
      failedOf.set(i, new Map(readFailedCsv(s.dir).map((f) => [f.run, f])));
    } catch (error) {
      throw new MergeError(`${(error as Error).message}; nothing was written`);
    }
  }
  const missingShards = Array.from({ length: n }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  const missing: string[] = [];
  const rerun = new Set<number>(missingShards);
  const failed: FailedRun[] = [];
  const otherVersions = new Set<string>();
  const commits = new Map<string, string>(); // the project's commit the runs were made from -> a run
  const noteCommit = (run: string) => (m: Manifest): void => {
    const c = m.git === undefined ? 'no git checkout' : `commit ${m.git.commit.slice(0, 12)}${m.git.dirty ? ' with changed files' : ''}`;
    if (!commits.has(c)) commits.set(c, run);
  };
  whole.runs.forEach((run, k) => {
    const i = shardOf(k, n);
    const s = byIndex.get(i);
    if (s === undefined) {
      missing.push(`${run.run} (shard ${i}/${n}: not given)`);
      return;
    }
    const problem = runProblem(s.dir, run, version, noteCommit(`${s.dir}/${run.run}`));
    if (problem === undefined) return;
    const f = failedOf.get(i)?.get(run.run);
    if (problem === 'missing' && f !== undefined) {
      failed.push(f);
      if (opts.allowFailed !== true) rerun.add(i);
      return;
    }
    const m = /^made by engine version (\S+),/.exec(problem);
    if (m !== null) otherVersions.add(m[1]!);
    missing.push(`${run.run} (shard ${i}/${n}, ${s.dir}: ${problem})`);
    rerun.add(i);
  });
  const lines: string[] = [];
  if (missingShards.length > 0) lines.push(`shard${missingShards.length > 1 ? 's' : ''} ${listed(missingShards.map((i) => `${i}/${n}`))} of ${whole.name} not given`);
  if (otherVersions.size > 0) lines.push(`runs made by engine version ${[...otherVersions].sort().join(', ')}, this is ${version}: a merge does not mix versions; run those shards again with this version`);
  if (missing.length > 0) lines.push(`${missing.length} of ${whole.runs.length} planned runs missing or incomplete: ${listed(missing)}`);
  if (failed.length > 0 && opts.allowFailed !== true) {
    lines.push(`${failed.length} run${failed.length > 1 ? 's' : ''} failed (failed.csv): ${listed(failed.map((f) => `${f.run}: ${f.error}`))}; pass --allow-failed to merge without them`);
  }
  if (lines.length > 0) {
    const again = [...rerun].sort((a, b) => a - b).map((i) => {
      const dir = byIndex.get(i)?.dir ?? `DIR_${i}`;
      const sets = whole.set.map((kv) => ` --set ${shq(kv)}`).join('');
      return `abundance sweep ${shq(whole.file)} --shard ${i}/${n} --out ${shq(dir)}${sets}${byIndex.has(i) ? ' --resume' : ''}`;
    });
    throw new MergeError(`merge refused:\n  ${lines.join('\n  ')}\nrun again: shard${again.length > 1 ? 's' : ''} ${listed([...rerun].sort((a, b) => a - b).map((i) => `${i}/${n}`))}:\n  ${again.join('\n  ')}\nnothing was written`);
  }
  // Runs of one engine version made from different commits (or changed files) are merged, but said:
  // the version is the contract, the commit is provenance.
  const warnings = commits.size > 1
    ? [`the runs were made from ${commits.size} different states of the project: ${[...commits].map(([c, run]) => `${c} (${run}, ...)`).join('; ')}; their manifests say which`]
    : [];
  return { whole, byIndex, failed, warnings };
}

/** Merge the shard folders `dirs` into the sweep folder `opts.out` (see the module comment). */
export async function mergeShards(dirs: readonly string[], opts: MergeOptions): Promise<MergeOutcome> {
  const started = Date.now();
  const created = new Date();
  const { whole, byIndex, failed, warnings } = checkShards(dirs, opts);
  const out = opts.out;
  for (const s of byIndex.values()) {
    if (isInside(real(out), real(s.dir)) || isInside(real(s.dir), real(out))) {
      throw new MergeError(`--out ${out} is or holds the shard folder ${s.dir}: merge into a folder of its own; nothing was written`);
    }
  }
  checkOutputPath(out, 'sweep', 'replace');
  const n = byIndex.size;
  const failedRuns = new Set(failed.map((f) => f.run));
  const files = await writeAtomically(out, async (tmp) => {
    const runsStarted = Date.now();
    whole.runs.forEach((run, k) => {
      if (failedRuns.has(run.run)) return;
      const s = byIndex.get(shardOf(k, n))!;
      cpSync(join(s.dir, run.run), join(tmp, run.run), { recursive: true, errorOnExist: true, force: false });
    });
    const shards = [...byIndex.keys()].sort((a, b) => a - b).map((i) => {
      try {
        return JSON.parse(readFileSync(join(byIndex.get(i)!.dir, TIMINGS_JSON), 'utf8')) as unknown;
      } catch {
        return null;
      }
    });
    return finishSweep(tmp, whole, failed, { started, created, workers: 0, ran: 0, reused: whole.runs.length - failed.length, runsMs: Date.now() - runsStarted, simulateMs: 0, shards });
  }, () => checkOutputPath(out, 'sweep', 'replace'));
  // finishSweep named the files in the temporary folder, now renamed to `out`
  const moved = Object.fromEntries(Object.entries(files).map(([k, p]) => [k, join(out, p.split(sep).pop()!)])) as unknown as SweepFolderFiles;
  return { dir: out, files: moved, runs: whole.runs.length, failed, warnings, wallMs: Date.now() - started };
}
