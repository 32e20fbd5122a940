/**
 * End-of-run statistics of a sweep cell (a preset at a point): the mean across its replicates of a
 * metric's window mean from runs.csv, with the 95 % t-interval (sim/stats, as summary.csv and the claims
 * use), and the cell's viability count. Runs are indexed once by preset and point.
 */
import { meanInterval, type MeanInterval } from '../../stats/interval.js';
import type { RunRecord } from '../../io/runsCsv.js';

export class SweepCells {
  private readonly byCell = new Map<string, RunRecord[]>();

  constructor(runs: readonly RunRecord[]) {
    for (const r of runs) {
      const key = `${r.preset}\t${r.point}`;
      const list = this.byCell.get(key);
      if (list === undefined) this.byCell.set(key, [r]);
      else list.push(r);
    }
  }

  runs(preset: string, point: string): readonly RunRecord[] {
    return this.byCell.get(`${preset}\t${point}`) ?? [];
  }

  /** Mean, sd and 95 % interval of `metric` over the cell's runs (n = runs with a finite value). */
  stat(preset: string, point: string, metric: string): MeanInterval {
    return meanInterval(this.runs(preset, point).map((r) => r.values.get(metric) ?? NaN));
  }

  /** Viable runs, runs, and how often each criterion failed, in order of first failure. */
  viability(preset: string, point: string): { viable: number; runs: number; failed: Map<string, number> } {
    const runs = this.runs(preset, point);
    const failed = new Map<string, number>();
    for (const r of runs) for (const f of r.failed) failed.set(f, (failed.get(f) ?? 0) + 1);
    return { viable: runs.filter((r) => r.viable === true).length, runs: runs.length, failed };
  }
}
