/**
 * loadScenarioFile(pathOrPreset, opts) -> ResolvedScenario: the node side of scenario loading.
 *
 * Reads the file, follows `extends` paths (relative to the file that names them, or absolute; scenario
 * files only: .yaml, .yml, .json), and hands the rest to the pure resolver. A bare preset name ("two-token") that is not a file also works, so
 * `abundance run gift` needs no file at all.
 *
 * The path as typed is recorded once, where it enters, as `displayPath` makes it (`origin`, in the run
 * manifest and the report; a sweep's `file`): `scenarios/x.yaml`, `./scenarios/x.yaml`,
 * `scenarios/../scenarios/x.yaml` and the absolute path all become `scenarios/x.yaml`, so outputs do not
 * depend on how the path was typed. It stays relative to the working folder (rather than, say, the
 * project) because it is also the path the file and its `extends` are read by, and the one error
 * messages name; a file outside the working folder is recorded by its absolute path.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { looksLikePath, unknownPresetText } from './chain.js';
import { ScenarioError } from './errors.js';
import { parseScenarioText } from './parse.js';
import { PRESET_NAMES } from './presets.js';
import { resolveScenario, type ResolvedScenario } from './resolve.js';

export type { ResolvedScenario } from './resolve.js';
export { parseScenarioText } from './parse.js';

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** A file's path as outputs record it: relative to the working folder when inside it, else absolute; with `/`. */
export function displayPath(file: string): string {
  const abs = resolve(file);
  const rel = relative(process.cwd(), abs);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  return (inside ? rel : abs).split(sep).join('/');
}

/** Read and parse one scenario file; `from` is the file that named it (for an `extends` path). */
function readScenario(path: string, from?: string): unknown {
  if (!isFile(path)) {
    if (from) throw new ScenarioError(`${from}: extends: file not found: ${path}`, from, 'extends');
    throw new ScenarioError(`${path}: file not found`, path, '');
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${path}: cannot read the file: ${error instanceof Error ? error.message : String(error)}`, path, '');
  }
  return parseScenarioText(text, path);
}

/** The endings of scenario files: `extends` reads nothing else (a typo must not read, say, a key file). */
const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * An `extends` path: relative to the directory of the file that names it, or absolute as written.
 * Only a .yaml, .yml or .json file is read; any other is refused before it is opened, so its content
 * never reaches a message.
 */
export function loadRef(ref: string, fromOrigin: string): { input: unknown; origin: string } {
  if (!SCENARIO_FILE.test(ref)) {
    throw new ScenarioError(`${fromOrigin}: extends: expected a preset name (${PRESET_NAMES.join(', ')}) or a scenario file ending in .yaml, .yml or .json, got ${JSON.stringify(ref)}`, fromOrigin, 'extends');
  }
  const origin = isAbsolute(ref) ? normalize(ref) : join(dirname(fromOrigin), ref);
  return { input: readScenario(origin, fromOrigin), origin };
}

export function loadScenarioFile(pathOrPreset: string, opts: { overrides?: Record<string, unknown>; set?: string[] } = {}): ResolvedScenario {
  const resolveOpts = { ...opts, loadRef };
  if (!isFile(pathOrPreset) && !looksLikePath(pathOrPreset)) {
    if (!PRESET_NAMES.includes(pathOrPreset)) {
      throw new ScenarioError(`${pathOrPreset}: no such file, and ${unknownPresetText(pathOrPreset)}`, pathOrPreset, '');
    }
    return { ...resolveScenario({ extends: pathOrPreset }, pathOrPreset, resolveOpts), chain: [pathOrPreset] };
  }
  const origin = displayPath(pathOrPreset);
  return resolveScenario(readScenario(origin), origin, resolveOpts);
}
