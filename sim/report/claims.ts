/**
 * The claims section of a sweep report: the verdicts of MODEL.md section 9 (claims.json, whose schema is
 * sim/io/claimsJson.ts), which the report shows and never computes: `abundance report` judges the
 * claims anew with sim/analysis/claims.ts and reads the file it wrote.
 */
import type { ClaimResult as Claim, ClaimDirection, ClaimsResult, ClaimTest, Verdict } from '../io/claimsJson.js';
import { heading, paragraph, table, type Block } from './document.js';
import { formatStat } from './stats.js';

export { ClaimsResultSchema, VERDICTS } from '../io/claimsJson.js';
export type { Claim, ClaimDirection, ClaimsResult, ClaimTest, Verdict };

const n = (v: number | null): string => (v === null ? '—' : formatStat(v));
const holdsText = (h: boolean): string => (h ? 'yes' : 'no');
const holdsClass = (h: boolean): string => (h ? 'holds' : 'fails');
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
