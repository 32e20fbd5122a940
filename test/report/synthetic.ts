/**
 * Synthetic metrics tables for the report tests: smooth, seeded-by-formula series in the real
 * metrics.csv header, so the report sees the columns the engine writes. No randomness: the same
 * call gives the same table.
 */
import { COLUMNS } from '../../sim/metrics/columns.js';
import type { MetricsTable } from '../../sim/io/metricsCsv.js';

/** A table of `days` rows; `money: false` leaves every money column empty, as the gift preset does. */
export function syntheticTable(days: number, opts: { shift: number; money: boolean }): MetricsTable {
  const columns = COLUMNS.map((c) => c.name);
  const at = (name: string): number => columns.indexOf(name);
  const rows: Float64Array[] = [];
  let total = 0;
  for (let d = 0; d < days; d++) {
    const row = new Float64Array(columns.length).fill(NaN);
    const wave = Math.sin(d / 9 + opts.shift);
    const released = Math.round(4 + 3 * wave + opts.shift);
    total += released;
    const set = (name: string, v: number): void => void (row[at(name)] = v);
    set('day', d);
    set('producers_active', 50 - Math.floor(d / 20));
    set('pi_mean', 0.6 + 0.1 * wave);
    set('goods_released', released);
    set('goods_total', total);
    set('copies_per_capita', 2 + wave);
    set('funded_share', d % 5 === 0 ? NaN : 0.5 + 0.3 * wave);
    set('cost_index', 1 / (1 + d / 100));
    set('cost_mh_per_good', 10 - d / 20);
    set('output_near_floor', Math.min(1, d / 200));
    set('utilisation_ch', 0.7);
    set('utilisation_mh', 0.8 + 0.1 * wave);
    set('gini_income', 0.3 + opts.shift / 10);
    set('gini_wealth', 0.4);
    set('rho_median', 1 + 0.2 * wave);
    if (opts.money) {
      set('money_ch', 1000 + 10 * d);
      set('money_mh', 2000 + 5 * d);
      set('credit_ch', 100 + d);
      set('flow_ch', 50 + 20 * wave);
      set('exchange_rate', d % 3 === 0 ? NaN : 2 + 0.5 * wave);
      set('exchange_rate_ref', 2);
      set('price_level', 1.1);
    }
    rows.push(row);
  }
  return { columns, rows };
}
