/**
 * Scheduler files for a sharded sweep (docs/scale-out.md): `abundance sweep <file> --emit slurm|k8s
 * --shards n --out DIR`. Pure text, deterministic for the same arguments; sim/cli/emit.ts writes it.
 *
 * The folders, all siblings, all on a filesystem every task sees (a shared filesystem, a volume):
 *
 *   DIR            the merged sweep folder, written by the merge job
 *   DIR.shards/i   shard i's folder (`sweep --shard i/n --out DIR.shards/i --resume`), i = 1..n
 *   DIR.slurm/     shards.sbatch (a job array --array=0-(n-1), task t -> shard t+1, --requeue),
 *                  merge.sbatch, submit.sh (sbatch the array, then the merge with
 *                  --dependency=afterok:<array job>), logs/
 *   DIR.k8s/       shards.yaml (an Indexed Job: completions n, JOB_COMPLETION_INDEX t -> shard t+1,
 *                  backoffLimitPerIndex), merge.yaml (the merge Job), submit.sh (apply, wait, apply)
 *
 * Every shard task runs with --resume, so a task run again (Slurm requeue, a retried pod) keeps the runs
 * its killed attempt finished and makes the rest.
 */
import { posix } from 'node:path';

export type Scheduler = 'slurm' | 'k8s';
export const SCHEDULERS: readonly Scheduler[] = ['slurm', 'k8s'];

export interface EmitInput {
  /** The sweep's name (job names). */
  name: string;
  /** The sweep file and the merged folder, as the jobs see them (relative to `workDir`, or absolute). */
  file: string;
  out: string;
  shards: number;
  /** Worker threads per shard task (its CPUs). */
  workers: number;
  /** Slurm: the folder the jobs run in (--chdir); the project's command line, overridable by $ABUNDANCE. */
  workDir: string;
  command: string;
  /** `none`: each shard's runs keep only Parquet (`--run-files none`, docs/data.md); the merge reads either. */
  runFiles?: 'csv' | 'none';
}

export interface EmittedFile { name: string; text: string; executable?: boolean }

/** A word for sh, in single quotes unless it needs none. */
export const shq = (s: string): string => (/^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Where the scheduler files of `out` go, and where shard i's folder is. */
/** The shard commands' ` --run-files none`, or nothing (csv is the default). */
const runFilesFlag = (e: EmitInput): string => (e.runFiles === 'none' ? ' --run-files none' : '');

export const schedulerDir = (out: string, scheduler: Scheduler): string => `${out}.${scheduler}`;
export const shardsDir = (out: string): string => `${out}.shards`;
export const shardDir = (out: string, i: number): string => posix.join(shardsDir(out), String(i));

/** A Kubernetes name (RFC 1123 label) from the sweep's name. */
export function k8sName(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return `abundance-${base === '' ? 'sweep' : base}`;
}

export function emitSlurm(e: EmitInput): EmittedFile[] {
  const dir = schedulerDir(e.out, 'slurm');
  const job = `abundance-${e.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}`;
  const head = (what: string): string[] => [
    '#!/bin/bash',
    `# Written by abundance sweep --emit slurm --shards ${e.shards} for the sweep ${e.file}: ${what} (docs/scale-out.md).`,
  ];
  const abundance = `ABUNDANCE="\${ABUNDANCE:-${e.command}}"`;
  const shards = [
    ...head(`one shard per array task, task t making shard t+1 of ${e.shards}`),
    `#SBATCH --job-name=${job}`,
    `#SBATCH --array=0-${e.shards - 1}`,
    '#SBATCH --requeue',
    `#SBATCH --cpus-per-task=${e.workers}`,
    `#SBATCH --chdir=${e.workDir}`,
    `#SBATCH --output=${dir}/logs/shard-%a.out`,
    'set -euo pipefail',
    abundance,
    'i=$((SLURM_ARRAY_TASK_ID + 1))',
    '# Only one attempt of a task runs at a time: the lock an attempt killed outright left (requeued to',
    '# another node, say) is its own, so it is removed; --resume keeps the runs that attempt finished.',
    `rm -f ${shq(shardsDir(e.out))}/"$i".lock`,
    `exec $ABUNDANCE sweep ${shq(e.file)} --shard "$i/${e.shards}" --out ${shq(shardsDir(e.out))}/"$i" --resume --workers ${e.workers}${runFilesFlag(e)} --quiet`,
  ];
  const merge = [
    ...head('the merge of the shards, run once every array task has succeeded (afterok)'),
    `#SBATCH --job-name=${job}-merge`,
    '#SBATCH --cpus-per-task=1',
    `#SBATCH --chdir=${e.workDir}`,
    `#SBATCH --output=${dir}/logs/merge.out`,
    'set -euo pipefail',
    abundance,
    'dirs=()',
    `for i in $(seq 1 ${e.shards}); do dirs+=(${shq(shardsDir(e.out))}/"$i"); done`,
    `exec $ABUNDANCE merge "\${dirs[@]}" --out ${shq(e.out)}`,
  ];
  const submit = [
    '#!/bin/sh',
    `# Written by abundance sweep --emit slurm: submit the ${e.shards} shards of ${e.file} as a job array, then`,
    '# the merge as a job that starts only when every task of the array has succeeded.',
    'set -eu',
    `cd ${shq(e.workDir)}`,
    `array=$(sbatch --parsable ${shq(`${dir}/shards.sbatch`)})`,
    'array=${array%%;*}',
    `merge=$(sbatch --parsable --dependency=afterok:"$array" ${shq(`${dir}/merge.sbatch`)})`,
    'merge=${merge%%;*}',
    'echo "shards: job array $array; merge: job $merge (after the array succeeds)"',
  ];
  return [
    { name: 'shards.sbatch', text: shards.join('\n') + '\n', executable: true },
    { name: 'merge.sbatch', text: merge.join('\n') + '\n', executable: true },
    { name: 'submit.sh', text: submit.join('\n') + '\n', executable: true },
  ];
}

/** The image and mount of the k8s files: docs/scale-out.md says how to build the image and make the volume. */
export const K8S = { image: 'abundance:latest', app: '/app', claim: 'abundance-data', mount: '/data' } as const;

export function emitK8s(e: EmitInput): EmittedFile[] {
  const name = k8sName(e.name);
  const cli = `node ${K8S.app}/sim/cli/abundance.js`;
  const q = (s: string): string => JSON.stringify(s);
  const pod = (args: string, cpu: number): string[] => [
    '      restartPolicy: Never',
    '      containers:',
    '        - name: abundance',
    `          image: ${K8S.image}`,
    `          workingDir: ${K8S.mount}`,
    `          command: ["sh", "-c", ${q(args)}]`,
    `          resources: { requests: { cpu: "${cpu}" } }`,
    '          volumeMounts:',
    `            - { name: data, mountPath: ${K8S.mount} }`,
    '      volumes:',
    `        - { name: data, persistentVolumeClaim: { claimName: ${K8S.claim} } }`,
  ];
  const comment = (what: string): string[] => [
    `# Written by abundance sweep --emit k8s --shards ${e.shards} for the sweep ${e.file}: ${what} (docs/scale-out.md).`,
    `# The image ${K8S.image} holds the project at ${K8S.app}; the volume claim ${K8S.claim} (ReadWriteMany) at ${K8S.mount} holds the sweep file and the folders.`,
  ];
  const shardCmd = `i=$((JOB_COMPLETION_INDEX + 1)); rm -f ${shq(shardsDir(e.out))}/"$i".lock; exec ${cli} sweep ${shq(e.file)} --shard "$i/${e.shards}" --out ${shq(shardsDir(e.out))}/"$i" --resume --workers ${e.workers}${runFilesFlag(e)} --quiet`;
  const mergeCmd = `dirs=""; i=1; while [ "$i" -le ${e.shards} ]; do dirs="$dirs ${shq(shardsDir(e.out))}/$i"; i=$((i + 1)); done; exec ${cli} merge $dirs --out ${shq(e.out)}`;
  const shards = [
    ...comment(`an Indexed Job, completion index t making shard t+1 of ${e.shards}`),
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: ${name}-shards`,
    'spec:',
    '  completionMode: Indexed',
    `  completions: ${e.shards}`,
    `  parallelism: ${e.shards}`,
    '  backoffLimitPerIndex: 3',
    '  template:',
    '    spec:',
    ...pod(shardCmd, e.workers),
  ];
  const merge = [
    ...comment('the merge Job, applied by submit.sh once the shards Job is complete'),
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: ${name}-merge`,
    'spec:',
    '  backoffLimit: 1',
    '  template:',
    '    spec:',
    ...pod(mergeCmd, 1),
  ];
  const dir = schedulerDir(e.out, 'k8s');
  const submit = [
    '#!/bin/sh',
    `# Written by abundance sweep --emit k8s: run the ${e.shards} shards of ${e.file} as an Indexed Job, wait`,
    '# until it is complete, then run the merge Job. (Kubernetes Jobs have no dependencies of their own.)',
    'set -eu',
    `kubectl apply -f ${shq(`${dir}/shards.yaml`)}`,
    `kubectl wait --for=condition=complete --timeout=-1s job/${name}-shards`,
    `kubectl apply -f ${shq(`${dir}/merge.yaml`)}`,
    `kubectl wait --for=condition=complete --timeout=-1s job/${name}-merge`,
  ];
  return [
    { name: 'shards.yaml', text: shards.join('\n') + '\n' },
    { name: 'merge.yaml', text: merge.join('\n') + '\n' },
    { name: 'submit.sh', text: submit.join('\n') + '\n', executable: true },
  ];
}

export const emitFiles = (scheduler: Scheduler, e: EmitInput): EmittedFile[] => (scheduler === 'slurm' ? emitSlurm(e) : emitK8s(e));
