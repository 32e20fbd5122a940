/**
 * Executes a notebook on the Deno kernel with `jupyter nbconvert --execute`, as CI does, and turns a
 * failure into a message that names the notebook, the cell and its error.
 *
 * The executed copy goes to a directory the caller chooses; the notebook itself is never rewritten.
 * The kernel runs with the notebook's own folder as its working directory (nbconvert's default), so
 * `notebooks/deno.json` applies. A missing jupyter or Deno kernel is an error with the commands that
 * install them, never a skip: CI installs both (.ci/run), and a notebook that was not run is not
 * known to work.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const INSTALL_HELP = [
  'The notebooks need Jupyter (nbconvert) and the Deno kernel. On Debian or Ubuntu:',
  '  apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client',
  '  PATH=/usr/bin:$PATH npx deno jupyter --install     # registers the kernel "deno" (deno comes from npm)',
  '.ci/run does both.',
].join('\n');

/** A notebook file, as much of nbformat 4 as the checks read. */
export interface Notebook {
  nbformat: number;
  metadata: { kernelspec?: { name?: string; display_name?: string; language?: string } };
  cells: { cell_type: string; id?: string; source: string | string[]; execution_count?: number | null; outputs?: unknown[] }[];
}

export const readNotebook = (path: string): Notebook => JSON.parse(readFileSync(path, 'utf8')) as Notebook;

const sourceOf = (cell: Notebook['cells'][number]): string => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);

/** The environment the kernel runs in: the project's deno first, then Debian's jupyter (not a pyenv
 * shim that may come first on PATH), no colour codes in messages, no update check. */
export function notebookEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, PATH: [join(ROOT, 'node_modules', '.bin'), '/usr/bin', base.PATH ?? ''].join(':'), NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
}

interface Output { code: number | string | null; stdout: string; stderr: string }

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Output> {
  return new Promise((done) => {
    execFile(command, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as NodeJS.ErrnoException).code ?? error.signal ?? 1) : 0, stdout, stderr });
    });
  });
}

/** What is wrong with the Deno kernel in `jupyter kernelspec list --json` output, or undefined if nothing. */
export function kernelProblem(kernelspecs: unknown): string | undefined {
  const specs = (kernelspecs as { kernelspecs?: Record<string, { resource_dir?: string; spec?: { argv?: string[] } }> }).kernelspecs ?? {};
  const deno = specs.deno;
  if (deno === undefined) return `jupyter has no kernel named "deno" (kernels: ${Object.keys(specs).join(', ') || 'none'}).`;
  const program = deno.spec?.argv?.[0];
  if (program === undefined) return `the "deno" kernel in ${deno.resource_dir ?? '?'} has no command line.`;
  if (isAbsolute(program) && !existsSync(program)) {
    return `the "deno" kernel in ${deno.resource_dir ?? '?'} runs ${program}, which does not exist (registered from another checkout?).`;
  }
  return undefined;
}

/** Fails, with how to install them, unless jupyter nbconvert runs and a usable Deno kernel is registered. */
export async function checkToolchain(env: NodeJS.ProcessEnv): Promise<void> {
  // Both at once: each starts a Python interpreter, seconds on a loaded machine.
  const [nbconvert, list] = await Promise.all([
    run('jupyter', ['nbconvert', '--version'], env, 60_000),
    run('jupyter', ['kernelspec', 'list', '--json'], env, 60_000),
  ]);
  if (nbconvert.code !== 0) {
    const why = nbconvert.code === 'ENOENT' ? 'jupyter is not installed (not found on PATH)' : `\`jupyter nbconvert --version\` failed: ${nbconvert.stderr.trim().split('\n').slice(-3).join(' ')}`;
    throw new Error(`${why}.\n${INSTALL_HELP}`);
  }
  let problem: string | undefined;
  try {
    problem = list.code === 0 ? kernelProblem(JSON.parse(list.stdout)) : `\`jupyter kernelspec list\` failed: ${list.stderr.trim()}`;
  } catch {
    problem = `\`jupyter kernelspec list --json\` printed no JSON: ${list.stdout.slice(0, 200)}`;
  }
  if (problem !== undefined) throw new Error(`${problem}\n${INSTALL_HELP}`);
}

/** The failing cell's number (1-based, code and Markdown cells counted) and id, found by its source. */
function locateCell(notebook: Notebook, source: string): string {
  const i = notebook.cells.findIndex((c) => c.cell_type === 'code' && sourceOf(c).trim() === source.trim());
  return i < 0 ? 'a cell' : `cell ${i + 1}${notebook.cells[i]!.id ? ` (id ${notebook.cells[i]!.id})` : ''}`;
}

/** nbconvert's report of a failure: from nbclient's "An error occurred while executing the following
 * cell" on (the cell's source, then the error and its stack), else the end of stderr. */
export function failureText(notebookPath: string, stderr: string): string {
  const clean = stderr.replace(/\u001b\[[0-9;]*m/g, '');
  const at = clean.indexOf('An error occurred while executing the following cell');
  if (at < 0) return `${basename(notebookPath)} did not run:\n${clean.trim().split('\n').slice(-25).join('\n')}`;
  const report = clean.slice(at).trim();
  const source = /-{10,}\n([\s\S]*?)\n-{10,}/.exec(report)?.[1] ?? '';
  return `${basename(notebookPath)}: ${locateCell(readNotebook(notebookPath), source)} failed.\n${report}`;
}

/** Executes the notebook into `outDir` (same file name) and returns the executed copy; throws with
 * the failing cell's source and error if a cell fails, or nbconvert's own message otherwise. */
export async function executeNotebook(notebookPath: string, outDir: string, env: NodeJS.ProcessEnv, cellTimeoutS = 300): Promise<Notebook> {
  const out = await run('jupyter', ['nbconvert', '--to', 'notebook', '--execute', notebookPath, '--output-dir', outDir,
    `--ExecutePreprocessor.timeout=${cellTimeoutS}`], env, 20 * cellTimeoutS * 1000);
  if (out.code !== 0) throw new Error(failureText(notebookPath, out.stderr));
  return readNotebook(join(outDir, basename(notebookPath)));
}
