/**
 * A real cluster: a one-node Slurm (Debian's slurm-wlm, with munge), started here in a temporary folder
 * with its own slurm.conf, munge key and ports, runs the job array that `sweep --emit slurm` writes for
 * a small sweep in 4 shards. One task is requeued mid-run (`scontrol requeue`): Slurm stops it and runs
 * it again, and the second attempt resumes its shard. The dependent merge job then writes the sweep
 * folder, which must be byte-identical to the one-machine sweep. Needs root, `slurmctld`, `slurmd`,
 * `munged` (.ci/run installs slurm-wlm and munge); the daemons are stopped in afterAll.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abundance } from '../cli/exec.js';
import { treeDiff } from '../helpers/tree.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-slurm-'));
const slurm = join(root, 'slurm');
const work = join(root, 'work');
const conf = join(slurm, 'slurm.conf');
const env = { ...process.env, SLURM_CONF: conf };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', cwd: opts.cwd ?? work, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}${r.stderr}${r.error?.message ?? ''}`);
  return r.stdout;
}
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const pidIn = (file: string): number | undefined => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined);
const log = (name: string): string => (existsSync(join(slurm, 'log', name)) ? readFileSync(join(slurm, 'log', name), 'utf8').split('\n').slice(-15).join('\n') : '(no log)');

async function until<T>(what: string, probe: () => T | undefined | false, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nslurmctld.log:\n${log('slurmctld.log')}\nslurmd.log:\n${log('slurmd.log')}`);
    await sleep(250);
  }
}

/** One line of `scontrol show job <id>` as key=value pairs. */
function jobFields(id: string): Record<string, string> {
  const text = spawnSync('scontrol', ['show', 'job', '-o', id], { env, encoding: 'utf8' }).stdout ?? '';
  return Object.fromEntries(text.trim().split(/\s+/).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

beforeAll(async () => {
  for (const cmd of ['munged', 'slurmctld', 'slurmd', 'sbatch', 'scontrol']) {
    if (!has(cmd)) throw new Error(`${cmd} not found: this test needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge; .ci/run installs them)`);
  }
  if (userInfo().uid !== 0) throw new Error('this test starts slurmd, which must run as root (as .ci/run does)');
  chmodSync(root, 0o755);
  for (const d of ['munge', 'state', 'spool', 'log']) mkdirSync(join(slurm, d), { recursive: true });
  mkdirSync(work);
  chmodSync(join(slurm, 'munge'), 0o700);
  writeFileSync(join(slurm, 'munge', 'munge.key'), randomBytes(128), { mode: 0o600 });
  const sock = join(slurm, 'munge', 'munge.sock');
  const m = join(slurm, 'munge');
  sh('munged', ['-f', `--key-file=${m}/munge.key`, `--socket=${sock}`, `--pid-file=${m}/munged.pid`, `--log-file=${m}/munged.log`, `--seed-file=${m}/munged.seed`]);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const host = hostname();
  writeFileSync(conf, [
    'ClusterName=abundance-e2e', `SlurmctldHost=${host}`, `SlurmUser=${userInfo().username}`, `SlurmdUser=${userInfo().username}`,
    `SlurmctldPort=${port}`, `SlurmdPort=${port + 1}`,
    'AuthType=auth/munge', `AuthInfo=socket=${sock}`, 'CredType=cred/munge',
    `StateSaveLocation=${slurm}/state`, `SlurmdSpoolDir=${slurm}/spool`,
    `SlurmctldPidFile=${slurm}/slurmctld.pid`, `SlurmdPidFile=${slurm}/slurmd.pid`,
    `SlurmctldLogFile=${slurm}/log/slurmctld.log`, `SlurmdLogFile=${slurm}/log/slurmd.log`,
    // no cgroups in a container: track processes by their parent, bind no CPUs
    'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none', 'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none', 'SchedulerType=sched/backfill', 'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_CPU', 'ReturnToService=2', 'MpiDefault=none', 'SwitchType=switch/none', 'PlugStackConfig=/dev/null',
    'KillWait=5', 'MinJobAge=600',
    `NodeName=${host} CPUs=2 State=UNKNOWN`,
    'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES',
  ].join('\n') + '\n');
  sh('slurmctld', ['-f', conf, '-i']);
  sh('slurmd', ['-f', conf]);
  await until('the node to be idle', () => /idle/.test(spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' }).stdout ?? ''), 60_000);
}, 120_000);

afterAll(async () => {
  spawnSync('scancel', ['--full', '--user', userInfo().username], { env });
  await sleep(1000);
  for (const pid of [pidIn(join(slurm, 'slurmd.pid')), pidIn(join(slurm, 'slurmctld.pid')), pidIn(join(slurm, 'munge', 'munged.pid'))]) {
    if (pid === undefined || !Number.isInteger(pid)) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await sleep(1500);
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('e2e: a sweep in 4 shards on Slurm', { timeout: 600_000 }, () => {
  it('runs the emitted job array, survives a requeued task, and merges byte-identical to the one-machine sweep', async () => {
    writeFileSync(join(work, 's.yaml'), 'compare: [gift, peer-bank]\nseeds: 2\nseed: 7\nagents: 60\ndays: 300\naggregate.everyDays: 30\nsweep:\n  bank.k: [7, 90]\n');
    const one = abundance(['sweep', 's.yaml', '--out', 'one', '--workers', '2', '--quiet'], work);
    expect(one.code, one.stderr).toBe(0);
    const emitted = abundance(['sweep', 's.yaml', '--emit', 'slurm', '--shards', '4', '--out', 'merged'], work);
    expect(emitted.code, emitted.stderr).toBe(0);

    const submitted = sh('sh', ['merged.slurm/submit.sh']);
    const ids = /shards: job array (\d+); merge: job (\d+)/.exec(submitted);
    expect(ids, submitted).not.toBeNull();
    const [array, merge] = [ids![1]!, ids![2]!];

    // Task 0 (shard 1: runs 0 and 4 of the plan) once it has finished one run and is making the other.
    const shard1 = join(work, 'merged.shards', '1');
    const done = (): string[] => (existsSync(join(shard1, 'runs')) ? (readdirSync(join(shard1, 'runs'), { recursive: true }) as string[]).filter((p) => p.endsWith('manifest.json') && !p.includes('.tmp-')) : []);
    await until('shard 1 to finish its first run', () => done().length >= 1);
    expect(done()).toHaveLength(1); // mid-run: the second is under way
    sh('scontrol', ['requeue', `${array}_0`]);
    await until(`task ${array}_0 to be requeued`, () => Number(jobFields(`${array}_0`)['Restarts'] ?? 0) >= 1);
    // requeued jobs wait for their begin time; release it so the test need not wait
    await until(`task ${array}_0 to run again`, () => {
      const f = jobFields(`${array}_0`);
      if (f['JobState'] === 'PENDING') spawnSync('scontrol', ['update', `JobId=${array}_0`, 'StartTime=now'], { env });
      return f['JobState'] === 'RUNNING' || f['JobState'] === 'COMPLETED';
    });

    await until('the merge job to complete', () => {
      const state = jobFields(merge)['JobState'];
      if (state !== undefined && ['FAILED', 'CANCELLED', 'TIMEOUT'].includes(state)) throw new Error(`merge job ${state}: ${readFileSync(join(work, 'merged.slurm/logs/merge.out'), 'utf8')}`);
      return state === 'COMPLETED';
    }, 480_000);
    for (let t = 0; t < 4; t++) expect(jobFields(`${array}_${t}`)['JobState'], `task ${t}`).toBe('COMPLETED');
    expect(Number(jobFields(`${array}_0`)['Restarts'])).toBeGreaterThanOrEqual(1);
    // the second attempt resumed: it reused the run the first one finished
    const timings = JSON.parse(readFileSync(join(shard1, 'timings.json'), 'utf8'));
    expect(timings).toMatchObject({ shard: '1/4', reused: 1, ran: 1, failed: 0 });
    expect(readFileSync(join(work, 'merged.slurm/logs/merge.out'), 'utf8')).toContain('merged 4 shards: 8 runs -> merged');
    expect(treeDiff(join(work, 'one'), join(work, 'merged'))).toEqual([]);
  });
});
