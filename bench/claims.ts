/**
 * The claims workload in a fresh process (part of `npm run bench`): the real command line,
 * `node sim/cli/abundance.js sweep <file> --out <dir> --workers 1 --quiet`, as a user starts it (from
 * its bundle, built first by an untimed `--version` if the sources changed), on a sweep of `market`,
 * `two-token` and `peer-bank` on the same `seeds` seeds, 500 agents x 1095 days (the claims protocol's
 * runs), one worker thread, into a temporary folder, summarising every `aggregate.everyDays` days as
 * scenarios/sweeps/claims.yaml does (read from it; a summary of every day would cost 14 times as much as
 * the protocol's and, at 2 seeds, as much CPU as the runs). Prints JSON with the agent-days made, the
 * command's CPU seconds (user + system of all its threads and of the processes it waited for: start-up,
 * runs, writing and aggregation), its wall seconds and its peak memory; the folder is deleted.
 *
 * Linux only: the CPU is this process's children's (`cutime` + `cstime` of /proc/self/stat, in ticks of
 * 1/100 s, before and after the command), the peak memory the command's own (`process.resourceUsage()`
 * at its exit, written to a pipe by a one-line `--import`). Where the CPU went, by thread: the command's
 * /proc/<pid>/task/<tid>/stat read every 20 ms while it runs (a thread's last reading is about 20 ms
 * before it ends, so they add up to a little less than the CPU above), as `threads`: the main
 * thread's seconds (start-up, the progress of the runs, finishing: runs.csv, summary.csv, the Parquet
 * files), then every other thread's, largest first. With
 * one worker the largest is the sweep's worker thread (the runs and their files); the others are
 * Node's and V8's own, mostly V8's optimising compiler, which compiles in background threads (they fall
 * to almost nothing under `node --no-concurrent-recompilation`, and the worker's time grows instead).
 *
 *   tsx bench/claims.ts [seeds = 1] [agents = 500] [days = 1095] [--set path=value ...]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLAIMS_PRESETS, claimsEveryDays, type ClaimsMeasurement } from './claimsWorkload.js';
import { freshCliEntry } from '../sim/io/bundleCache.js';

const argv = process.argv.slice(2);
const set: string[] = [];
const positional: string[] = [];
for (let k = 0; k < argv.length; k++) {
  if (argv[k] === '--set') set.push(argv[++k] ?? '');
  else positional.push(argv[k]!);
}
const [seedsArg = '1', agentsArg = '500', daysArg = '1095'] = positional;
const BIN = fileURLToPath(new URL('../sim/cli/abundance.js', import.meta.url));
/** Writes the command's own resource usage to fd 3 as it exits (its peak memory: getrusage(RUSAGE_SELF)). */
const USAGE_AT_EXIT = "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(3,JSON.stringify(process.resourceUsage())))";
const TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/stat times on every Linux ABI
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** CPU seconds of this process's children that have been waited for (/proc/self/stat fields 16 and 17). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ": field 3 onwards
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / TICKS_PER_SECOND;
}

/** utime + stime of /proc/<field 3 onwards> of a stat line, in seconds. */
function statCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[14 - 3]) + Number(fields[15 - 3])) / TICKS_PER_SECOND;
}

/** The CPU seconds of each thread of process `pid` now, added to `last` (a thread that has ended keeps its last reading). */
function readThreads(pid: number, last: Map<string, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return; // the process has ended
  }
  for (const tid of tids) {
    try {
      last.set(tid, statCpuSeconds(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

interface Finished { status: number | null; signal: NodeJS.Signals | null; stderr: string; usage: string; threads: { main: number; others: number[] } }

/** Run the command, reading its threads' CPU every 20 ms; resolves when it has exited. */
function runWatched(args: string[]): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    const last = new Map<string, number>();
    if (pid === undefined) return; // not started: 'error' follows
    const timer = setInterval(() => readThreads(pid, last), 20);
    let stderr = '';
    let usage = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => { usage += d.toString(); });
    // The readings stop when the child is reaped: after that its pid may be another process's.
    child.on('exit', () => clearInterval(timer));
    child.on('error', (error) => {
      clearInterval(timer);
      fail(error);
    });
    child.on('close', (status, signal) => {
      const main = last.get(String(pid)) ?? 0;
      const others = [...last].filter(([tid]) => tid !== String(pid)).map(([, s]) => s).filter((s) => s > 0).sort((a, b) => b - a);
      done({ status, signal, stderr, usage, threads: { main, others } });
    });
  });
}

const warm = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
if (warm.status !== 0) throw new Error(`bench/claims: abundance --version failed: ${warm.stderr}`);
// The command must start from its bundle, as a user's does, not from the sources under tsx.
if (warm.stderr !== '' || freshCliEntry(fileURLToPath(new URL('..', import.meta.url))) === undefined) {
  throw new Error(`bench/claims: the command line does not start from its bundle here, so it would be timed under tsx${warm.stderr === '' ? ' (is the temporary folder usable?)' : `: ${warm.stderr.trim()}`}`);
}
const dir = mkdtempSync(join(tmpdir(), 'abundance-bench-claims-'));
try {
  const file = join(dir, 'claims.yaml');
  writeFileSync(file, `compare: [ ${CLAIMS_PRESETS.join(', ')} ]\nseeds: ${seedsArg}\nseed: 1\nagents: ${agentsArg}\ndays: ${daysArg}\naggregate:\n  everyDays: ${claimsEveryDays()}\n`);
  const out = join(dir, 'out');
  const args = ['--import', USAGE_AT_EXIT, BIN, 'sweep', file, '--out', out, '--workers', '1', '--quiet', ...set.flatMap((s) => ['--set', s])];
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const child = await runWatched(args);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  if (child.status !== 0) throw new Error(`bench/claims: the sweep exited with ${child.status ?? child.signal}: ${child.stderr}`);
  const usage = JSON.parse(child.usage) as NodeJS.ResourceUsage;
  const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').length - 1;
  const measured: ClaimsMeasurement = {
    runs,
    agentDays: runs * Number(agentsArg) * Number(daysArg),
    cpuSeconds,
    wallSeconds,
    maxRssBytes: usage.maxRSS * 1024,
    threads: { main: round2(child.threads.main), others: child.threads.others.map(round2) },
  };
  process.stdout.write(JSON.stringify(measured) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
