/**
 * Claim C2 needs producers, not days: from the last snapshot of `agents.csv` (MODEL.md section 10), the
 * producers with a defined return ratio, and two numbers across them:
 * - the Spearman rank correlation between realised `rho` and efficiency (1 / own cost index), midranks
 *   for ties (simple-statistics' sampleRankCorrelation);
 * - the median `rho` of the middle efficiency quintile: producers sorted by efficiency (ties by agent
 *   id), those at sorted positions i with 2n/5 <= i < 3n/5.
 * "Producers" are agents whose status is `producer` or `re-entered` (not dropped out) and whose `rho`
 * and `efficiency` cells are numbers. Pure: it reads the file's text.
 */
import { median, sampleRankCorrelation } from 'simple-statistics';

export interface Producer {
  agent: number;
  rho: number;
  efficiency: number;
}

const PRODUCING = new Set(['producer', 're-entered']);

/**
 * The producers with a defined rho in the last snapshot of an agents.csv text ([] if none): the rows
 * whose day is the largest day of the file (none when a day cell is not a number). Lines end in \n or
 * \r\n; only the day cell of a row is read until the last day is known, then only the last
 * snapshot's rows are split (the file holds every snapshot of the run: splitting all of it was about 4 %
 * of finishing the claims protocol).
 */
export function lastSnapshotProducers(text: string): Producer[] {
  const lines = text.split('\n');
  for (let k = 0; k + 1 < lines.length; k++) {
    const l = lines[k]!;
    if (l.endsWith('\r')) lines[k] = l.slice(0, -1);
  }
  let first = 0;
  while (first < lines.length && lines[first] === '') first++;
  const header = (lines[first] ?? '').split(',');
  const at = (name: string): number => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`agents.csv has no column "${name}"`);
    return j;
  };
  const [jDay, jAgent, jRho, jEff, jStatus] = ['day', 'agent', 'rho', 'efficiency', 'status'].map(at) as [number, number, number, number, number];
  const num = (cell: string | undefined): number => (cell === undefined || cell.trim() === '' ? NaN : Number(cell));
  const days = new Float64Array(lines.length);
  let last = -Infinity;
  for (let k = first + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l === '') continue;
    const day = num(cellAt(l, jDay));
    days[k] = day;
    last = Math.max(last, day); // NaN if any day is not a number: then no row is the last snapshot's
  }
  const out: Producer[] = [];
  for (let k = first + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l === '' || days[k] !== last) continue;
    const r = l.split(',');
    if (!PRODUCING.has(r[jStatus] ?? '')) continue;
    const p = { agent: num(r[jAgent]), rho: num(r[jRho]), efficiency: num(r[jEff]) };
    if (Number.isFinite(p.rho) && Number.isFinite(p.efficiency)) out.push(p);
  }
  return out;
}

/** Cell j of a CSV line of unquoted cells (line.split(',')[j]), without splitting the line. */
function cellAt(line: string, j: number): string | undefined {
  let from = 0;
  for (let k = 0; k < j; k++) {
    const comma = line.indexOf(',', from);
    if (comma < 0) return undefined;
    from = comma + 1;
  }
  const end = line.indexOf(',', from);
  return end < 0 ? line.slice(from) : line.slice(from, end);
}

/** Spearman's rank correlation of rho with efficiency; NaN with fewer than 3 producers or no spread. */
export function rhoEfficiencySpearman(producers: readonly Producer[]): number {
  if (producers.length < 3) return NaN;
  const r = sampleRankCorrelation(producers.map((p) => p.rho), producers.map((p) => p.efficiency));
  return Number.isFinite(r) ? r : NaN;
}

/** The producers of the middle efficiency quintile (sorted positions 2n/5 <= i < 3n/5). */
export function middleQuintile(producers: readonly Producer[]): Producer[] {
  const n = producers.length;
  const sorted = [...producers].sort((a, b) => a.efficiency - b.efficiency || a.agent - b.agent);
  return sorted.filter((_, i) => 5 * i >= 2 * n && 5 * i < 3 * n);
}

/** Median rho of the middle efficiency quintile; NaN when it is empty (too few producers). */
export function middleQuintileRho(producers: readonly Producer[]): number {
  const mid = middleQuintile(producers);
  return mid.length > 0 ? median(mid.map((p) => p.rho)) : NaN;
}
