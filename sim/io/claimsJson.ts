/**
 * claims.json (docs/sweeps.md): the verdicts of MODEL.md section 9 for a sweep, as sim/analysis/claims.ts
 * judges them and the report shows them. One schema, whose inferred types the analysis builds and the
 * report reads; numbers are rounded to 6 significant digits, null where there is no value (a test with
 * fewer than two seeds has no interval).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomicFile.js';
import { parseJsonWith } from './fileSchema.js';

export const CLAIMS_JSON = 'claims.json';

/** The `part` of the tests that decide at the defaults (the others carry their direction's name). */
export const DEFAULTS_PART = 'defaults';

export const VERDICTS = ['supported', 'refuted', 'undecided', 'not judged'] as const;
export const OUTCOMES = ['holds', 'contrary', 'straddles', 'no data'] as const;

const num = z.number().nullable();

export const ClaimTestSchema = z.object({
  label: z.string(),
  statistic: z.string(),
  predicted: z.string(),
  point: z.string(),
  /** What the test judges: `defaults`, or the name of the sensitivity direction it was run for. */
  part: z.string(),
  presets: z.array(z.string()),
  /** `viable`: the seeds where every run the test pairs is viable; `all`: every run (rho_median, out_max, sales_trend). */
  runs: z.enum(['viable', 'all']),
  n: z.number().int(),
  mean: num,
  ci95_lo: num,
  ci95_hi: num,
  holds: z.boolean(),
  outcome: z.enum(OUTCOMES),
});

export const ClaimDirectionSchema = z.object({
  direction: z.string(),
  /** The sensitivity points judged. */
  points: z.array(z.string()),
  holds: z.boolean(),
  /** Why it does not hold ('' when it does). */
  note: z.string(),
});

export const ClaimSchema = z.object({
  id: z.string(),
  title: z.string(),
  verdict: z.enum(VERDICTS),
  reason: z.string(),
  /** Every test at the judged point, then at each direction's points. */
  tests: z.array(ClaimTestSchema),
  directions: z.array(ClaimDirectionSchema),
});

/** A number shown beside the tests, never as a test (MODEL.md section 9), for one preset at the judged point. */
export const BesideSchema = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.string(),
  note: z.string(),
  preset: z.string(),
  n: z.number().int(),
  mean: num,
  ci95_lo: num,
  ci95_hi: num,
});

export const ClaimsResultSchema = z.object({
  protocol: z.string(),
  sweep: z.string(),
  /** The grid point judged as "the defaults". */
  point: z.string(),
  /** The statistics windows, as applied. */
  window: z.string(),
  /** Whether the defaults are judged (90 % of the runs of each preset viable), and if not, why. */
  defaults: z.object({ judged: z.boolean(), failures: z.array(z.string()) }),
  /** Notes on the windows and the horizon. */
  notes: z.array(z.string()),
  claims: z.array(ClaimSchema),
  beside: z.array(BesideSchema),
});

export type Verdict = (typeof VERDICTS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type ClaimTest = z.infer<typeof ClaimTestSchema>;
export type ClaimDirection = z.infer<typeof ClaimDirectionSchema>;
export type BesideRow = z.infer<typeof BesideSchema>;
export type ClaimResult = z.infer<typeof ClaimSchema>;
export type ClaimsResult = z.infer<typeof ClaimsResultSchema>;

/** claims.json's text: the result as indented JSON (the same sweep gives the same bytes). */
export const claimsJsonText = (result: ClaimsResult): string => JSON.stringify(result, null, 2) + '\n';

/** Write `<dir>/claims.json` atomically. */
export function writeClaimsJson(dir: string, result: ClaimsResult): void {
  writeFileAtomically(join(dir, CLAIMS_JSON), claimsJsonText(result));
}

/** Read and check a claims.json; throws naming the file and the field. */
export function readClaimsJson(path: string): ClaimsResult {
  return parseJsonWith(ClaimsResultSchema, readFileSync(path, 'utf8'), path);
}
