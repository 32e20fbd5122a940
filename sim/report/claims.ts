/**
 * The claims result (docs/sweeps.md, claims.json): the verdicts of MODEL.md section 9, which the report
 * shows and never computes. `evaluateClaims(sweepDir)` (sim/analysis/claims.ts, another branch) returns
 * this shape; until it is wired in, `abundance report` reads `<dir>/claims.json` when there is one.
 *
 * The schema is the shape of docs/sweeps.md, with two tolerances: numbers may be null (JSON has no NaN,
 * and a test with n < 2 has no interval) and so may `holds`; unknown extra fields are ignored.
 */
import { z } from 'zod';
import { heading, paragraph, table, type Block } from './document.js';
import { formatStat } from './stats.js';

export const VERDICTS = ['supported', 'refuted', 'undecided', 'not judged'] as const;
export type Verdict = (typeof VERDICTS)[number];

const num = z.number().nullable();

export const ClaimTestSchema = z.object({
  label: z.string(),
  statistic: z.string(),
  predicted: z.string(),
  point: z.string(),
  n: num,
  mean: num,
  ci95_lo: num,
  ci95_hi: num,
  holds: z.boolean().nullable(),
});

export const ClaimDirectionSchema = z.object({
  direction: z.string(),
  points: z.array(z.string()),
  holds: z.boolean().nullable(),
});

export const ClaimSchema = z.object({
  id: z.string(),
  title: z.string(),
  verdict: z.enum(VERDICTS),
  reason: z.string(),
  tests: z.array(ClaimTestSchema),
  directions: z.array(ClaimDirectionSchema),
});

export const ClaimsResultSchema = z.object({
  protocol: z.string(),
  claims: z.array(ClaimSchema),
});

export type ClaimTest = z.infer<typeof ClaimTestSchema>;
export type ClaimDirection = z.infer<typeof ClaimDirectionSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimsResult = z.infer<typeof ClaimsResultSchema>;

const n = (v: number | null): string => (v === null ? '—' : formatStat(v));
const holdsText = (h: boolean | null): string => (h === null ? '—' : h ? 'yes' : 'no');
const holdsClass = (h: boolean | null): string => (h === null ? '' : h ? 'holds' : 'fails');
/** The CSS class of a verdict cell: `not judged` -> `not-judged`. */
export const verdictClass = (v: Verdict): string => v.replace(' ', '-');

/** One line per claim, for the summary at the top of a report. */
export function claimLines(claims: ClaimsResult): string[] {
  return claims.claims.map((c) => `${c.id} ${c.title}: ${c.verdict}`);
}

/** The claims section: a verdict table, then per claim the numbers behind the verdict. */
export function claimsBlocks(claims: ClaimsResult | undefined): Block[] {
  if (claims === undefined) {
    return [heading('Claims'), paragraph('The claims were not evaluated for this sweep: the folder has no claims.json.')];
  }
  const blocks: Block[] = [
    heading('Claims'),
    paragraph(`Verdicts by the protocol of ${claims.protocol}: each statistic is a mean over the last year of a run, differences paired by seed with a 95 % t-interval.`),
    table(['claim', 'title', 'verdict', 'reason'], claims.claims.map((c) => [c.id, c.title, c.verdict, c.reason]), 4,
      claims.claims.map((c) => ['', '', verdictClass(c.verdict), ''])),
  ];
  for (const c of claims.claims) {
    blocks.push(heading(`${c.id} ${c.title}: ${c.verdict}`, 3));
    if (c.tests.length > 0) {
      blocks.push(table(['test', 'statistic', 'predicted', 'point', 'n', 'mean', '95 % CI', 'holds'],
        c.tests.map((t) => [t.label, t.statistic, t.predicted, t.point, n(t.n), n(t.mean), `[${n(t.ci95_lo)}, ${n(t.ci95_hi)}]`, holdsText(t.holds)]),
        4, c.tests.map((t) => ['', '', '', '', '', '', '', holdsClass(t.holds)])));
    }
    if (c.directions.length > 0) {
      blocks.push(table(['sensitivity direction', 'points', 'holds'],
        c.directions.map((d) => [d.direction, d.points.join(', '), holdsText(d.holds)]), 3,
        c.directions.map((d) => ['', '', holdsClass(d.holds)])));
    }
  }
  return blocks;
}
