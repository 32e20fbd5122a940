/**
 * sim/cli/abundance.js: the bin starts the command line from its esbuild bundle (sim/io/bundle.ts) and
 * answers as the sources under tsx do; a change of any source gives a new bundle (never a stale one);
 * two processes building at once agree; and when no bundle can be kept it runs from the sources,
 * silently. The staleness checks run on a copy of the checkout (sim/, package.json, tsconfig.json and a
 * link to node_modules), so the sources under test are never touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from './exec.js';
import { cliFolderName, freshCliEntry } from '../../sim/io/bundleCache.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'sim', 'cli', 'main.ts');
const root = tempDir('cli-bin');
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Answer { code: number | null; stdout: string; stderr: string }
const env = (tmp?: string): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...(tmp === undefined ? {} : { TMPDIR: tmp }) });
/** The bin (of `bin`, this checkout's by default) with TMPDIR `tmp` (the user's if undefined). */
const viaBin = (args: readonly string[], tmp?: string, bin = BIN): Answer => answer(spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env: env(tmp) }));
/** The command line from its sources under tsx, as the bin ran it before the bundle. */
const viaTsx = (args: readonly string[]): Answer => answer(spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: env() }));
const answer = (r: { status: number | null; stdout: string; stderr: string }): Answer => ({ code: r.status, stdout: r.stdout, stderr: r.stderr });

/** A copy of the checkout whose sources a test may change, and a temporary folder of its own. */
function checkoutCopy(name: string): { copy: string; tmp: string; bin: string } {
  const copy = join(root, name);
  mkdirSync(copy);
  cpSync(join(ROOT, 'sim'), join(copy, 'sim'), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(copy, file));
  cpSync(join(ROOT, 'scenarios'), join(copy, 'scenarios'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const tmp = join(root, `${name}-tmp`);
  mkdirSync(tmp);
  return { copy, tmp, bin: join(copy, 'sim', 'cli', 'abundance.js') };
}

/** freshCliEntry of `copy` with TMPDIR `tmp` (os.tmpdir() reads it at each call). */
function entryWith(copy: string, tmp: string): URL | undefined {
  const saved = process.env['TMPDIR'];
  process.env['TMPDIR'] = tmp;
  try {
    return freshCliEntry(copy);
  } finally {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
}

describe('cli/abundance.js: the bin starts from a bundle of the sources', { timeout: 240_000 }, () => {
  it('answers as the sources under tsx do: help, version (read from package.json beside the sources), presets, a valid and an invalid scenario, a usage error', () => {
    for (const args of [['--help'], ['--version'], ['presets'], ['validate', 'scenarios/two-token.yaml'], ['validate', 'scenarios/nope.yaml'], ['run', 'two-token', '--seed', 'abc']]) {
      expect(viaBin(args), args.join(' ')).toEqual(viaTsx(args));
    }
  });

  it('runs from the sources under tsx, saying nothing, when the bundle folder cannot be made or is not this user\'s alone', () => {
    const blocked = join(root, 'blocked');
    mkdirSync(blocked);
    writeFileSync(join(blocked, `abundance-${process.getuid?.() ?? ''}`.replace(/-$/, '')), ''); // a file where the folder should be
    const open = join(root, 'open');
    mkdirSync(open);
    mkdirSync(join(open, `abundance-${process.getuid?.() ?? ''}`.replace(/-$/, '')), { mode: 0o777 });
    chmodSync(join(open, `abundance-${process.getuid?.() ?? ''}`.replace(/-$/, '')), 0o777); // others may write: refused
    for (const tmp of [blocked, open]) {
      for (const args of [['presets'], ['validate', 'scenarios/nope.yaml']]) {
        expect(viaBin(args, tmp), `${tmp}: ${args.join(' ')}`).toEqual(viaTsx(args));
      }
    }
  });

  it('two processes building the bundle at once agree; it is used while the sources hold, and builds a new one when any changes', async () => {
    const { copy, tmp, bin } = checkoutCopy('stale');
    const before = viaTsx(['presets']).stdout;
    const both = await Promise.all([0, 1].map(() => new Promise<Answer>((resolve) => {
      const child = spawn(process.execPath, [bin, 'presets'], { cwd: copy, env: env(tmp) });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    })));
    for (const r of both) expect(r).toEqual({ code: 0, stdout: before, stderr: '' });
    const first = entryWith(copy, tmp);
    expect(first).toBeDefined();
    expect(fileURLToPath(first!).startsWith(join(tmp, `abundance-${process.getuid?.() ?? ''}`.replace(/-$/, ''), cliFolderName(copy)))).toBe(true);
    expect(viaBin(['presets'], tmp, bin).stdout).toBe(before);
    expect(entryWith(copy, tmp)?.href).toBe(first!.href);

    // A module the entry reaches only through a lazy import(), far from main.ts.
    const presets = join(copy, 'sim', 'cli', 'presets.ts');
    writeFileSync(presets, readFileSync(presets, 'utf8').replace('return 0;', 'process.stdout.write(`changed\\n${new Error(\'here\').stack ?? \'\'}\\n`);\n  return 0;'));
    expect(entryWith(copy, tmp)).toBeUndefined();
    const after = viaBin(['presets'], tmp, bin);
    expect(after.code).toBe(0);
    expect(after.stdout.startsWith(`${before}changed\n`)).toBe(true);
    // The stack names the TypeScript source, not the bundle in the temporary folder.
    expect(after.stdout).toMatch(new RegExp(`${presets.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
    const second = entryWith(copy, tmp);
    expect(second).toBeDefined();
    expect(second!.href).not.toBe(first!.href); // the entry imports the changed chunk, so its own name changed too
    expect(existsSync(first!)).toBe(true); // the old version stays for processes that may still load it
  });

  it('a source removed or a tsconfig.json changed makes the bundle stale too', () => {
    const { copy, tmp, bin } = checkoutCopy('removed');
    expect(viaBin(['presets'], tmp, bin).code).toBe(0);
    expect(entryWith(copy, tmp)).toBeDefined();
    const tsconfig = join(copy, 'tsconfig.json');
    writeFileSync(tsconfig, readFileSync(tsconfig, 'utf8').replace('"strict": true', '"strict": true '));
    expect(entryWith(copy, tmp)).toBeUndefined();
    expect(viaBin(['presets'], tmp, bin).code).toBe(0);
    expect(entryWith(copy, tmp)).toBeDefined();
    rmSync(join(copy, 'sim', 'cli', 'presets.ts'));
    expect(entryWith(copy, tmp)).toBeUndefined();
  });

  it('a command started from the bundle starts its worker threads from the same build; one started from the sources bundles its own, and the runs are the same bytes', () => {
    const { copy, tmp, bin } = checkoutCopy('workers');
    const sweepFile = join(root, 'workers.yaml');
    writeFileSync(sweepFile, 'compare: [ two-token ]\nseeds: 2\nseed: 1\nagents: 20\ndays: 30\n');
    const userFolder = join(tmp, `abundance-${process.getuid?.() ?? ''}`.replace(/-$/, ''));
    const ownBundles = (): string[] => readdirSync(userFolder).filter((f) => /^(worker|simWorker)-.*\.mjs$/.test(f));
    const sweep = (out: string, via: 'bin' | 'tsx'): Answer => via === 'bin'
      ? viaBin(['sweep', sweepFile, '--out', out, '--workers', '1', '--quiet'], tmp, bin)
      : answer(spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'sim', 'cli', 'main.ts'), 'sweep', sweepFile, '--out', out, '--workers', '1', '--quiet'], { cwd: copy, encoding: 'utf8', env: env(tmp) }));
    const stamped = join(root, 'workers-stamped');
    const fromBundle = sweep(stamped, 'bin');
    expect(fromBundle.code).toBe(0);
    expect(fromBundle.stderr).toBe(''); // no note: it ran from the bundle
    expect(ownBundles()).toEqual([]); // and its threads from the worker built with the command line
    // Started from the sources under tsx, with the bundle's stamp still holding: its main thread runs the
    // sources, so its threads do too, bundled by this process.
    expect(entryWith(copy, tmp)).toBeDefined();
    const own = join(root, 'workers-own');
    expect(sweep(own, 'tsx').code).toBe(0);
    expect(ownBundles().filter((f) => f.startsWith('worker-'))).toHaveLength(1);
    for (const file of ['runs.csv', 'summary.csv', 'metrics.parquet', 'runs/two-token/base/r000/metrics.csv', 'runs/two-token/base/r001/agents.csv']) {
      expect(readFileSync(join(own, file)).equals(readFileSync(join(stamped, file))), file).toBe(true);
    }
  });

  it('a bundle that cannot be built is named in one line on stderr, and the command runs from the sources', () => {
    const { copy, tmp, bin } = checkoutCopy('unbuildable');
    // A JSON import: the bundle's stamp could not follow it (not TypeScript), so the build refuses it.
    writeFileSync(join(copy, 'sim', 'cli', 'extra.json'), '{ "x": 1 }\n');
    const presets = join(copy, 'sim', 'cli', 'presets.ts');
    writeFileSync(presets, `import extra from './extra.json' with { type: 'json' };\nvoid extra;\n${readFileSync(presets, 'utf8')}`);
    const r = viaBin(['presets'], tmp, bin);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(viaTsx(['presets']).stdout);
    expect(r.stderr).toMatch(/^abundance: the command line's bundle could not be built \(.*extra\.json.*\); running from the sources under tsx\n$/);
  });
});
