/**
 * resolveScenario(input, origin, opts) -> ResolvedScenario: a parsed scenario file made into a full,
 * valid Scenario, or a ScenarioError listing everything wrong with it.
 *
 *   file -> (extends chain up to a preset) -> (dotted keys expanded) -> preset, files root first,
 *   overrides, --set merged in that order -> (validated by the schema) -> Scenario
 *
 * Each merged value remembers its layer, so a complaint names the file or flag that set the value.
 * Pure (no node imports): the core must run in a browser; file.ts adds the file system.
 */
import { parse as parseYaml } from 'yaml';
import { collectChain, type LoadRef } from './chain.js';
import { errorOf, issueAt, show } from './errors.js';
import { ALL_PATHS, groupAt } from './fields.js';
import { expandDotted, isMapping, mergeLayer, normalize, type KeyProblem, type Mapping } from './keys.js';
import { suggestPath, validKeysText } from './messages.js';
import { presetOverrides } from './presets.js';
import type { Scenario } from './schema.js';
import { validateMerged, type Layer, type RankedIssue } from './validate.js';

export interface ResolvedScenario {
  scenario: Scenario;
  /** The file (or preset name) resolved. */
  origin: string;
  /** The extends chain from the root preset to the file: ['two-token', 'base.yaml', 'my.yaml']. */
  chain: string[];
  /** The root preset's name. */
  preset: string;
}

export interface ResolveOptions {
  /** Flat dotted or top-level keys applied after the file (`{ seed: 7, 'bank.k': 7 }`). */
  overrides?: Record<string, unknown>;
  /** `path=value` strings from `--set`, applied last; values are read as YAML scalars. */
  set?: string[];
  /** Reads a file named by `extends`; without it only presets can be extended. */
  loadRef?: LoadRef;
}

export function resolveScenario(input: unknown, origin: string, opts: ResolveOptions = {}): ResolvedScenario {
  const { files, preset } = collectChain(input, origin, opts.loadRef);
  const issues: RankedIssue[] = [];
  const merged: Mapping = {};
  let rank = 0;
  const layer = (file: string, where: string): Layer => ({ file, where, rank: rank++ });
  const source = new Map<string, Layer>();
  const add = (at: Layer, fields: Mapping): void => {
    const problems: KeyProblem[] = [];
    const expanded = normalize(expandDotted(fields, problems));
    for (const p of problems) issues.push({ rank: at.rank, issue: issueAt(at.file, p.path, p.text, at.where) });
    mergeLayer(merged, expanded, at, source);
  };

  add(layer(origin, `preset ${preset}`), (presetOverrides(preset) ?? {}) as Mapping);
  for (const f of files) add(layer(f.origin, f.origin), f.fields);
  for (const [key, value] of Object.entries(opts.overrides ?? {})) {
    if (value === undefined) continue;
    const at = layer(origin, `${origin}, override ${key}=${show(value)}`);
    const problem = flagPathProblem(key);
    if (problem) issues.push({ rank: at.rank, issue: { file: origin, fieldPath: key, line: `${at.where}: ${problem}` } });
    else add(at, { [key]: value });
  }
  for (const flag of opts.set ?? []) {
    const at = layer(origin, `--set ${flag}`);
    const parsed = parseSetFlag(flag);
    const problem = typeof parsed === 'string' ? parsed : flagPathProblem(parsed.path);
    const fieldPath = typeof parsed === 'string' ? '' : parsed.path;
    if (problem !== undefined) issues.push({ rank: at.rank, issue: { file: origin, fieldPath, line: `${at.where}: ${problem}` } });
    else if (typeof parsed !== 'string') add(at, { [parsed.path]: parsed.value });
  }

  const { scenario, issues: invalid } = validateMerged(merged, source, { file: origin, where: origin, rank: files.length });
  issues.push(...invalid);
  // List the issues in the order of the layers (stable: within a layer, as found).
  if (issues.length || !scenario) throw errorOf(issues.sort((a, b) => a.rank - b.rank).map((r) => r.issue));
  return { scenario, origin, chain: [preset, ...files.map((f) => f.origin)], preset };
}

/** Why a flag may not set this dotted path (unknown, or `extends`), or undefined if it may. */
function flagPathProblem(path: string): string | undefined {
  if (path === 'extends') return 'extends cannot be set by a flag; put it in the file';
  if (ALL_PATHS.includes(path)) return undefined;
  const [head = '', ...rest] = path.split('.');
  const group = rest.length && groupAt(head) ? head : '';
  const key = group ? rest.join('.') : path;
  const guess = suggestPath(group, key);
  const mean = guess.length ? `; did you mean ${guess.map((g) => `"${g}"`).join(' or ')}?` : '';
  return `unknown key "${path}"${mean}${validKeysText(group)}`;
}

/** `demurrage.rate=0.08` -> path and YAML-scalar value; a string says what is wrong. */
export function parseSetFlag(flag: string): { path: string; value: unknown } | string {
  const at = flag.indexOf('=');
  if (at < 0) return 'expected path=value, e.g. --set demurrage.rate=0.08';
  const path = flag.slice(0, at).trim();
  const raw = flag.slice(at + 1).trim();
  if (!path) return 'expected path=value with a field path before "=", e.g. --set demurrage.rate=0.08';
  return { path, value: scalar(raw) };
}

/** A flag's value as YAML would read it: 0.08 a number, true a boolean, .inf Infinity, else the text. */
function scalar(raw: string): unknown {
  try {
    const value: unknown = parseYaml(raw);
    return isMapping(value) || Array.isArray(value) ? raw : value;
  } catch {
    return raw;
  }
}
