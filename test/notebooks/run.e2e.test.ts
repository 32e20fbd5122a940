/**
 * The notebooks in notebooks/ run from top to bottom on the Deno kernel, as a reader would run them:
 * each is executed by nbconvert into a temporary folder, and a failing cell fails the test with that
 * cell's source and error. Needs Jupyter and the Deno kernel (installed by .ci/run), so it runs in
 * `npm run test:e2e`; the committed files are checked by notebooks.test.ts in `npm test`.
 *
 * Outputs of the executed copy are not asserted: the Deno kernel (2.9) may publish a cell's output
 * after reporting the cell done, and nbclient drops such late messages on a loaded machine. A cell's
 * failure comes with its execute reply, so it is never lost; every chart is rendered to SVG inside its
 * cell, so a chart that cannot be drawn fails its cell.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, checkToolchain, executeNotebook, notebookEnv, type Notebook } from './nbconvert.js';

const DIR = join(ROOT, 'notebooks');
const NOTEBOOKS = readdirSync(DIR).filter((f) => f.endsWith('.ipynb')).sort();
const env = notebookEnv();
/** Checked once for the whole file; every test that runs a notebook fails with its message if it fails. */
let toolchainChecked: Promise<void> | undefined;
const toolchain = (): Promise<void> => (toolchainChecked ??= checkToolchain(env));
const scratch = mkdtempSync(join(tmpdir(), 'abundance-notebooks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A notebook on the Deno kernel with one code cell per source. */
function notebookOf(sources: string[]): Notebook & { nbformat_minor: number } {
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } },
    cells: sources.map((source, i) => ({ cell_type: 'code', id: `c${i}`, source, execution_count: null, outputs: [], metadata: {} })),
  };
}

describe('notebooks (run on the Deno kernel)', () => {
  it('finds jupyter nbconvert and a working Deno kernel (the notebooks need them)', async () => {
    await toolchain();
  }, 120_000);

  for (const file of NOTEBOOKS) {
    it(`${file} runs from top to bottom without a failing cell`, async () => {
      await toolchain();
      const path = join(DIR, file);
      const committed = readFileSync(path);
      const executed = await executeNotebook(path, mkdtempSync(join(scratch, 'run-')), env);
      const code = executed.cells.filter((c) => c.cell_type === 'code');
      expect(code.length).toBeGreaterThan(0);
      expect(code.map((c) => c.execution_count)).toEqual(code.map((_, i) => i + 1));
      expect(readFileSync(path).equals(committed), `${file} was rewritten by its execution`).toBe(true);
    }, 300_000);
  }

  it('reports a failing cell by its number, its source and its error', async () => {
    await toolchain();
    const dir = mkdtempSync(join(scratch, 'failing-'));
    const path = join(dir, 'failing.ipynb');
    writeFileSync(path, JSON.stringify(notebookOf(['const x = 41;', "throw new Error(`deliberate failure ${x + 1}`);", "console.log('not reached');"])));
    const failure = await executeNotebook(path, join(dir, 'out'), env).then(() => 'no failure', (e: Error) => e.message);
    expect(failure).toContain('failing.ipynb: cell 2 (id c1) failed.');
    expect(failure).toContain('throw new Error(`deliberate failure ${x + 1}`);');
    expect(failure).toContain('deliberate failure 42');
  }, 120_000);

});
