/**
 * `abundance scan-directions` (`npm run scan-directions`): the viability scan of MODEL.md section 9
 * ("Sensitivity directions"), which fixes the values of the claims sweep's directions before it runs.
 *
 *   claims file (--out, else the project's) -> presets, agents, days, fixed fields, defaults of the keys
 *   -> the scan's runs: every preset x every candidate value (sim/sweep/scan.ts) x the seeds of a sweep
 *      with seed: --seed (1001), seeds: --seeds (10), on the sweep's worker threads (--workers, 2),
 *      viability per run (MODEL.md section 13 over the run's days)
 *   -> the chosen values -> claims.yaml and claims-small.yaml rewritten (sim/sweep/scanFile.ts),
 *      each read back with the sweep loader
 *
 * The runs are those of a sweep of the claims file with `seed`, `seeds` and `sensitivity` replaced by
 * the scan's, so a sweep file reproduces them (its runs.csv's `viable` is the verdict counted here).
 * A file is replaced only if it is missing, starts with the scan's marker line, or is one of the
 * project's own claims files; anything else exits 2 before any run. Writes are atomic.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../io/manifest.js';
import { readMetricsCsv } from '../io/metricsCsv.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { removeDir, tempSibling } from '../io/atomic.js';
import { checkMemory } from '../io/memory.js';
import { onInterrupt } from '../io/interrupt.js';
import { executeRuns } from '../sweep/execute.js';
import { viability } from '../metrics/viability.js';
import { viabilityScope } from '../analysis/runDigest.js';
import { displayPath, loadRef } from '../scenario/file.js';
import { ScenarioError } from '../scenario/errors.js';
import { parseScenarioText } from '../scenario/parse.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { Mapping } from '../scenario/keys.js';
import type { Scenario } from '../scenario/schema.js';
import { loadSweep, type LoadedSweep } from '../sweep/load.js';
import { planSweep, scenarioOf, type PlannedRun, type SweepPlan } from '../sweep/plan.js';
import { replicateSeed } from '../sweep/seeds.js';
import type { SweepSpec } from '../sweep/spec.js';
import { SCAN_DIRECTIONS, candidates, chooseDirection, type Cell, type Cells, type DirectionChoice } from '../sweep/scan.js';
import { overwriteProblem, scanComment, scanResult, sensitivityOf, sweepFileText, type ScanSummary } from '../sweep/scanFile.js';

export interface ScanArgs {
  seeds: number;
  seed: number;
  agents?: number | undefined;
  days?: number | undefined;
  out?: string | undefined;
  smallOut?: string | undefined;
  workers: number;
}

/** The project's claims files: the defaults of --out and --small-out, and replaceable though hand-written. */
export const CLAIMS_FILES = {
  out: join(PROJECT_ROOT, 'scenarios/sweeps/claims.yaml'),
  smallOut: join(PROJECT_ROOT, 'scenarios/sweeps/claims-small.yaml'),
} as const;

/** A path with its folder's real path (symbolic links and `..` resolved), so a default spelled differently is still known. */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), abs.slice(dirname(abs).length + 1));
  } catch {
    return abs;
  }
}

export async function scanDirectionsCommand(args: ScanArgs): Promise<number> {
  const targets = { out: canonical(args.out ?? CLAIMS_FILES.out), smallOut: canonical(args.smallOut ?? CLAIMS_FILES.smallOut) };
  const own = [canonical(CLAIMS_FILES.out), canonical(CLAIMS_FILES.smallOut)];
  if (targets.out === targets.smallOut) return refuse(`--out and --small-out are the same file (${targets.out})`);
  for (const path of [targets.out, targets.smallOut]) {
    const problem = targetProblem(path, own);
    if (problem !== undefined) return refuse(problem);
  }
  // Each file's settings come from the file it replaces, or the project's own when it is new.
  const claims = loadSweep(existsSync(targets.out) ? targets.out : CLAIMS_FILES.out);
  const small = loadSweep(existsSync(targets.smallOut) ? targets.smallOut : CLAIMS_FILES.smallOut);
  const agents = args.agents ?? baseScenario(claims).agents;
  const days = args.days ?? baseScenario(claims).days;

  // The defaults of the scanned keys: the presets of the claims file must agree on each.
  const defaults: Record<string, number> = {};
  for (const dir of SCAN_DIRECTIONS) {
    const values = [...new Set(claims.plan.presets.map((p) => Number(valueAt(baseScenario(claims, p), dir.key))))];
    if (values.length !== 1) return refuse(`the presets of ${claims.spec.file} differ on the default of ${dir.key} (${values.join(', ')}); the scan needs one default to scale`);
    defaults[dir.key] = values[0]!;
  }

  // The scan as a sweep: the claims file with the scan's seeds, size and candidate values.
  const scanSpec: SweepSpec = {
    ...claims.spec, name: 'scan-directions', replicates: args.seeds, baseSeed: args.seed, grid: [],
    sensitivity: SCAN_DIRECTIONS.map((dir) => ({ key: dir.key, values: candidates(dir, defaults[dir.key]!).map((c) => ({ value: c.value, at: `scan.${dir.key}` })) })),
    fixed: { ...claims.spec.fixed, agents, days },
  };
  // Both files must be valid sweep files with any of the values (a fixed field that is also a direction,
  // say, would not be): found out now, not after the runs.
  const anyValue = SCAN_DIRECTIONS.map((dir) => ({ key: dir.key, decisions: [], values: candidates(dir, defaults[dir.key]!).map((c) => c.value), notes: [] }));
  checkText(targets.out, fileOf(claims, targets.out, anyValue).text);
  checkText(targets.smallOut, fileOf(small, targets.smallOut, anyValue).text);
  const origin = displayPath(claims.spec.file);
  const plan = planSweep(scanSpec, (fields, opts) => resolveScenario(fields, origin, { ...opts, loadRef }));
  const runs = plan.runs.filter((r) => r.point !== plan.points[0]!.id); // the defaults themselves choose nothing
  checkMemory([...plan.scenarios.values()], args.workers);
  process.stderr.write(`scan-directions: ${runs.length} runs (${plan.presets.length} presets x ${plan.points.length - 1} values x ${args.seeds} seeds) of ${agents} agents x ${days} days, ${args.workers} at a time\n`);

  // MODEL.md section 9: the scan's seeds are disjoint from the claims' (both files'), checked before any run.
  const scanSeeds = Array.from({ length: args.seeds }, (_, r) => replicateSeed(args.seed, r));
  for (const file of [claims, small]) {
    const theirs = new Set(Array.from({ length: file.spec.replicates }, (_, r) => replicateSeed(file.spec.baseSeed, r)));
    const shared = scanSeeds.filter((x) => theirs.has(x));
    if (shared.length > 0) return refuse(`--seed ${args.seed} --seeds ${args.seeds}: seeds ${shared.join(', ')} are also seeds of ${displayPath(file.spec.file)}; MODEL.md section 9 asks for seeds disjoint from the claims' (choose another --seed)`);
  }
  const counts = await countViable(plan, runs, args.workers);
  const cellsOf = (key: string) => (value: number): Cells => {
    const point = plan.points.find((p) => p.kind === 'sensitivity' && p.key === key && p.value === value);
    return Object.fromEntries(counts.get(point?.id ?? '') ?? []);
  };
  const choices = SCAN_DIRECTIONS.map((dir) => chooseDirection(dir, defaults[dir.key]!, plan.presets, cellsOf(dir.key)));
  const seeds = scanSeeds;
  const claimsSeeds = new Set(Array.from({ length: claims.spec.replicates }, (_, r) => replicateSeed(claims.spec.baseSeed, r)));
  const summary: ScanSummary = {
    command: commandLine(args, agents, days), presets: plan.presets, baseSeed: args.seed, replicates: args.seeds, seeds,
    sharedSeeds: seeds.filter((s) => claimsSeeds.has(s)), agents, days, defaults, choices,
  };
  const files = [fileOf(claims, targets.out, choices, summary), fileOf(small, targets.smallOut, choices, summary)];
  for (const f of files) checkText(f.path, f.text);
  for (const f of files) {
    const problem = targetProblem(f.path, own); // again: a file may have appeared while the scan ran
    if (problem !== undefined) return refuse(problem);
  }
  const written: string[] = [];
  for (const f of files) {
    writeFileAtomically(f.path, f.text);
    loadSweep(f.path);
    written.push(displayPath(f.path));
  }
  process.stdout.write(`${scanResult(summary).join('\n')}\n\nWrote ${written.join(' and ')}.\n`);
  return 0;
}

/** The text of one file the scan writes: `sweep`'s settings with the chosen values, and the comment block when the scan has run. */
function fileOf(sweep: LoadedSweep, path: string, choices: readonly DirectionChoice[], summary?: ScanSummary): { path: string; text: string } {
  const others = sweep.spec.sensitivity.filter((s) => !SCAN_DIRECTIONS.some((d) => d.key === s.key)).map((s) => ({ key: s.key, values: s.values.map((v) => v.value) }));
  const keys = sensitivityOf(choices, others);
  const gridPoints = sweep.spec.grid.reduce((n, g) => n * g.values.length, 1);
  const base = baseScenario(sweep);
  const protocol = { name: sweep.spec.name, presets: sweep.plan.presets, replicates: sweep.spec.replicates, baseSeed: sweep.spec.baseSeed,
    agents: base.agents, days: base.days, points: gridPoints * (1 + keys.reduce((n, k) => n + k.values.length, 0)), path: displayPath(path) };
  return { path, text: sweepFileText(templateOf(sweep), keys, summary === undefined ? [] : scanComment(summary, protocol)) };
}

/**
 * Make `runs` with the sweep's pool (sim/sweep/execute.ts) in a temporary folder, judge each as it
 * arrives and delete it: only the counts are kept, by point id and preset.
 */
async function countViable(plan: SweepPlan, runs: readonly PlannedRun[], workers: number): Promise<Map<string, Map<string, Cell>>> {
  const counts = new Map<string, Map<string, Cell>>();
  const work = mkdtempSync(join(tmpdir(), 'abundance-scan-'));
  const dispose = onInterrupt(() => removeDir(work));
  try {
    await executeRuns(plan, work, runs, {
      workers,
      onRun: (made, run) => {
        const dir = join(work, run.run);
        const scenario = scenarioOf(plan, run);
        const viable = viability(readMetricsCsv(join(dir, 'metrics.csv')), viabilityScope(scenario)).every((c) => c.pass);
        removeDir(dir);
        const byPreset = counts.get(run.point) ?? new Map<string, Cell>();
        counts.set(run.point, byPreset);
        const cell = byPreset.get(run.preset) ?? { viable: 0, runs: 0 };
        byPreset.set(run.preset, { viable: cell.viable + (viable ? 1 : 0), runs: cell.runs + 1 });
        if (process.stderr.isTTY) process.stderr.write(`\r  ${made}/${runs.length} runs`);
      },
    });
  } finally {
    dispose();
    removeDir(work);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  return counts;
}

/** The resolved scenario of a sweep file's first preset at its first point: its size. */
function baseScenario(sweep: LoadedSweep, preset = sweep.plan.presets[0]): Scenario {
  return sweep.plan.scenarios.get(`${preset}/${sweep.plan.points[0]!.id}`)!.scenario;
}

function refuse(message: string): number {
  process.stderr.write(`abundance scan-directions: ${message}; nothing was written\n`);
  return 2;
}

/** Why `path` may not be written: no folder to write into, not a file, or a file the scan may not replace. */
function targetProblem(path: string, own: readonly string[]): string | undefined {
  if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) return `${path}: its folder does not exist`;
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isFile()) return `${path} exists and is not a file`;
  return overwriteProblem(path, readFileSync(path, 'utf8'), own);
}

/** The file's own keys as written, to keep every setting but `sensitivity`. */
function templateOf(sweep: LoadedSweep): Mapping {
  return parseScenarioText(readFileSync(sweep.spec.file, 'utf8'), sweep.spec.file) as Mapping;
}

/** Load `text` from a temporary sibling of `path` (same folder: `extends` paths resolve alike) before it replaces anything. */
function checkText(path: string, text: string): void {
  const tmp = `${tempSibling(path)}.yaml`;
  try {
    writeFileSync(tmp, text);
    loadSweep(tmp);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const target = displayPath(path);
    const lines = error.message.split(displayPath(tmp)).join(target).split(tmp).join(target);
    throw new ScenarioError(`${lines}\n(in the sweep file the scan would write as ${target}, from the file it replaces or the project's; nothing was written)`, target, error.fieldPath);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A dotted key's value in a resolved scenario. */
function valueAt(scenario: object, key: string): unknown {
  let at: unknown = scenario;
  for (const part of key.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
  return at;
}

/** The command line that makes the same files (the worker count changes nothing in them). */
function commandLine(args: ScanArgs, agents: number, days: number): string {
  const parts = ['npx abundance scan-directions', `--seeds ${args.seeds}`, `--seed ${args.seed}`, `--agents ${agents}`, `--days ${days}`];
  if (args.out !== undefined) parts.push(`--out ${displayPath(args.out)}`);
  if (args.smallOut !== undefined) parts.push(`--small-out ${displayPath(args.smallOut)}`);
  return parts.join(' ');
}
