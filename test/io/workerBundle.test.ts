import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workerExecArgv, workerFile } from '../../sim/io/workerBundle.js';
import { runInWorker } from '../../sim/io/worker.js';
import { RUN_FILES, simulateToFiles } from '../../sim/io/runFiles.js';
import { simulate } from '../../sim/engine/simulate.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-worker-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('io/workerBundle: worker threads start from an esbuild bundle, without tsx', { timeout: 120_000 }, () => {
  it('drops only tsx\'s loader flags from the execArgv a thread inherits, and turns source maps on', () => {
    const maps = '--enable-source-maps';
    expect(workerExecArgv(['--import', 'tsx'])).toEqual([maps]);
    expect(workerExecArgv(['--import=tsx', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512', maps]);
    // What the tsx command passes to the node it starts.
    expect(workerExecArgv([
      '--require', '/p/node_modules/tsx/dist/preflight.cjs',
      '--import', 'file:///p/node_modules/tsx/dist/loader.mjs',
      maps,
    ])).toEqual([maps]);
    expect(workerExecArgv(['--import', 'tsx/esm'])).toEqual([maps]);
    // Other loaders and flags pass on, as Node's default would.
    expect(workerExecArgv(['--import', './my-hooks.mjs', '--stack-size=2000'])).toEqual(['--import', './my-hooks.mjs', '--stack-size=2000', maps]);
    expect(workerExecArgv(['-r', 'dotenv/config'])).toEqual(['-r', 'dotenv/config', maps]);
  });

  it('names the folder and what to do when the temporary folder cannot be written', async () => {
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = join(root, 'no-such-folder');
    try {
      const file = join(root, 'plain.ts');
      writeFileSync(file, 'export default function one(): number { return 1; }\n');
      await expect(workerFile(pathToFileURL(file))).rejects.toThrow(/cannot write the worker threads' code to .*no-such-folder.*: set TMPDIR to a folder you can write to/);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });

  it('a failure on a bundled thread names the TypeScript source in its stack', async () => {
    const { scenario } = loadScenarioFile('two-token', { overrides: { agents: 10, days: 5 } });
    const error = await runInWorker({ dir: join(root, 'missing', 'run'), scenario, audit: false }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).stack).toMatch(/sim[\\/]io[\\/]runFiles\.ts:\d+/);
    expect((error as Error).stack).not.toMatch(/abundance-simWorker-/);
  });

  it('bundles a worker once per process into a self-contained module, named for its content, that exports its entry', async () => {
    const entry = new URL('../../sim/sweep/worker.ts', import.meta.url);
    const first = workerFile(entry);
    expect(workerFile(entry)).toBe(first);
    const url = await first;
    const path = fileURLToPath(url);
    expect(dirname(path)).toBe(tmpdir());
    expect(basename(path)).toMatch(/^abundance-worker-[0-9a-f]{16}\.mjs$/);
    const code = readFileSync(path, 'utf8');
    // No import of a package or of a project file is left: from the temporary folder none would resolve.
    const imports = [...code.matchAll(/^import\s.*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((s) => !s.startsWith('node:') && !/^[a-z_]+$/.test(s))).toEqual([]);
    const mod = (await import(url.href)) as { default: unknown };
    expect(typeof mod.default).toBe('function');
  });

  it('refuses a worker that reads import.meta, naming its source', async () => {
    const file = join(root, 'meta.ts');
    writeFileSync(file, 'export default function where(): string { return import.meta.url; }\n');
    await expect(workerFile(pathToFileURL(file))).rejects.toThrow(/meta\.ts: a worker bundle may not read import\.meta/);
  });

  it('a run made on a bundled thread has the bytes of the same run made in this thread', async () => {
    const { scenario } = loadScenarioFile('two-token', { overrides: { agents: 40, days: 60, seed: 7 } });
    const onThread = join(root, 'thread');
    const here = join(root, 'here');
    mkdirSync(onThread);
    mkdirSync(here);
    let progress = 0;
    await runInWorker({ dir: onThread, scenario, audit: false }, () => { progress++; });
    simulateToFiles(here, scenario, simulate, {});
    expect(progress).toBeGreaterThan(0);
    for (const file of [RUN_FILES.metrics, RUN_FILES.agents, RUN_FILES.flows]) {
      expect(readFileSync(join(onThread, file)).equals(readFileSync(join(here, file))), file).toBe(true);
    }
  });
});
