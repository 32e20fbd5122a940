/**
 * loadSweep(file, { set, replicates, sampleN }) -> LoadedSweep: the node side of reading a sweep file. Reads
 * its bytes (their sha256 goes into sweep.json), parses the YAML or JSON with the scenario parser,
 * checks its keys (spec.ts) and resolves every run's scenario (plan.ts), with `extends` paths relative
 * to the sweep file. Any problem is a ScenarioError (exit 2) before anything is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { displayPath, loadRef, parseScenarioText } from '../scenario/file.js';
import { resolveScenario } from '../scenario/resolve.js';
import { planSweep, type SweepPlan } from './plan.js';
import { buildSpec, type SweepSpec } from './spec.js';

export interface LoadedSweep {
  spec: SweepSpec;
  plan: SweepPlan;
  /** sha256 of the file's bytes. */
  fileHash: string;
}

export interface LoadOptions {
  /** `path=value` flags applied to every run, last. */
  set?: readonly string[];
  /** Run this many replicates instead of the file's `seeds` (tests, quick looks). */
  replicates?: number;
  /** Run a `sample:` design with this N (or r) instead of the file's `n` (tests, quick looks). */
  sampleN?: number;
}

/** The file's path as sweep.json records it (scenario/file.ts): relative to the working folder when inside it, else absolute, with `/`. */
export { displayPath };

export function loadSweep(file: string, opts: LoadOptions = {}): LoadedSweep {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    bytes = readFileSync(file);
  } catch {
    throw new ScenarioError(`${file}: sweep file not found`, file, '');
  }
  const origin = displayPath(file);
  const input = parseScenarioText(bytes.toString('utf8'), origin);
  const built = buildSpec(input, origin, basename(file, extname(file)));
  const spec = built.sample && opts.sampleN !== undefined ? { ...built, sample: { ...built.sample, n: opts.sampleN } } : built;
  const plan = planSweep(spec, (fields, resolveOpts) => resolveScenario(fields, origin, { ...resolveOpts, loadRef }), opts.set ?? [], opts.replicates);
  return { spec, plan, fileHash: createHash('sha256').update(bytes).digest('hex') };
}
