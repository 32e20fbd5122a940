/**
 * The notebooks in notebooks/ as committed: the three docs/notebooks.md describes, each on the Deno kernel and
 * without stored outputs (diffs stay readable, a notebook shows only what it computes when run), and the
 * help the runner gives when Jupyter or the kernel is missing. Running them needs Jupyter and the Deno
 * kernel: that is test/notebooks/run.e2e.test.ts, in `npm run test:e2e`.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_HELP, ROOT, checkToolchain, kernelProblem, notebookEnv, readNotebook } from './nbconvert.js';

const DIR = join(ROOT, 'notebooks');
const NOTEBOOKS = readdirSync(DIR).filter((f) => f.endsWith('.ipynb')).sort();
const env = notebookEnv();
const scratch = mkdtempSync(join(tmpdir(), 'abundance-notebooks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('notebooks (as committed)', () => {
  it('holds the three notebooks docs/notebooks.md describes', () => {
    expect(NOTEBOOKS).toEqual(expect.arrayContaining(['compare-policies.ipynb', 'explore-a-run.ipynb', 'parquet.ipynb']));
  });

  for (const file of NOTEBOOKS) {
    it(`${file} names the Deno kernel and is committed without outputs`, () => {
      const nb = readNotebook(join(DIR, file));
      expect(nb.nbformat).toBe(4);
      expect(nb.metadata.kernelspec).toMatchObject({ name: 'deno', language: 'typescript' });
      const stored = nb.cells
        .map((c, i) => ({ i: i + 1, c }))
        .filter(({ c }) => c.cell_type === 'code' && ((c.outputs?.length ?? 0) > 0 || (c.execution_count ?? null) !== null))
        .map(({ i }) => i);
      expect(stored, `cells ${stored.join(', ')} of ${file} hold outputs; clear them before committing: ` +
        `jupyter nbconvert --clear-output --inplace notebooks/${file}`).toEqual([]);
    });
  }

  it('says how to install jupyter when it is missing', async () => {
    const empty = mkdtempSync(join(scratch, 'no-jupyter-'));
    await expect(checkToolchain({ ...env, PATH: empty })).rejects.toThrow(/jupyter is not installed[\s\S]*apt-get install[\s\S]*deno jupyter --install/);
    expect(INSTALL_HELP).toContain('jupyter-nbconvert');
  }, 60_000);

  it('says what is wrong with the kernel list: no Deno kernel, or one whose program is gone', () => {
    expect(kernelProblem({ kernelspecs: { python3: { resource_dir: '/k/python3', spec: { argv: ['python3'] } } } }))
      .toBe('jupyter has no kernel named "deno" (kernels: python3).');
    expect(kernelProblem({ kernelspecs: { deno: { resource_dir: '/k/deno', spec: { argv: ['/nowhere/bin/deno', 'jupyter', '--kernel'] } } } }))
      .toMatch(/runs \/nowhere\/bin\/deno, which does not exist/);
    expect(kernelProblem({ kernelspecs: { deno: { resource_dir: '/k/deno', spec: { argv: [process.execPath, 'jupyter'] } } } })).toBeUndefined();
    expect(kernelProblem({ kernelspecs: { deno: { resource_dir: '/k/deno', spec: { argv: ['deno', 'jupyter'] } } } })).toBeUndefined();
  });
});
