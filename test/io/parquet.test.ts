/**
 * sim/io/parquet: CSV cells to typed values (empty -> null, a cell not of its column's kind refused),
 * the kind of a swept key's column, the line reader, and a CSV file written as Parquet and read back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellValue, csvFileToParquet, fileLines, numberCellValue, readParquetRows, valueKind } from '../../sim/io/parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'abundance-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('io/parquet', () => {
  it('cellValue: an empty cell is null; numbers, integers, seeds, flags and text by the column kind', () => {
    expect(cellValue('', 'double')).toBeNull();
    expect(cellValue('', 'string')).toBeNull();
    expect(cellValue('12.345', 'double')).toBe(12.345);
    expect(cellValue('-0.5', 'double')).toBe(-0.5);
    expect(cellValue('42', 'int32')).toBe(42);
    expect(cellValue('4294967295', 'int64')).toBe(4294967295n);
    expect(cellValue('true', 'boolean')).toBe(true);
    expect(cellValue('peer-bank', 'string')).toBe('peer-bank');
  });

  it('cellValue refuses a cell that is not of its kind, naming it', () => {
    expect(() => cellValue('1.5', 'int32')).toThrow('"1.5" is not an int32');
    expect(() => cellValue('3000000000', 'int32')).toThrow(/not an int32/);
    expect(() => cellValue('x', 'double')).toThrow('"x" is not a double');
    expect(() => cellValue('1e3', 'int64')).toThrow(/not an int64/);
    expect(() => cellValue('yes', 'boolean')).toThrow(/not a boolean/);
  });

  it('numberCellValue reads a cell in place as cellValue reads its text, to the bit, and refuses as it does', () => {
    const same = (cell: string, kind: 'double' | 'int32' | 'string'): void => {
      const text = `x,${cell},y`;
      let want: unknown;
      try {
        want = cellValue(cell, kind);
      } catch (error) {
        expect(() => numberCellValue(text, 2, 2 + cell.length, kind), cell).toThrow((error as Error).message);
        return;
      }
      expect(Object.is(numberCellValue(text, 2, 2 + cell.length, kind), want), `${kind} ${cell}`).toBe(true);
    };
    for (const cell of ['', '0', '-0', '7', '-12.345', '0.1', '0.30000000', '00.5', '1.', '.5', '1e-7', '123456789012345', '1234567890123456',
      '9007199254740993', '0.000000123456789', '-999999.999', 'NaN', 'Infinity', '1,5', ' 1', '2147483647', '2147483648', '-2147483648', '3.5', 'abc']) {
      same(cell, 'double');
      same(cell, 'int32');
      same(cell, 'string');
    }
    // Random plain decimals of 1 to 17 digits, the point anywhere: every fast-path case and beyond it.
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let k = 0; k < 20_000; k++) {
      const digits = 1 + Math.floor(next() * 17);
      let s = '';
      for (let d = 0; d < digits; d++) s += Math.floor(next() * 10);
      const point = Math.floor(next() * digits);
      if (point > 0 && next() < 0.8) s = `${s.slice(0, point)}.${s.slice(point)}`;
      same(next() < 0.3 ? `-${s}` : s, 'double');
    }
  });

  it('valueKind: numbers are double, flags boolean, anything else or mixed string; unset values do not count', () => {
    expect(valueKind([7, undefined, 90])).toBe('double');
    expect(valueKind([true, false])).toBe('boolean');
    expect(valueKind(['auction', 'par'])).toBe('string');
    expect(valueKind([1, 'a'])).toBe('string');
    expect(valueKind([undefined])).toBe('string');
  });

  it('fileLines gives the lines of a file larger than its 1 MB chunk, CRLF or LF, multi-byte characters whole', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i},é€${'x'.repeat(i % 50)}`);
    const path = join(dir, 'lines.txt');
    writeFileSync(path, lines.join('\r\n') + '\r\n');
    expect(readFileSync(path).length).toBeGreaterThan(1 << 20);
    expect([...fileLines(path)]).toEqual(lines);
  });

  it('csvFileToParquet writes a CSV with quoted cells as Parquet, read back with nulls; a wrong header is refused', async () => {
    const csv = join(dir, 't.csv');
    writeFileSync(csv, 'name,n,x\n"a,b",1,0.5\nc,,\n');
    const columns = [{ name: 'name', kind: 'string' }, { name: 'n', kind: 'int32' }, { name: 'x', kind: 'double' }] as const;
    expect(csvFileToParquet(csv, join(dir, 't.parquet'), columns)).toBe(2);
    expect(await readParquetRows(join(dir, 't.parquet'))).toEqual([{ name: 'a,b', n: 1, x: 0.5 }, { name: 'c', n: null, x: null }]);
    expect(() => csvFileToParquet(csv, join(dir, 'u.parquet'), columns.slice(0, 2))).toThrow(/t\.csv: the header is not the Parquet file's columns/);
    writeFileSync(csv, 'name,n,x\nd,1.5,2\n');
    expect(() => csvFileToParquet(csv, join(dir, 'v.parquet'), columns)).toThrow('t.csv line 2, column n: "1.5" is not an int32');
    // A sweep converts its CSVs from their temporary siblings: the message names the file they become.
    const temp = join(dir, 'runs.csv.tmp-123-ab12cd34');
    writeFileSync(temp, 'name,n,x\nd,1.5,2\n');
    expect(() => csvFileToParquet(temp, join(dir, 'w.parquet'), columns)).toThrow(/^runs\.csv line 2, column n/);
  });
});
