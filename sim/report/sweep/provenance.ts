/**
 * The provenance of a sweep report: which sweep file (and its hash), which seeds, which engine, and
 * hashes of the manifests read, so a reader can tell exactly what the numbers came from. Every entry
 * is read from the folder, so the same folder gives the same table.
 *
 * The run manifests are summarised by one digest: sha256 over "<run folder> <sha256 of its
 * manifest.json>" lines in sweep.json order.
 */
import { replicateSeeds } from './plan.js';
import { sha256, type SweepData } from './read.js';
import type { SweepManifest } from '../../io/sweepManifest.js';

/** Top-level scalar fields of the sweep's manifest.json that the table shows first, under these names. */
const KNOWN: readonly [keyof SweepManifest, string][] = [
  ['engineVersion', 'engine version'], ['node', 'node'], ['created', 'created'], ['workers', 'workers'],
];

export function sweepProvenance(data: SweepData): Record<string, string | number> {
  const { plan, manifest } = data;
  const seeds = [...replicateSeeds(plan)].map(([r, s]) => `r${String(r).padStart(3, '0')}: ${s}`).join(', ');
  const grid = plan.points.filter((p) => p.kind === 'grid').length;
  const out: Record<string, string | number> = {
    sweep: plan.name,
    'sweep file': plan.file,
    'sweep file sha256': plan.fileHash,
    'base seed': plan.baseSeed,
    replicates: plan.replicates,
    'replicate seeds': seeds,
    presets: plan.presets.join(', '),
    'swept keys': plan.sweptKeys.length > 0 ? plan.sweptKeys.join(', ') : 'none',
    points: `${plan.points.length} (${grid} grid, ${plan.points.length - grid} sensitivity)`,
  };
  const engines = [...new Set([...data.runManifests.values()].map((m) => m.engineVersion))].sort();
  for (const [key, label] of KNOWN) {
    const v = manifest?.[key];
    if (typeof v === 'string' || typeof v === 'number') out[label] = v;
  }
  if (out['engine version'] === undefined && engines.length > 0) out['engine version'] = engines.join(', ');
  if (engines.length > 1) out['engine versions of the runs'] = engines.join(', ');
  for (const [k, v] of Object.entries(manifest ?? {})) {
    if (KNOWN.some(([key]) => key === k) || !(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) continue;
    out[`manifest: ${k}`] = String(v);
  }
  out['sweep.json sha256'] = data.sha256.sweepJson;
  out['manifest.json sha256'] = data.sha256.manifest ?? 'no manifest.json';
  const lines = plan.runs.flatMap((r) => {
    const m = data.runManifests.get(r.run);
    return m === undefined ? [] : [`${r.run} ${m.sha256}`];
  });
  out['run manifests'] = `${lines.length} of ${plan.runs.length} runs, digest ${sha256(lines.join('\n')).slice(0, 16)}`;
  return out;
}
