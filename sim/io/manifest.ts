/**
 * manifest.json: everything needed to say what a run folder is and to run it again: the resolved
 * scenario and where it came from, the seed, a hash of the scenario, the engine and package versions,
 * the Node version and the wall time.
 *
 * The scenario hash is the sha256 of the canonical JSON (keys sorted at every level, no spaces) of the
 * resolved scenario, so two files that resolve to the same run have the same hash.
 *
 * `git` names the project's commit and whether its tracked files were changed (sim/io/git.ts). A
 * sweep's runs record no `created` and no `wallMs`: their manifests are deterministic, so a run made on
 * one machine or in a shard on another is byte-identical (the times are in the sweep's timings.json).
 *
 * `files` lists every file of the folder; `bytes` gives the size of each data file the simulation wrote
 * (the CSVs), which manifest.json, written last, can record. A sweep's --resume trusts a run only if
 * those files still have those sizes (sim/sweep/folder.ts), so a truncated or damaged run is made
 * again. The report files are not in `bytes`: `abundance report` rewrites them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RunResult } from '../engine/simulate.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { ScenarioSchema } from '../scenario/schema.js';
import { parseJsonWith } from './fileSchema.js';
import { gitProvenance } from './git.js';

/** The project folder (sim/io/ is two levels down). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** JSON with keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const obj = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
  });
}

export function scenarioHash(scenario: unknown): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The project's package.json (name, version, dependencies). */
export function projectPackage(): { version: string; dependencies: string[] } {
  const pkg = readJson(`${PROJECT_ROOT}package.json`) ?? {};
  const deps = (pkg['dependencies'] ?? {}) as Record<string, string>;
  return { version: String(pkg['version'] ?? '0.0.0'), dependencies: Object.keys(deps).sort() };
}

/** Installed versions of the project's runtime dependencies, read from node_modules. */
export function packageVersions(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const pkg = readJson(`${PROJECT_ROOT}node_modules/${name}/package.json`);
    out[name] = typeof pkg?.['version'] === 'string' ? pkg['version'] : 'missing';
  }
  return out;
}

/**
 * manifest.json of a run folder. The scenario is parsed with ScenarioSchema, so a reader gets every
 * field typed, with every default from the schema and from nowhere else.
 */
export const ManifestSchema = z.object({
  name: z.string(),
  preset: z.string(),
  origin: z.string(),
  chain: z.array(z.string()),
  seed: z.number().int(),
  agents: z.number().int(),
  days: z.number().int(),
  scenarioHash: z.string(),
  engineVersion: z.string(),
  node: z.string(),
  packages: z.record(z.string(), z.string()),
  /** The project's git commit and whether tracked files differed from it (absent outside a checkout). */
  git: z.object({ commit: z.string(), dirty: z.boolean() }).optional(),
  /** Absent in a sweep's runs, whose manifests hold no times (they go to the sweep's timings.json). */
  wallMs: z.object({ simulate: z.number(), total: z.number() }).optional(),
  created: z.string().optional(),
  files: z.array(z.string()),
  /** Size in bytes of each data file (metrics.csv, agents.csv, flows.csv if written). */
  bytes: z.record(z.string(), z.number().int()).default({}), // none in folders of versions before sizes were recorded
  scenario: ScenarioSchema,
});

export type Manifest = z.output<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** Read and check `<dir>/manifest.json`; throws naming the field when it is not a run's manifest. */
export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  return parseManifest(readFileSync(path, 'utf8'), path);
}

/** Check the text of a run's manifest.json (`path` names it in errors). */
export function parseManifest(text: string, path: string): Manifest {
  return parseJsonWith(ManifestSchema, text, path);
}

/** The size in bytes of each of `names` in `dir`, keys sorted. */
export function fileSizes(dir: string, names: readonly string[]): Record<string, number> {
  return Object.fromEntries([...names].sort().map((name) => [name, statSync(join(dir, name)).size]));
}

export function buildManifest(
  resolved: ResolvedScenario,
  result: RunResult,
  timing: { totalMs: number; created: Date } | undefined,
  files: readonly string[],
  bytes: Record<string, number>,
): Manifest {
  const { scenario } = resolved;
  const pkg = projectPackage();
  const git = gitProvenance();
  return {
    name: scenario.name,
    preset: resolved.preset,
    origin: resolved.origin,
    chain: [...resolved.chain],
    seed: scenario.seed,
    agents: result.agents,
    days: result.days,
    scenarioHash: scenarioHash(scenario),
    engineVersion: pkg.version,
    node: process.version,
    packages: packageVersions(pkg.dependencies),
    ...(git === undefined ? {} : { git }),
    ...(timing === undefined ? {} : { wallMs: { simulate: Math.round(result.wallMs), total: Math.round(timing.totalMs) }, created: timing.created.toISOString() }),
    files: [...files].sort(),
    bytes,
    scenario,
  };
}
