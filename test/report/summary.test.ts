/** sim/report/summary: five lines, one entry per run, means over the last 365 days, `-` where undefined. */
import { describe, expect, it } from 'vitest';
import { fmt, lastYearMean, summaryLines } from '../../sim/report/summary.js';
import type { MetricsTable } from '../../sim/io/metricsCsv.js';

function table(days: number, values: Record<string, (day: number) => number>): MetricsTable {
  const columns = ['day', ...Object.keys(values)];
  const rows = Array.from({ length: days }, (_, d) =>
    Float64Array.from(columns, (c) => (c === 'day' ? d : (values[c] ?? (() => NaN))(d))));
  return { columns, rows };
}

describe('report/summary', () => {
  it('averages a column over the last 365 rows, skipping empty cells', () => {
    const t = table(400, { goods_released: (d) => (d < 35 ? 1000 : d % 2 === 0 ? 2 : NaN) });
    expect(lastYearMean(t, 'goods_released')).toBe(2);
    expect(lastYearMean(t, 'no_such_column')).toBeNaN();
  });

  it('gives five lines naming every run', () => {
    const gift = table(730, { goods_released: () => 10, cost_index: (d) => (d < 365 ? 1 : 0.75) });
    const twoToken = table(730, {
      goods_released: () => 12, funded_share: () => 0.8, rho_median: () => 0.9,
      exchange_rate: () => 3, exchange_rate_ref: () => 4, money_ch: () => 1000, money_mh: () => 500,
      credit_ch: () => 1000, credit_mh: () => 500, cost_index: (d) => (d < 365 ? 1 : 0.5),
    });
    const lines = summaryLines([{ label: 'gift', table: gift }, { label: 'two-token', table: twoToken }]);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('gift 10');
    expect(lines[0]).toContain('two-token 12');
    expect(lines[1]).toContain('gift -');
    expect(lines[1]).toContain('two-token 0.8');
    expect(lines[2]).toContain('two-token 0.75');
    expect(lines[3]).toContain('two-token 1500 / 1500');
    expect(lines[4]).toContain('gift -25 %');
    expect(lines[4]).toContain('two-token -50 %');
  });

  it('writes numbers with three significant digits and k or M when large', () => {
    expect(fmt(0.123456)).toBe('0.123');
    expect(fmt(1500)).toBe('1500');
    expect(fmt(123456)).toBe('123k');
    expect(fmt(2.5e6)).toBe('2.50M');
    expect(fmt(NaN)).toBe('-');
  });
});
