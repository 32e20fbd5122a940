/**
 * Test helper: run the real `abundance` binary (node sim/cli/abundance.js) in a folder and collect its
 * exit code and output, as a user's shell would see them (stderr is a pipe, so no progress bar).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempFolder } from '../helpers/tempFolders.js';

export const BIN = fileURLToPath(new URL('../../sim/cli/abundance.js', import.meta.url));

export interface Exec { code: number | null; stdout: string; stderr: string }

export function abundance(args: readonly string[], cwd: string): Exec {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh empty folder for one test, removed when its test file ends (test/helpers/tempFolders.ts). */
export function tempDir(tag: string): string {
  return tempFolder(tag);
}

/** Write `text` to `dir/name` and return the name (tests pass relative paths, as users do). */
export function writeScenario(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** Everything in a folder, sorted. */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * Start a long `abundance run` in `dir` (into runs/big), wait until its temporary folder appears, send
 * `signal`, and resolve to the exit code: how the interrupt tests see a run stopped half-way.
 */
export async function interruptRun(dir: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, 'run', 'gift', '--agents', '2000', '--days', '20000', '--out', 'runs/big'], { cwd: dir });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!(existsSync(join(dir, 'runs')) && readdirSync(join(dir, 'runs')).length > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const made = readdirSync(join(dir, 'runs'))[0];
  await new Promise((r) => setTimeout(r, 500));
  child.kill(signal);
  const code = await exited;
  if (!/^big\.tmp-\d+-[0-9a-f]+$/.test(made ?? '')) throw new Error(`the run made ${String(made)}, not a temporary folder runs/big.tmp-<pid>-<hex>`);
  return code;
}
