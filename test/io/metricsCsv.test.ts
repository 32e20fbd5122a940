import { describe, expect, it } from 'vitest';
import { columnOf, daysOf, formatMetricsCsv, parseMetricsCsv } from '../../sim/io/metricsCsv.js';

describe('io/metricsCsv', () => {
  it('a CSV with empty cells survives a parse and format round trip', () => {
    const text = 'day,goods_released,exchange_rate\n0,3,\n1,,2.125\n2,5,1.5\n';
    const table = parseMetricsCsv(text);
    expect(table.columns).toEqual(['day', 'goods_released', 'exchange_rate']);
    expect(table.rows.map((r) => Array.from(r))).toEqual([[0, 3, NaN], [1, NaN, 2.125], [2, 5, 1.5]]);
    expect(formatMetricsCsv(table)).toBe(text);
    expect(parseMetricsCsv(formatMetricsCsv(table))).toEqual(table);
  });

  it('reads CRLF line ends and a missing final newline', () => {
    const table = parseMetricsCsv('day,x\r\n0,1\r\n1,');
    expect(table.rows.map((r) => Array.from(r))).toEqual([[0, 1], [1, NaN]]);
  });

  it('refuses ragged rows and text in a number column', () => {
    expect(() => parseMetricsCsv('day,x\n0\n')).toThrow(/line 2/);
    expect(() => parseMetricsCsv('day,x\n0,NaN-ish\n')).toThrow(/column "x"/);
  });

  it('gives a column by name, and row numbers as days when the file has no day column', () => {
    const table = parseMetricsCsv('x\n7\n8\n');
    expect(columnOf(table, 'missing')).toBeUndefined();
    expect(Array.from(columnOf(table, 'x') ?? [])).toEqual([7, 8]);
    expect(Array.from(daysOf(table))).toEqual([0, 1]);
  });
});
