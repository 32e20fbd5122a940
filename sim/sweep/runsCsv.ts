/**
 * runs.csv (docs/sweeps.md): one row per run, in sweep.json order:
 *
 *   run, preset, point, replicate, seed, <swept keys...>, viable, viability_failed,
 *   <every metric's window mean, metrics.csv order>, <extra provider columns (stat_*)>
 *
 * `viable` is 1 when every criterion of MODEL.md section 13 that applies holds over the run
 * (sim/metrics/viability.ts: money = the preset has money, exchange = its inputs trade at par through
 * the CH/MH exchange, i.e. two-token and peer-bank); `viability_failed` names the failed ones, `;`-joined.
 */
import { viability } from '../metrics/viability.js';
import type { Scenario } from '../scenario/schema.js';
import { csvText, num6, valueCell } from './format.js';
import type { PlannedRun } from './plan.js';
import type { RunColumnProvider, RunContext } from './runColumns.js';
import { windowMeans } from './window.js';

export function runsHeader(sweptKeys: readonly string[], metrics: readonly string[], providers: readonly RunColumnProvider[]): string[] {
  return ['run', 'preset', 'point', 'replicate', 'seed', ...sweptKeys, 'viable', 'viability_failed', ...metrics, ...providers.flatMap((p) => p.columns)];
}

/** The names of the failed criteria of a run (empty when viable). */
export function failedCriteria(ctx: Pick<RunContext, 'table' | 'scenario'>): string[] {
  const inst = (ctx.scenario as Scenario).institutions;
  const criteria = viability(ctx.table, { money: inst.money !== 'none', exchange: inst.inputs === 'par' });
  return criteria.filter((c) => c.applies && !c.pass).map((c) => c.name);
}

export function runLine(
  ctx: RunContext,
  sweptKeys: readonly string[],
  metrics: readonly string[],
  providers: readonly RunColumnProvider[],
): string {
  const run: PlannedRun = ctx.run;
  const failed = failedCriteria(ctx);
  const { metrics: names, means } = windowMeans(ctx.table);
  const byName = new Map(names.map((n, i) => [n, means[i]!]));
  const cells = [
    csvText(run.run), csvText(run.preset), csvText(run.point), String(run.replicate), String(run.seed),
    ...sweptKeys.map((k) => valueCell(run.params[k])),
    failed.length === 0 ? '1' : '0',
    csvText(failed.join(';')),
    ...metrics.map((m) => num6(byName.get(m) ?? NaN)),
  ];
  for (const p of providers) {
    const values = p.values(ctx);
    if (values.length !== p.columns.length) throw new Error(`runs.csv provider of ${p.columns.join(', ')} gave ${values.length} values for ${p.columns.length} columns (${run.run})`);
    cells.push(...values.map((v) => (typeof v === 'number' ? num6(v) : csvText(v))));
  }
  return cells.join(',');
}
