/**
 * sim/sweep/emit and `sweep --emit`: the Slurm job array with its dependent merge, and the Kubernetes
 * Indexed Job with its merge Job, name the right shards, parse (YAML for k8s), and are the same text
 * every time; the CLI writes them beside the sweep folder and refuses bad flags with exit 2.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { emitK8s, emitSlurm, k8sName, type EmitInput } from '../../sim/sweep/emit.js';
import { abundance, tempDir, writeScenario } from '../cli/exec.js';

const input: EmitInput = { name: 'claims small', file: 'scenarios/sweeps/claims-small.yaml', out: 'runs/cs', shards: 4, workers: 2, workDir: '/home/u/abundance', command: 'node /home/u/abundance/sim/cli/abundance.js' };
const byName = (files: { name: string; text: string }[]): Record<string, string> => Object.fromEntries(files.map((f) => [f.name, f.text]));

describe('sweep/emit', () => {
  it('slurm: a job array 0..n-1 with --requeue, task t making shard t+1 with --resume, and the merge of every shard after it (afterok)', () => {
    const f = byName(emitSlurm(input));
    expect(Object.keys(f)).toEqual(['shards.sbatch', 'merge.sbatch', 'submit.sh']);
    const shards = f['shards.sbatch']!;
    for (const line of ['#SBATCH --array=0-3', '#SBATCH --requeue', '#SBATCH --cpus-per-task=2', '#SBATCH --chdir=/home/u/abundance', '#SBATCH --output=runs/cs.slurm/logs/shard-%a.out', 'i=$((SLURM_ARRAY_TASK_ID + 1))']) expect(shards.split('\n')).toContain(line);
    expect(shards).toContain('exec $ABUNDANCE sweep scenarios/sweeps/claims-small.yaml --shard "$i/4" --out runs/cs.shards/"$i" --resume --workers 2 --quiet');
    expect(shards).toContain('ABUNDANCE="${ABUNDANCE:-node /home/u/abundance/sim/cli/abundance.js}"');
    expect(shards).toContain('--job-name=abundance-claims_small\n');
    expect(f['merge.sbatch']).toContain('for i in $(seq 1 4); do dirs+=(runs/cs.shards/"$i"); done');
    expect(f['merge.sbatch']).toContain('exec $ABUNDANCE merge "${dirs[@]}" --out runs/cs');
    expect(f['submit.sh']).toContain('array=$(sbatch --parsable runs/cs.slurm/shards.sbatch)');
    expect(f['submit.sh']).toContain('merge=$(sbatch --parsable --dependency=afterok:"$array" runs/cs.slurm/merge.sbatch)');
    expect(byName(emitSlurm(input))).toEqual(f); // deterministic
  });

  it('k8s: an Indexed Job (completions n, backoff per index, JOB_COMPLETION_INDEX -> shard) and a merge Job of every shard', () => {
    const f = byName(emitK8s(input));
    expect(Object.keys(f)).toEqual(['shards.yaml', 'merge.yaml', 'submit.sh']);
    const docs = parseAllDocuments(f['shards.yaml']!);
    expect(docs).toHaveLength(1);
    const job = parse(f['shards.yaml']!);
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'abundance-claims-small-shards' }, spec: { completionMode: 'Indexed', completions: 4, parallelism: 4, backoffLimitPerIndex: 3, template: { spec: { restartPolicy: 'Never' } } } });
    const [sh, c, script] = job.spec.template.spec.containers[0].command;
    expect([sh, c]).toEqual(['sh', '-c']);
    expect(script).toContain('i=$((JOB_COMPLETION_INDEX + 1));');
    expect(script).toContain('sweep scenarios/sweeps/claims-small.yaml --shard "$i/4" --out runs/cs.shards/"$i" --resume --workers 2');
    const merge = parse(f['merge.yaml']!);
    expect(merge).toMatchObject({ kind: 'Job', metadata: { name: 'abundance-claims-small-merge' } });
    expect(merge.spec.template.spec.containers[0].command[2]).toContain('while [ "$i" -le 4 ]; do dirs="$dirs runs/cs.shards/$i"');
    expect(merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName);
    expect(f['submit.sh']).toContain('kubectl wait --for=condition=complete --timeout=-1s job/abundance-claims-small-shards');
    expect(byName(emitK8s(input))).toEqual(f);
    expect(k8sName('Claims: Small/Ω')).toBe('abundance-claims-small');
  });

  it('--run-files none is passed to every shard\'s sweep (the merge reads either form); csv, the default, adds nothing', () => {
    const none = { ...input, runFiles: 'none' as const };
    expect(byName(emitSlurm(none))['shards.sbatch']).toContain('--resume --workers 2 --run-files none --quiet');
    expect(parse(byName(emitK8s(none))['shards.yaml']!).spec.template.spec.containers[0].command[2]).toContain('--resume --workers 2 --run-files none --quiet');
    expect(byName(emitSlurm({ ...input, runFiles: 'csv' }))).toEqual(byName(emitSlurm(input)));
  });
});

describe('cli: sweep --emit', { timeout: 120_000 }, () => {
  const cwd = tempDir('cli-emit');
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  writeScenario(cwd, 's.yaml', 'compare: [gift, peer-bank]\nseeds: 3\nagents: 20\ndays: 20\n');

  it('writes <out>.slurm/ and <out>.k8s/ beside the sweep folder, runs nothing, and the same files again', () => {
    const r = abundance(['sweep', 's.yaml', '--emit', 'slurm', '--shards', '4', '--out', 'out/s'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('slurm: 6 runs in 4 shards');
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['s.slurm']);
    expect(readdirSync(join(cwd, 'out/s.slurm')).sort()).toEqual(['logs', 'merge.sbatch', 'shards.sbatch', 'submit.sh']);
    expect(statSync(join(cwd, 'out/s.slurm/submit.sh')).mode & 0o111).not.toBe(0);
    const text = readFileSync(join(cwd, 'out/s.slurm/shards.sbatch'), 'utf8');
    expect(text).toContain('--shard "$i/4" --out out/s.shards/"$i"');
    expect(abundance(['sweep', 's.yaml', '--emit', 'slurm', '--shards', '4', '--out', 'out/s'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'out/s.slurm/shards.sbatch'), 'utf8')).toBe(text);
    // Once the scheduler has written logs, emitting again would delete them: refused, the logs kept.
    writeFileSync(join(cwd, 'out/s.slurm/logs/shard-0.out'), 'a failed shard\n');
    const logged = abundance(['sweep', 's.yaml', '--emit', 'slurm', '--shards', '4', '--out', 'out/s'], cwd);
    expect(logged.code).toBe(2);
    expect(logged.stderr).toContain('holds the logs of an earlier submission (logs/shard-0.out)');
    expect(readFileSync(join(cwd, 'out/s.slurm/logs/shard-0.out'), 'utf8')).toBe('a failed shard\n');
    expect(abundance(['sweep', 's.yaml', '--emit', 'k8s', '--shards', '2', '--out', 'out/s'], cwd).code).toBe(0);
    expect(parse(readFileSync(join(cwd, 'out/s.k8s/shards.yaml'), 'utf8')).spec.completions).toBe(2);
  });

  it('refuses --emit without --shards, --shards without --emit, another scheduler, a folder of other files, with exit 2', () => {
    const cases: [string[], string][] = [
      [['--emit', 'slurm'], '--emit slurm needs --shards <n>'],
      [['--shards', '3'], '--shards goes with --emit slurm|k8s'],
      [['--emit', 'pbs', '--shards', '2'], 'Choices: "slurm", "k8s"'],
      [['--emit', 'slurm', '--shards', '0'], '--shards expects a whole number from 1 to 100000, got 0'],
      [['--emit', 'slurm', '--shards', '2', '--resume'], '--emit runs nothing, so --resume does not apply'],
    ];
    for (const [args, text] of cases) {
      const r = abundance(['sweep', 's.yaml', '--out', 'o2', ...args], cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(text);
    }
    expect(existsSync(join(cwd, 'o2.slurm'))).toBe(false);
    writeFileSync(join(cwd, 'notes.txt'), 'mine');
    const r = abundance(['sweep', 's.yaml', '--emit', 'slurm', '--shards', '2', '--out', 'o3'], cwd);
    expect(r.code).toBe(0);
    writeFileSync(join(cwd, 'o3.slurm', 'mine.txt'), 'mine');
    const again = abundance(['sweep', 's.yaml', '--emit', 'slurm', '--shards', '2', '--out', 'o3'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('holds files this command did not write (mine.txt)');
    expect(readFileSync(join(cwd, 'o3.slurm', 'mine.txt'), 'utf8')).toBe('mine');
  });
});
