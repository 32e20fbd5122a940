/** sim/report/csvRecords: the cells of the sweep CSV files, quoted as sim/io/csv.ts writes them. */
import { describe, expect, it } from 'vitest';
import { csvText } from '../../sim/io/csv.js';
import { cellNumber, parseCsv, parseCsvLine } from '../../sim/io/csvRecords.js';

describe('io/csvRecords', () => {
  it('splits on commas outside quotes and reads "" as one quote', () => {
    expect(parseCsvLine('a,"b,c","say ""hi""",,')).toEqual(['a', 'b,c', 'say "hi"', '', '']);
  });

  it('reads back every cell the CSV writer quotes', () => {
    const cells = ['plain', 'with,comma', 'with "quote"', '', 'semi;colon'];
    expect(parseCsvLine(cells.map(csvText).join(','))).toEqual(cells);
  });

  it('a file with a ragged line or an unclosed quote names the file and line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'runs.csv')).toThrow('runs.csv line 3: 1 cells, the header has 2');
    expect(() => parseCsv('a,b\n"1,2\n', 'runs.csv')).toThrow('runs.csv line 2: a quoted cell is not closed');
    expect(() => parseCsv('', 'runs.csv')).toThrow('runs.csv: no header line');
  });

  it('an empty cell is NaN and text is refused', () => {
    expect(cellNumber('', 'x')).toBeNaN();
    expect(cellNumber('1.5e-3', 'x')).toBe(0.0015);
    expect(() => cellNumber('abc', 'runs.csv line 2, column n')).toThrow('runs.csv line 2, column n: "abc" is not a number');
  });
});
