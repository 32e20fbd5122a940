/**
 * The claims section of a sweep report: the verdicts of MODEL.md section 9 (claims.json, whose schema is
 * sim/io/claimsJson.ts), which the report shows and never computes: `abundance report` judges the
 * claims anew with sim/analysis/claims.ts and reads the file it wrote. The section shows the verdict,
 * the numbers that decided it and the reason; then per claim its tests and directions; then the numbers
 * shown beside the tests, never as tests, and the notes on the windows and the horizon.
 */
import { DEFAULTS_PART, type BesideRow, type ClaimResult as Claim, type ClaimDirection, type ClaimsResult, type ClaimTest, type Verdict } from '../io/claimsJson.js';
import { heading, list, paragraph, table, type Block } from './document.js';
import { formatStat } from './stats.js';

export { ClaimsResultSchema, VERDICTS } from '../io/claimsJson.js';
export type { BesideRow, Claim, ClaimDirection, ClaimsResult, ClaimTest, Verdict };

/** The heading of the claims' detail section. */
export const CLAIMS_DETAIL = 'Claims in detail';

const n = (v: number | null): string => (v === null ? '—' : formatStat(v));
const holdsText = (h: boolean): string => (h ? 'yes' : 'no');
const holdsClass = (h: boolean): string => (h ? 'holds' : 'fails');
/** The CSS class of a verdict cell: `not judged` -> `not-judged`. */
export const verdictClass = (v: Verdict): string => v.replace(' ', '-');
const ci = (t: { ci95_lo: number | null; ci95_hi: number | null }): string => `[${n(t.ci95_lo)}, ${n(t.ci95_hi)}]`;

/** The answer at the top of a sweep report: per claim its verdict and the one-line reason for it. */
export function claimsAnswer(claims: ClaimsResult | undefined): Block[] {
  if (claims === undefined) return [paragraph('The claims were not evaluated for this sweep: the folder has no claims.json.')];
  const blocks: Block[] = [table(['claim', 'title', 'verdict', 'reason'], claims.claims.map((c) => [c.id, c.title, c.verdict, c.reason]), 4,
    claims.claims.map((c) => ['', '', verdictClass(c.verdict), '']))];
  if (!claims.defaults.judged) blocks.push(paragraph(`The defaults are not judged: ${claims.defaults.failures.join('; ')}.`));
  return blocks;
}

/** The numbers behind a verdict: each test of the defaults (at the judged point or its own), mean [95 % CI] and outcome. */
export function decidingNumbers(c: Claim): string {
  return c.tests.filter((t) => t.part === DEFAULTS_PART).map((t) => `${t.label}: ${n(t.mean)} ${ci(t)}, ${t.outcome}`).join('; ');
}

function besideBlocks(rows: readonly BesideRow[]): Block[] {
  if (rows.length === 0) return [];
  const notes = [...new Map(rows.map((r) => [r.label, `${r.label}: ${r.note}`])).values()];
  return [
    heading('Shown beside the tests, never as tests', 3),
    paragraph('Checks of the code and descriptions of the economies (MODEL.md section 9): the mean across every run of each preset at the judged point, with the 95 % t-interval.'),
    table(['number', 'preset', 'unit', 'n', 'mean', '95 % CI'], rows.map((r) => [r.label, r.preset, r.unit, n(r.n), n(r.mean), ci(r)]), 3),
    list(notes),
  ];
}

/** The claims in detail (after the charts): a verdict table with the numbers behind it, then per claim its tests. */
export function claimsBlocks(claims: ClaimsResult | undefined): Block[] {
  if (claims === undefined) {
    return [heading(CLAIMS_DETAIL), paragraph('The claims were not evaluated for this sweep: the folder has no claims.json.')];
  }
  const blocks: Block[] = [
    heading(CLAIMS_DETAIL),
    paragraph(`Verdicts by the protocol of ${claims.protocol} at point ${claims.point || '—'} (windows: ${claims.window}); differences paired by seed with a 95 % t-interval; a point is judged when at least 90 % of the runs of each preset its tests name are viable.`),
  ];
  if (!claims.defaults.judged) blocks.push(paragraph(`The defaults are not judged: ${claims.defaults.failures.join('; ')}.`));
  blocks.push(table(['claim', 'title', 'verdict', 'numbers that decided it', 'reason'],
    claims.claims.map((c) => [c.id, c.title, c.verdict, decidingNumbers(c), c.reason]), 5,
    claims.claims.map((c) => ['', '', verdictClass(c.verdict), '', ''])));
  if (claims.notes.length > 0) blocks.push(list(claims.notes));
  for (const c of claims.claims) {
    blocks.push(heading(`${c.id} ${c.title}: ${c.verdict}`, 3));
    if (c.tests.length > 0) {
      blocks.push(table(['test', 'statistic', 'predicted', 'for', 'point', 'runs', 'n', 'mean', '95 % CI', 'holds'],
        c.tests.map((t) => [t.label, t.statistic, t.predicted, t.part, t.point, t.runs, n(t.n), n(t.mean), ci(t), holdsText(t.holds)]),
        6, c.tests.map((t) => ['', '', '', '', '', '', '', '', '', holdsClass(t.holds)])));
    }
    if (c.directions.length > 0) {
      blocks.push(table(['sensitivity direction', 'points', 'holds', 'why not'],
        c.directions.map((d) => [d.direction, d.points.join(', '), holdsText(d.holds), d.note === '' ? '—' : d.note]), 4,
        c.directions.map((d) => ['', '', holdsClass(d.holds), ''])));
    }
  }
  blocks.push(...besideBlocks(claims.beside));
  return blocks;
}
