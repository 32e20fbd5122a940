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

/** The producers with a defined rho in the last snapshot of an agents.csv text ([] if none). */
export function lastSnapshotProducers(text: string): Producer[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');
  const at = (name: string): number => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`agents.csv has no column "${name}"`);
    return j;
  };
  const [jDay, jAgent, jRho, jEff, jStatus] = ['day', 'agent', 'rho', 'efficiency', 'status'].map(at) as [number, number, number, number, number];
  const rows = lines.slice(1).map((l) => l.split(','));
  const num = (cell: string | undefined): number => (cell === undefined || cell.trim() === '' ? NaN : Number(cell));
  let last = -Infinity;
  for (const r of rows) last = Math.max(last, num(r[jDay]));
  const out: Producer[] = [];
  for (const r of rows) {
    if (num(r[jDay]) !== last || !PRODUCING.has(r[jStatus] ?? '')) continue;
    const p = { agent: num(r[jAgent]), rho: num(r[jRho]), efficiency: num(r[jEff]) };
    if (Number.isFinite(p.rho) && Number.isFinite(p.efficiency)) out.push(p);
  }
  return out;
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
