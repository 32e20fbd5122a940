/**
 * sim/io/metricsParquet: a run's metrics.csv read into typed columns (each cell as cellValue reads its
 * text: an empty cell is null), and the errors that name the line, and the column, of a broken row.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_PARQUET_COLUMNS, metricsCsvCells, metricsTableOf } from '../../sim/io/metricsParquet.js';

const header = METRIC_PARQUET_COLUMNS.map((c) => c.name).join(',');
const width = METRIC_PARQUET_COLUMNS.length;
/** A row whose cell j is `cell(j)`. */
const row = (cell: (j: number) => string): string => Array.from({ length: width }, (_, j) => cell(j)).join(',');
const intColumn = METRIC_PARQUET_COLUMNS.findIndex((c) => c.kind === 'int32');
const doubleColumn = METRIC_PARQUET_COLUMNS.findIndex((c) => c.kind === 'double');
const otherColumn = METRIC_PARQUET_COLUMNS.findIndex((_, j) => j !== doubleColumn && j !== intColumn);

describe('io/metricsParquet', () => {
  it('reads each cell as its column kind, empty cells as null, and the table as numbers with NaN', () => {
    const text = [header, row((j) => (j === doubleColumn ? '-12.345' : j === intColumn ? '7' : '')), row((j) => (j === doubleColumn ? '0.30000000' : '0'))].join('\n') + '\n';
    const cells = metricsCsvCells(text, 'm.csv');
    expect(cells).toHaveLength(width);
    expect(cells[doubleColumn]).toEqual([-12.345, 0.3]);
    expect(cells[intColumn]).toEqual([7, 0]);
    expect(cells.filter((_, j) => j !== doubleColumn && j !== intColumn).every((c) => c[0] === null && c[1] === 0)).toBe(true);
    const table = metricsTableOf(cells);
    expect(table.rows[0]![doubleColumn]).toBe(-12.345);
    expect(table.rows[0]![otherColumn]).toBeNaN(); // an empty cell
    expect(table.rows[1]![otherColumn]).toBe(0);
  });

  it('names the line of a row with too few or too many cells, and the line and column of a bad cell', () => {
    const ok = row(() => '1');
    expect(() => metricsCsvCells([header, ok, ok.slice(0, ok.lastIndexOf(','))].join('\n'), 'm.csv')).toThrow(`m.csv line 3: ${width - 1} cells, expected ${width}`);
    expect(() => metricsCsvCells([header, `${ok},1`].join('\n'), 'm.csv')).toThrow(`m.csv line 2: ${width + 1} cells, expected ${width}`);
    const bad = row((j) => (j === intColumn ? '1.5' : '1'));
    expect(() => metricsCsvCells([header, bad].join('\n'), 'm.csv')).toThrow(`m.csv line 2, column ${METRIC_PARQUET_COLUMNS[intColumn]!.name}: "1.5" is not an int32`);
    expect(() => metricsCsvCells(['day,x', ok].join('\n'), 'm.csv')).toThrow(/m\.csv: the header is not metrics\.csv's columns/);
  });
});
