/**
 * The `abundance` command line: parse with yargs, then run one command.
 *
 *   abundance run <scenario> [--seed --days --agents --set k=v ... --out --audit --no-report --quiet]
 *   abundance validate <scenario..>
 *   abundance presets
 *   abundance compare-presets [--out --agents --days --seed --presets]   (what `npm start` runs)
 *   abundance viability [--presets --seeds --agents --days --workers --set k=v ... --abundance]   (`npm run viability`)
 *   abundance scan-directions [--seeds --seed --agents --days --out --small-out --workers]   (`npm run scan-directions`)
 *   abundance calibrate [--seeds --agents --days --workers --prior-years --zeta --max-gain --write]   (`npm run calibrate`)
 *   abundance compare <sweepdir> [--baseline --metrics]   (paired differences -> compare.csv)
 *   abundance sensitivity <sweepdir> [--metrics --second-order --bootstrap --out]   (Sobol'/Morris indices of a sampled sweep -> sensitivity.csv)
 *   abundance report <dir>            (re)write the report of a run, comparison or sweep folder
 *   abundance publish <reportsDir>    index.html linking every report below a folder
 *   abundance explore [scenario] [--seed --days --agents --set k=v ... --out FILE]   (a page with a run's charts and the try-it panel)
 *   abundance sweep <file> [--workers --out --resume --replace --report --run-files --set k=v ... --quiet --shard i/n]   (npm start)
 *   abundance sweep <file> --emit slurm|k8s --shards n [--out --workers --run-files]   (scheduler files, runs nothing)
 *   abundance merge <dirs..> --out DIR [--report --allow-failed]   (shard folders -> one sweep folder)
 *
 * Exit codes: 0 done; 2 usage error (unknown command or flag, missing argument, bad number), invalid
 * scenario or refused output folder (sim/io/outputPath.ts), with nothing written; 1 any other error
 * (an engine invariant, say; a sweep whose runs partly failed); 130 Ctrl-C (143 SIGTERM, 129 SIGHUP).
 * yargs only parses here: a handler records the job, which runs after parsing, so usage errors and
 * errors of the work itself never mix. Commands are imported when they run, so `--help` and usage
 * errors answer at once, without loading the engine and the chart renderer.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ScenarioError } from '../scenario/errors.js';
import { AnalysisError } from '../analysis/errors.js';
import { ReportError } from '../report/errors.js';
import { OutputPathError } from '../io/outputPath.js';
import { projectPackage } from '../io/manifest.js';
import type { RunFilesMode } from '../io/runData.js';
import { numberList, numberOption, presetsOption, seedsOption, shardOption } from './options.js';
import type { Shard } from '../sweep/shard.js';
import { DEFAULT_GRID } from '../analysis/calibration.js';

type Job = () => Promise<number>;

/** The parser, before parsing: the job a command's handler recorded and the usage error, read after parsing. */
export interface CommandLine { parser: Argv; job: () => Job | undefined; usageError: () => string | undefined }

/**
 * commandLine(argv) -> the configured parser of every command, positional and option. Defining it runs
 * nothing, so docs/cli.md is generated from it (sim/cli/docsCli.ts).
 */
export function commandLine(argv: string[]): CommandLine {
  let job: Job | undefined;
  let usageError: string | undefined;
  const parser = yargs(argv)
    .scriptName('abundance')
    .usage('$0 <command> [options]\n\nSimulate a two-token economy of digital production.')
    .command('run <scenario>', 'Run a scenario file (or a preset name) into a run folder', (y) => y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml/.json) or preset name' })
      .option('seed', numberOption('seed', 'Seed of the run (overrides the file)'))
      .option('days', numberOption('days', 'Days to simulate (overrides the file)'))
      .option('agents', numberOption('agents', 'Number of agents (overrides the file)'))
      .option('set', { type: 'string', array: true, nargs: 1, describe: 'Override a field: --set demurrage.rate=0.08 (repeatable)' })
      .option('out', { type: 'string', describe: 'Run folder [default: runs/<name>-s<seed>]: a new or empty folder, or an earlier run folder (replaced whole); anything else is refused' })
      .option('audit', { type: 'boolean', default: false, describe: 'Re-derive every balance from the posting log each day (slow)' })
      .option('report', { type: 'boolean', default: true, describe: 'Write charts and report.md/.html (--no-report to skip)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no summary' }),
    (a) => { job = async () => (await import('./run.js')).runCommand({ ...a, seed: a.seed as number | undefined, days: a.days as number | undefined, agents: a.agents as number | undefined }); })
    .command('explore [scenario]', 'Write one standalone page (--out, default explore.html) with the charts of a run of the scenario and a panel that runs the model again in the browser', (y) => y
      .positional('scenario', { type: 'string', default: 'two-token', describe: 'Scenario file or preset name' })
      .option('seed', numberOption('seed', 'Seed of the run'))
      .option('days', numberOption('days', 'Days to simulate'))
      .option('agents', numberOption('agents', 'Number of agents'))
      .option('set', { type: 'string', array: true, nargs: 1, describe: 'Override a field: --set demurrage.rate=0.08 (repeatable)' })
      .option('out', { type: 'string', describe: 'The page to write: a new file, or one abundance explore wrote (replaced); anything else is refused' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no summary' }),
    (a) => { job = async () => (await import('./explore.js')).exploreCommand({ ...a, seed: a.seed as number | undefined, days: a.days as number | undefined, agents: a.agents as number | undefined }); })
    .command('validate <scenario..>', 'Check scenario files without running them', (y) => y
      .positional('scenario', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' }),
    (a) => { job = async () => (await import('./validate.js')).validateCommand({ scenario: a.scenario }); })
    .command('presets', 'List the presets a scenario can extend', (y) => y,
      () => { job = async () => (await import('./presets.js')).presetsCommand(); })
    .command('compare-presets', 'Run presets on the same seed and write a comparison report', (y) => y
      .option('out', { type: 'string', default: 'reports/latest', describe: 'Report folder (runs go in <out>/runs/<preset>): a new or empty folder, or an earlier compare-presets folder (replaced whole)' })
      .option('agents', numberOption('agents', 'Number of agents', 1000))
      .option('days', numberOption('days', 'Days to simulate', 3650))
      .option('seed', numberOption('seed', 'Seed shared by every preset', 1))
      .option('presets', presetsOption('Comma-separated preset names'))
      .option('audit', { type: 'boolean', default: false, describe: 'Re-derive every balance from the posting log each day (slow)' }),
    (a) => { job = async () => (await import('./comparePresets.js')).comparePresetsCommand({ ...a, presets: a.presets as string, agents: a.agents as number, days: a.days as number, seed: a.seed as number }); })
    .command('viability', 'Run the viability protocol (MODEL.md section 13) and print each criterion', (y) => y
      .option('presets', presetsOption('Comma-separated preset names'))
      .option('seeds', seedsOption('Comma-separated seeds', '1,2,3'))
      .option('agents', numberOption('agents', 'Number of agents', 1000))
      .option('days', numberOption('days', 'Days to simulate', 3650))
      .option('workers', numberOption('workers', 'Runs at a time (worker threads)', 2, { integer: true, min: 1 }))
      .option('set', { type: 'string', array: true, nargs: 1, describe: 'Override a field of every run, e.g. --set production.sigma=1 (repeatable)' })
      .option('abundance', { type: 'boolean', default: false, describe: 'The abundance stress (MODEL.md section 13): only the presets with money, each with rnd.zeta x3, learning.priorYears / 3 and learning.floor 0.02. The factors apply to each preset\'s resolved values, so a --set of rnd.zeta or learning.priorYears is multiplied too; learning.floor is 0.02 whatever --set says' }),
    (a) => { job = async () => (await import('./viability.js')).viabilityCommand({ presets: a.presets as string, seeds: a.seeds as string, agents: a.agents as number, days: a.days as number, workers: a.workers as number, set: a.set, abundance: a.abundance }); })
    .command('scan-directions', 'The viability scan of MODEL.md section 9: choose the values of the sensitivity directions (participation.piMin, bank.k, credit.lambdaDays) and write them into the claims sweep files; at the defaults 550 runs, ~14 minutes on 2 free cores', (y) => y
      .option('seeds', numberOption('seeds', 'Replicates per preset and value, seeded as a sweep with this many seeds', 10, { integer: true, min: 1, max: 10_000 }))
      .option('seed', numberOption('seed', 'Base seed of the scan, as a sweep file\'s seed (disjoint from the claims\' seeds)', 1001, { integer: true, min: 0, max: 2 ** 32 - 1 }))
      .option('agents', numberOption('agents', 'Number of agents [default: the claims file\'s]', undefined, { integer: true, min: 1 }))
      .option('days', numberOption('days', 'Days to simulate [default: the claims file\'s]', undefined, { integer: true, min: 1 }))
      .option('out', { type: 'string', describe: 'The claims sweep file to write [default: scenarios/sweeps/claims.yaml of the project]; an existing file is replaced only if the scan wrote it (its first line says so) or it is the project\'s' })
      .option('small-out', { type: 'string', describe: 'The small claims file, given the same directions and keeping its own seeds and size [default: scenarios/sweeps/claims-small.yaml of the project]; replaced on the same terms' })
      .option('workers', numberOption('workers', 'Runs at a time (worker threads)', 2, { integer: true, min: 1 })),
    (a) => { job = async () => (await import('./scanDirections.js')).scanDirectionsCommand({ seeds: a.seeds as number, seed: a.seed as number, agents: a.agents as number | undefined, days: a.days as number | undefined, out: a.out, smallOut: a['small-out'], workers: a.workers as number }); })
    .command('calibrate', 'Search learning.priorYears x rnd.zeta x rnd.maxGain so that market\'s cost_index falls 0.11-0.17 log points a year (MODEL.md section 6)', (y) => y
      .option('seeds', numberOption('seeds', 'Seeds 1..N per point', 10, { integer: true, min: 1 }))
      .option('agents', numberOption('agents', 'Number of agents', 500, { integer: true, min: 1 }))
      .option('days', numberOption('days', 'Days to simulate: at least 1095, so that P (days 90-1094) is whole', 1095, { integer: true, min: 1095 }))
      .option('workers', numberOption('workers', 'Runs at a time (worker threads)', 2, { integer: true, min: 1 }))
      .option('prior-years', { type: 'string', coerce: numberList('prior-years'), default: DEFAULT_GRID.priorYears, describe: 'Comma-separated values of learning.priorYears' })
      .option('zeta', { type: 'string', coerce: numberList('zeta'), default: DEFAULT_GRID.zeta, describe: 'Comma-separated values of rnd.zeta' })
      .option('max-gain', { type: 'string', coerce: numberList('max-gain'), default: DEFAULT_GRID.maxGain, describe: 'Comma-separated values of rnd.maxGain' })
      .option('write', { type: 'boolean', default: false, describe: 'Write the chosen point into sim/scenario/calibrated.ts (the defaults)' }),
    (a) => { job = async () => (await import('./calibrate.js')).calibrateCommand({ seeds: a.seeds as number, agents: a.agents as number, days: a.days as number, workers: a.workers as number, priorYears: a['prior-years'], zeta: a.zeta, maxGain: a['max-gain'], write: a.write }); })
    .command('compare <sweepdir>', 'Paired differences across seeds between presets (or points) of a sweep folder; writes compare.csv', (y) => y
      .positional('sweepdir', { type: 'string', demandOption: true, describe: 'Sweep folder (written by abundance sweep)' })
      .option('baseline', { type: 'string', describe: 'Preset to compare the others with [default: gift, else the first]; in a single-preset sweep a point id [default: base]' })
      .option('metrics', { type: 'string', describe: 'Comma-separated metrics.csv columns or claim statistics (stat_...) [default: the key metrics of docs/sweeps.md]' }),
    (a) => { job = async () => (await import('./compare.js')).compareCommand({ sweepdir: a.sweepdir, baseline: a.baseline, metrics: a.metrics }); })
    .command('sensitivity <sweepdir>', 'Global sensitivity of a sweep made from a sample: design (Sobol\' S1, ST, or Morris mu*, sigma, with bootstrap 95 % intervals, and the seed-noise share); writes sensitivity.csv, see docs/sensitivity.md', (y) => y
      .positional('sweepdir', { type: 'string', demandOption: true, describe: 'Sweep folder of a sweep file with sample: (written by abundance sweep or merge)' })
      .option('metrics', { type: 'string', describe: 'Comma-separated runs.csv columns: metrics, claim statistics (stat_...), viable [default: every stat_... and goods_released, cost_index, funded_share, gini_income]' })
      .option('second-order', { type: 'boolean', default: false, describe: 'Also the second-order indices S2 of every pair of factors (sobol designs)' })
      .option('bootstrap', numberOption('bootstrap', 'Bootstrap resamples of the 95 % intervals (0: no intervals)', 1000, { integer: true, min: 0, max: 100_000 }))
      .option('out', { type: 'string', describe: 'The CSV to write [default: <sweepdir>/sensitivity.csv]; an existing file is replaced only if it is a sensitivity.csv' }),
    (a) => { job = async () => (await import('./sensitivity.js')).sensitivityCommand({ sweepdir: a.sweepdir, metrics: a.metrics, secondOrder: a['second-order'], bootstrap: a.bootstrap as number, out: a.out }); })
    .command('report <dir>', 'Write the report of a run, comparison or sweep folder (report.html, report.md, charts/) into it', (y) => y
      .positional('dir', { type: 'string', demandOption: true, describe: 'Run folder, compare-presets folder or sweep folder' }),
    (a) => { job = async () => (await import('./report.js')).reportCommand({ dir: a.dir }); })
    .command('publish <reportsDir>', 'Write <reportsDir>/index.html linking every report.html below it, newest first', (y) => y
      .positional('reportsDir', { type: 'string', demandOption: true, describe: 'Folder holding reports (e.g. reports/)' }),
    (a) => { job = async () => (await import('./publish.js')).publishCommand({ reportsDir: a.reportsDir }); })
    .command('sweep <file>', 'Run a sweep file (presets x points x seeds) into a sweep folder: runs.csv, summary.csv and the Parquet files of docs/data.md', (y) => y
      .positional('file', { type: 'string', demandOption: true, describe: 'Sweep file (.yaml/.json), see docs/sweeps.md' })
      .option('workers', numberOption('workers', 'Runs at a time, each on a worker thread [default: the number of cores]', undefined, { integer: true, min: 1 }))
      .option('out', { type: 'string', describe: 'Sweep folder [default: runs/<name>]. An existing sweep folder is refused (never replaced or mixed) unless --resume or --replace; a folder of other files always' })
      .option('resume', { type: 'boolean', default: false, describe: 'Reuse the complete runs (with manifest.json, same scenario) of an earlier sweep into --out and make the rest' })
      .option('set', { type: 'string', array: true, nargs: 1, describe: 'Override a field of every run, e.g. --set agents=200 (repeatable; not a swept key, not seed)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no header; still prints where runs.csv and summary.csv are' })
      .option('report', { type: 'boolean', default: false, describe: 'Then evaluate the claims (claims.json) and write the report (report.html, report.md, charts/) into the folder' })
      .option('replace', { type: 'boolean', default: false, describe: 'Make the whole sweep in a temporary folder that replaces --out when complete (an interrupted sweep leaves the old one)' })
      .option('run-files', { type: 'string', choices: ['csv', 'none'] as const, default: 'csv', describe: 'What each run folder keeps: csv = metrics.csv and agents.csv; none = only metrics.parquet, agents.parquet and manifest.json, for big sweeps (the sweep\'s runs/summary/metrics files are written either way, also by abundance merge from shards made with either; --report works with both; abundance compare needs csv: docs/data.md)' })
      .option('shard', shardOption('Make only shard i of n (run k of sweep.json goes to shard (k mod n) + 1) into --out, a shard folder for abundance merge; see docs/scale-out.md'))
      .option('emit', { type: 'string', choices: ['slurm', 'k8s'], describe: 'Run nothing: write the scheduler files of a sweep in --shards shards into <out>.slurm/ or <out>.k8s/ (a Slurm job array and a dependent merge job, or a Kubernetes Indexed Job and a merge Job); see docs/scale-out.md' })
      .option('shards', numberOption('shards', 'The number of shards of --emit (one scheduler task each)', undefined, { integer: true, min: 1, max: 100_000 })),
    (a) => { job = a.emit !== undefined || a.shards !== undefined ? async () => emitJob(a) : async () => (await import('./sweep.js')).sweepCommand({ file: a.file, workers: a.workers as number | undefined, out: a.out, resume: a.resume, set: a.set, quiet: a.quiet, report: a.report, replace: a.replace, shard: a.shard as Shard | undefined, runFiles: a.runFiles as RunFilesMode }); })
    .command('merge <dirs..>', 'Put the shard folders of one sweep (sweep --shard i/n) together into a sweep folder, byte-identical to the one-machine sweep', (y) => y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'The shard folders, one per shard (any order)' })
      .option('out', { type: 'string', demandOption: true, describe: 'The sweep folder to write: a new or empty folder, or an earlier sweep folder (replaced whole when the merge is complete)' })
      .option('report', { type: 'boolean', default: false, describe: 'Then evaluate the claims (claims.json) and write the report into the merged folder' })
      .option('allow-failed', { type: 'boolean', default: false, describe: 'Merge even though some runs failed (failed.csv of a shard): they are listed in the merged failed.csv and the report, and left out of runs.csv, summary.csv and metrics.parquet' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress messages on stderr' }),
    (a) => { job = async () => (await import('./merge.js')).mergeCommand({ dirs: a.dirs as string[], out: a.out, report: a.report, allowFailed: a['allow-failed'], quiet: a.quiet }); })
    .demandCommand(1, 'Name a command: run, validate, presets, compare-presets, viability, scan-directions, calibrate, sweep, merge, compare, sensitivity, report, publish or explore')
    .strict()
    .help()
    .alias('help', 'h')
    .version(projectPackage().version)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      usageError ??= message ?? error?.message ?? 'invalid command line';
    });
  return { parser, job: () => job, usageError: () => usageError };
}

/** `sweep --emit`: both --emit and --shards, and none of the flags of a sweep that runs. */
async function emitJob(a: { file: string; emit?: string | undefined; shards?: unknown; out?: string | undefined; workers?: unknown; set?: string[] | undefined; shard?: unknown; resume?: boolean; replace?: boolean; report?: boolean; runFiles?: string }): Promise<number> {
  const fail = (text: string): number => {
    process.stderr.write(`abundance: ${text}\n`);
    return 2;
  };
  if (a.emit === undefined) return fail('--shards goes with --emit slurm|k8s (to run one shard here: --shard i/n)');
  if (a.shards === undefined) return fail(`--emit ${a.emit} needs --shards <n>, the number of shards (scheduler tasks)`);
  const clash = (['shard', 'resume', 'replace', 'report'] as const).filter((k) => a[k] !== undefined && a[k] !== false);
  if (clash.length > 0) return fail(`--emit runs nothing, so --${clash[0]} does not apply (the emitted jobs pass their own flags)`);
  return (await import('./emit.js')).emitCommand({ file: a.file, emit: a.emit as 'slurm' | 'k8s', shards: a.shards as number, out: a.out, workers: a.workers as number | undefined, set: a.set, runFiles: (a.runFiles ?? 'csv') as RunFilesMode });
}

/** Run the CLI on `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const line = commandLine(argv);
  await line.parser.parseAsync();
  const usageError = line.usageError();
  const job = line.job();
  if (usageError !== undefined) {
    process.stderr.write(`abundance: ${usageError}\nRun "abundance --help" (or "abundance <command> --help") for usage.\n`);
    return 2;
  }
  if (job === undefined) return 0; // --help or --version was printed
  try {
    return await job();
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof AnalysisError || error instanceof ReportError || error instanceof OutputPathError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`abundance: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Run `main` on this process's arguments and exit with its code. */
export async function cli(): Promise<never> {
  const code = await main(hideBin(process.argv));
  process.exit(code);
}

// Started directly (`npx tsx sim/cli/main.ts ...`, docs/cli.md) rather than imported by the bin script or
// its bundle (sim/cli/abundance.js; in the bundle import.meta.url is still this file's, sim/io/bundle.ts).
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) await cli();
