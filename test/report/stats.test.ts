import { describe, expect, it } from 'vitest';
import { endStats, formatStat, statsTable } from '../../sim/report/stats.js';
import { parseMetricsCsv } from '../../sim/io/metricsCsv.js';

describe('report/stats', () => {
  it('end-of-run means cover the last 365 days and skip empty days', () => {
    const lines = ['day,x,goods_total'];
    for (let d = 0; d < 400; d++) lines.push(`${d},${d < 35 ? 1000 : d % 2 === 0 ? 2 : ''},${d}`);
    const table = parseMetricsCsv(lines.join('\n'));
    expect(endStats(table, ['x', 'missing'])).toEqual([2, NaN]);
    expect(endStats(table, [{ metric: 'goods_total', label: '', unit: '', at: 'last' }])).toEqual([399]);
  });

  it('a short run is averaged whole', () => {
    const table = parseMetricsCsv('day,x\n0,1\n1,3\n');
    expect(endStats(table, ['x'])).toEqual([2]);
  });

  it('numbers print as 4 significant digits, thousands grouped, NaN as a dash', () => {
    expect([formatStat(NaN), formatStat(0), formatStat(0.123456), formatStat(12.3456), formatStat(1234567.8)])
      .toEqual(['—', '0', '0.1235', '12.35', '1,234,568']);
  });

  it('the table has one row per key metric and one column per run', () => {
    const t = statsTable([{ label: 'a', table: parseMetricsCsv('day,goods_released\n0,4\n') }]);
    expect(t.header).toEqual(['metric', 'unit', 'a']);
    expect(t.rows[0]).toEqual(['goods released', 'goods per day', '4']);
    expect(t.rows.every((r) => r.length === 3)).toBe(true);
  });
});
