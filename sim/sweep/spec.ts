/**
 * buildSpec(parsed sweep file, file) -> SweepSpec: the keys of a sweep file (docs/sweeps.md) read and
 * checked, or a ScenarioError listing everything wrong, each line with the file, the field path, what
 * was expected and a did-you-mean, as the scenario loader words them.
 *
 *   name, extends | compare, seeds, seed, sweep, sensitivity, aggregate.everyDays   the sweep's own keys
 *   sample                                                                         a global sensitivity
 *                                                                                  design (sample.ts), not
 *                                                                                  with sweep or sensitivity
 *   any other key                                                                  a scenario field, fixed
 *
 * Every swept value is checked against its field's schema here (sim/sweep/leaf.ts); what needs the whole
 * scenario is checked when every run is resolved (sim/sweep/plan.ts). Pure: no file system.
 */
import { errorOf, issueAt, quoteChoices, show } from '../scenario/errors.js';
import { unknownPresetText } from '../scenario/chain.js';
import { FIELDS, TOP_KEYS, fieldAt, groupAt } from '../scenario/fields.js';
import { folderNameProblem } from '../scenario/names.js';
import { expandDotted, isMapping, type KeyProblem, type Mapping } from '../scenario/keys.js';
import { suggestPath } from '../scenario/messages.js';
import { PRESET_NAMES } from '../scenario/presets.js';
import { closest } from '../scenario/suggest.js';
import { expandForm, type FormValue, type SweepProblem } from './forms.js';
import { checkLeafValue, normalizeValue } from './leaf.js';
import { sampleSpec, type SampleSpec } from './sample.js';

/** The keys a sweep file has besides scenario fields. */
export const SWEEP_KEYS = ['name', 'extends', 'compare', 'seeds', 'seed', 'sweep', 'sensitivity', 'sample', 'aggregate'] as const;
const AGGREGATE_KEYS = ['everyDays'] as const;
/** Limits: replicates and the day stride. */
export const MAX_REPLICATES = 10_000;

/** A swept (or sensitivity) key with its values in file order. */
export interface SweptKey { key: string; values: FormValue[] }

export interface SweepSpec {
  file: string;
  name: string;
  /** `compare`: presets on the same seeds; `extends`: one preset or scenario path. */
  mode: 'compare' | 'extends';
  /** Preset names (compare) or the one `extends` value (a preset or a path relative to the file). */
  bases: string[];
  replicates: number;
  baseSeed: number;
  grid: SweptKey[];
  sensitivity: SweptKey[];
  everyDays: number;
  /** The scenario fields fixed for every run, as written (nested or dotted). */
  fixed: Mapping;
  /** A global sensitivity design (`sample:`), instead of a grid. */
  sample?: SampleSpec;
}

export function buildSpec(input: unknown, file: string, defaultName: string): SweepSpec {
  const problems: SweepProblem[] = [];
  const flag = (path: string, text: string): void => void problems.push({ path, text });
  if (!isMapping(input)) {
    throw errorOf([issueAt(file, '', `expected a mapping of sweep keys (${SWEEP_KEYS.join(', ')}) and scenario fields, got ${show(input)}`)]);
  }
  const own: Mapping = {};
  const fixed: Mapping = {};
  for (const [key, value] of Object.entries(input)) {
    const [head = '', ...rest] = key.split('.');
    if ((['sweep', 'sensitivity', 'aggregate'] as string[]).includes(head) && rest.length > 0) {
      // `aggregate.everyDays: 7` at the top level means `aggregate: {everyDays: 7}`.
      const section = (own[head] ??= {});
      if (isMapping(section)) section[rest.join('.')] = value;
      else flag(key, `given both as ${head}: and as a dotted key`);
    } else if ((SWEEP_KEYS as readonly string[]).includes(key)) {
      if (own[key] !== undefined) flag(key, 'given twice (once as a dotted key, once as a group)');
      else own[key] = value;
    } else if (TOP_KEYS.includes(head) && head !== 'extends') fixed[key] = value;
    else flag(key, unknownTopKey(key));
  }

  const name = own['name'] ?? defaultName;
  // The sweep's folder is runs/<name>: the scenario's rule for folder names (sim/scenario/names.ts).
  const nameProblem = typeof name === 'string' ? folderNameProblem(name) : `expected a non-empty text, got ${show(name)}`;
  if (nameProblem !== undefined) flag('name', nameProblem);
  const replicates = integerAt(own['seeds'] ?? 10, 'seeds', 1, MAX_REPLICATES, problems);
  const baseSeed = integerAt(own['seed'] ?? 1, 'seed', 0, 2 ** 32 - 1, problems);
  const everyDays = aggregateStride(own['aggregate'], problems);
  const { mode, bases } = basesOf(own['extends'], own['compare'], problems);
  const grid = sweptKeys(own['sweep'], 'sweep', baseSeed, problems);
  const sensitivity = sweptKeys(own['sensitivity'], 'sensitivity', baseSeed, problems);
  for (const s of sensitivity) {
    if (grid.some((g) => g.key === s.key)) flag(`sensitivity.${s.key}`, `${s.key} is already swept under sweep; a key is either swept or varied one at a time`);
  }
  let sample: SampleSpec | undefined;
  if (own['sample'] !== undefined) {
    if (own['sweep'] !== undefined || own['sensitivity'] !== undefined) {
      flag('sample', `a sample design is its own set of points; give sample, or sweep${own['sensitivity'] !== undefined ? '/sensitivity' : ''}, not both (run them as two sweep files)`);
    } else sample = sampleSpec(own['sample'], problems, unknownSweptKey);
  }
  const sampled: SweptKey[] = (sample?.factors ?? []).map((f) => ({ key: f.key, values: [] }));
  conflictsWithFixed(fixed, [...grid, ...sensitivity, ...sampled], problems);

  if (problems.length > 0) throw errorOf(problems.map((p) => issueAt(file, p.path, p.text)));
  return { file, name: String(name), mode, bases, replicates, baseSeed, grid, sensitivity, everyDays, fixed, ...(sample ? { sample } : {}) };
}

/** An unknown top-level key: a sweep key or a scenario field it may be a typo of. */
function unknownTopKey(key: string): string {
  const sweepGuess = closest(key, SWEEP_KEYS);
  const guess = sweepGuess.length ? sweepGuess : suggestPath('', key);
  return `unknown key${guess.length ? `; did you mean ${quoteChoices(guess)}?` : '.'} A sweep file takes ${SWEEP_KEYS.join(', ')} and any scenario field (fixed for every run).`;
}

function integerAt(value: unknown, path: string, min: number, max: number, problems: SweepProblem[]): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push({ path, text: `expected an integer from ${min} to ${max}, got ${show(value)}` });
  return min;
}

function aggregateStride(raw: unknown, problems: SweepProblem[]): number {
  if (raw === undefined || raw === null) return 1;
  if (!isMapping(raw)) return void problems.push({ path: 'aggregate', text: `expected a mapping {everyDays: <days>}, got ${show(raw)}` }), 1;
  for (const k of Object.keys(raw)) {
    if ((AGGREGATE_KEYS as readonly string[]).includes(k)) continue;
    const guess = closest(k, AGGREGATE_KEYS);
    problems.push({ path: `aggregate.${k}`, text: `unknown key${guess.length ? `; did you mean ${quoteChoices(guess)}?` : '.'} Keys of aggregate: ${AGGREGATE_KEYS.join(', ')}.` });
  }
  return raw['everyDays'] === undefined ? 1 : integerAt(raw['everyDays'], 'aggregate.everyDays', 1, 100_000, problems);
}

function basesOf(ext: unknown, compare: unknown, problems: SweepProblem[]): { mode: 'compare' | 'extends'; bases: string[] } {
  if (ext !== undefined && compare !== undefined) {
    problems.push({ path: 'compare', text: 'extends and compare exclude each other: compare runs several presets, extends builds on one' });
  }
  if (compare === undefined) {
    if (ext !== undefined && (typeof ext !== 'string' || ext.trim() === '')) {
      problems.push({ path: 'extends', text: `expected a preset name (${PRESET_NAMES.join(', ')}) or a file path (.yaml, .yml, .json), got ${show(ext)}` });
    }
    return { mode: 'extends', bases: [typeof ext === 'string' && ext.trim() !== '' ? ext : 'two-token'] };
  }
  if (!Array.isArray(compare) || compare.length === 0) {
    problems.push({ path: 'compare', text: `expected a list of presets (${PRESET_NAMES.join(', ')}), got ${show(compare)}` });
    return { mode: 'compare', bases: [] };
  }
  const bases: string[] = [];
  compare.forEach((p, i) => {
    const at = `compare[${i}]`;
    if (typeof p !== 'string') problems.push({ path: at, text: `expected a preset name, got ${show(p)}` });
    else if (!PRESET_NAMES.includes(p)) problems.push({ path: at, text: unknownPresetText(p).replace(/; a file path needs[^)]*/, '') });
    else if (bases.includes(p)) problems.push({ path: at, text: `"${p}" is listed twice` });
    else bases.push(p);
  });
  return { mode: 'compare', bases };
}

/** The keys under `sweep` or `sensitivity`, dotted or nested, each expanded and checked. */
function sweptKeys(raw: unknown, section: string, baseSeed: number, problems: SweepProblem[]): SweptKey[] {
  if (raw === undefined || raw === null) return [];
  if (!isMapping(raw)) return void problems.push({ path: section, text: `expected a mapping of scenario keys to values, got ${show(raw)}` }), [];
  const out: SweptKey[] = [];
  const walk = (map: Mapping, prefix: string): void => {
    for (const [k, value] of Object.entries(map)) {
      const key = prefix ? `${prefix}.${k}` : k;
      const path = `${section}.${key}`;
      if (key === 'seed') {
        problems.push({ path, text: 'the seed of each run comes from the base seed and the replicate; set seeds (replicates) or seed (the base seed) at the top level' });
      } else if (fieldAt(key) !== undefined) {
        if (out.some((s) => s.key === key)) problems.push({ path, text: 'given twice (once as a dotted key, once inside its group)' });
        else out.push({ key, values: checkedValues(value, key, path, baseSeed, problems) });
      } else if (!prefix && groupAt(k) !== undefined && isMapping(value)) walk(value, k);
      else problems.push({ path, text: unknownSweptKey(key) });
    }
  };
  walk(raw, '');
  return out;
}

function unknownSweptKey(key: string): string {
  if (groupAt(key) !== undefined) return `${key} is a group of fields; sweep one of its keys (${groupAt(key)?.keys.map((k) => `${key}.${k}`).join(', ')})`;
  const dotted = closest(key, FIELDS.map((f) => f.path));
  const [head = '', ...rest] = key.split('.');
  const guess = dotted.length ? dotted : suggestPath(rest.length && groupAt(head) ? head : '', rest.length && groupAt(head) ? rest.join('.') : key);
  return `unknown scenario key${guess.length ? `; did you mean ${quoteChoices(guess)}?` : ''} (the keys of docs/scenarios.md, dotted, e.g. bank.k)`;
}

function checkedValues(raw: unknown, key: string, path: string, baseSeed: number, problems: SweepProblem[]): FormValue[] {
  const values = expandForm(raw, { key, path, baseSeed, integer: fieldAt(key)?.integer ?? false }, problems);
  return values.map(({ value, at }) => {
    const v = normalizeValue(key, value);
    for (const text of checkLeafValue(key, v)) problems.push({ path: at, text });
    return { value: v, at };
  });
}

/** A key may not be both fixed (at the top level) and swept. */
function conflictsWithFixed(fixed: Mapping, swept: SweptKey[], problems: SweepProblem[]): void {
  const ignored: KeyProblem[] = []; // malformed fixed keys are reported when the scenario is resolved
  const nested = expandDotted(fixed, ignored);
  for (const { key } of swept) {
    let at: unknown = nested;
    for (const s of key.split('.')) at = isMapping(at) ? at[s] : undefined;
    if (at !== undefined) problems.push({ path: key, text: `${key} is fixed here and also swept; keep one of the two` });
  }
}
