/**
 * The numbers shown beside the claims' tests (sim/analysis/beside.ts), summarised per preset at the
 * judged point: the mean across every run there (viable or not: they are descriptions, not tests) with
 * its 95 % t interval. claims.json carries the rows; the report shows them.
 */
import type { BesideRow } from '../io/claimsJson.js';
import { BESIDE } from './beside.js';
import { jsonNumber } from './claimTests.js';
import { summarise } from './paired.js';
import { runsAt, type SweepData } from './sweepData.js';

export function besideRows(data: SweepData, point: string): BesideRow[] {
  const rows: BesideRow[] = [];
  for (const b of BESIDE) {
    for (const preset of data.plan.presets) {
      const runs = [...runsAt(data, preset, point).values()];
      if (runs.length === 0) continue;
      const s = summarise(runs.map((r) => r.beside[b.name] ?? NaN));
      if (s.n === 0) continue;
      rows.push({ name: b.name, label: b.label, unit: b.unit, note: b.note, preset, n: s.n, mean: jsonNumber(s.mean), ci95_lo: jsonNumber(s.lo), ci95_hi: jsonNumber(s.hi) });
    }
  }
  return rows;
}
