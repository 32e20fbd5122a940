/**
 * manifest.json of a compare-presets folder: the presets run on one seed, agents and days, and where
 * each run's folder is (`runs/<preset>`), with its scenario hash. One schema: compare-presets writes
 * it, `abundance report` reads it back to redraw the comparison.
 */
import { z } from 'zod';
import { parseWith } from './fileSchema.js';

export const ComparisonManifestSchema = z.object({
  presets: z.array(z.string()),
  seed: z.number().int(),
  agents: z.number().int(),
  days: z.number().int(),
  created: z.string(),
  engineVersion: z.string(),
  node: z.string(),
  runs: z.array(z.object({ preset: z.string(), folder: z.string(), scenarioHash: z.string() })).min(1),
});

export type ComparisonManifest = z.infer<typeof ComparisonManifestSchema>;

/** Is this parsed manifest.json a comparison's (it lists presets and runs)? */
export function isComparisonManifest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>)['presets']) && Array.isArray((data as Record<string, unknown>)['runs']);
}

export const parseComparisonManifest = (data: unknown, file: string): ComparisonManifest => parseWith(ComparisonManifestSchema, data, file);
