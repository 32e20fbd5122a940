import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workerFile } from '../../sim/io/workerBundle.js';
import { SWEEP_WORKER } from '../../sim/io/workerEntries.js';
import { runInWorker } from '../../sim/io/worker.js';
import { RUN_FILES, simulateToFiles } from '../../sim/io/runFiles.js';
import { simulate } from '../../sim/engine/simulate.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-worker-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('io/workerBundle: worker threads start from an esbuild bundle, without tsx', { timeout: 120_000 }, () => {
  it('a V8 or process-wide flag given to the parent does not stop the threads (Node refuses them in a thread\'s own list)', () => {
    const script = join(root, 'flags.mts');
    writeFileSync(script, [
      `import { runInWorker } from ${JSON.stringify(new URL('../../sim/io/worker.ts', import.meta.url).pathname)};`,
      `import { loadScenarioFile } from ${JSON.stringify(new URL('../../sim/scenario/file.ts', import.meta.url).pathname)};`,
      "import { mkdirSync } from 'node:fs';",
      `const dir = ${JSON.stringify(join(root, 'flags-run'))};`,
      'mkdirSync(dir);',
      "const { scenario } = loadScenarioFile('two-token', { overrides: { agents: 10, days: 3 } });",
      'const result = await runInWorker({ dir, scenario, audit: false });',
      'console.log(`made ${result.days} days`);',
    ].join('\n'));
    const out = execFileSync(process.execPath, ['--max-old-space-size=512', '--stack-size=2000', '--expose-gc', '--import', 'tsx', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('made 3 days');
  });

  it('says which folder and what to do when the temporary folder cannot hold the bundles', async () => {
    const saved = process.env['TMPDIR'];
    writeFileSync(join(root, 'a-file'), '');
    process.env['TMPDIR'] = join(root, 'a-file'); // a file where the folder should be: nothing can be made in it
    try {
      const file = join(root, 'plain.ts');
      writeFileSync(file, 'export default function one(): number { return 1; }\n');
      await expect(workerFile(pathToFileURL(file))).rejects.toThrow(/cannot make the folder for the code abundance runs, .*a-file.*: set TMPDIR to a folder you can write to/);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });

  it.runIf(process.getuid !== undefined)('refuses a bundle folder other users may write to, and writes a bundle again when it was removed', async () => {
    const saved = process.env['TMPDIR'];
    const tmp = join(root, 'tmp');
    mkdirSync(tmp);
    process.env['TMPDIR'] = tmp;
    try {
      const open = join(tmp, `abundance-${process.getuid!()}`);
      mkdirSync(open);
      chmodSync(open, 0o777);
      const file = join(root, 'two.ts');
      writeFileSync(file, 'export default function two(): number { return 2; }\n');
      await expect(workerFile(pathToFileURL(file))).rejects.toThrow(/abundance-\d+ holds the code abundance runs, but other users may write to it: remove it/);
      chmodSync(open, 0o700);
      const url = await workerFile(pathToFileURL(file));
      rmSync(url); // as a cleaner of the temporary folder might, during a long sweep
      expect((await workerFile(pathToFileURL(file))).href).toBe(url.href);
      expect(readFileSync(url, 'utf8')).toContain('function two');
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

  it('bundles a worker into a self-contained module in this user\'s folder, named for its content, that exports its entry', async () => {
    // A temporary folder with no command line's bundle in it (whose build of the worker would be used
    // instead: test/cli/bin.test.ts), so this process bundles the worker itself.
    const saved = process.env['TMPDIR'];
    const fresh = join(root, 'fresh-tmp');
    mkdirSync(fresh);
    process.env['TMPDIR'] = fresh;
    let url: URL;
    let again: URL;
    try {
      [url, again] = await Promise.all([workerFile(SWEEP_WORKER), workerFile(SWEEP_WORKER)]);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
    expect(again.href).toBe(url.href);
    const path = fileURLToPath(url);
    expect(basename(dirname(path))).toBe(`abundance-${process.getuid?.() ?? ''}`.replace(/-$/, ''));
    expect(basename(path)).toMatch(/^worker-[0-9a-f]{16}\.mjs$/);
    const code = readFileSync(path, 'utf8');
    // No import of a package or of a project file is left: from the temporary folder none would resolve.
    const imports = [...code.matchAll(/^import\s.*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((s) => !s.startsWith('node:') && !/^[a-z_]+$/.test(s))).toEqual([]);
    const mod = (await import(url.href)) as { default: unknown };
    expect(typeof mod.default).toBe('function');
  });

  it('a bundled worker\'s import.meta.url, .filename and .dirname name its source, not the bundle', async () => {
    const file = join(root, 'meta.ts');
    writeFileSync(file, 'export default function where(): string[] { return [import.meta.url, import.meta.filename, import.meta.dirname]; }\n');
    const url = await workerFile(pathToFileURL(file));
    expect(fileURLToPath(url)).not.toBe(file);
    const mod = (await import(url.href)) as { default: () => string[] };
    expect(mod.default()).toEqual([pathToFileURL(file).href, file, dirname(file)]);
  });

  it('refuses a worker that reads import.meta otherwise, naming its source and line', async () => {
    const file = join(root, 'resolve.ts');
    writeFileSync(file, '// import.meta.resolve in a comment is no use\nexport default function where(): string { return import.meta.resolve(\'./x.js\'); }\n');
    await expect(workerFile(pathToFileURL(file))).rejects.toThrow(/resolve\.ts: a bundle may read import\.meta only as import\.meta\.url, \.filename or \.dirname .*resolve\.ts:2/);
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
