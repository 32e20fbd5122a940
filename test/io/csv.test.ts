/** sim/io/csv: the number formats that make run files byte-identical, and the buffered writer. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CsvWriter, csvText, expandExponent, formatCell, formatEnum, formatInt, formatMilli, formatReal, formatRow, formatTokens, num6, valueCell,
} from '../../sim/io/csv.js';

describe('io/csv formats', () => {
  it('writes integers rounded, without a decimal point, and -0 as 0', () => {
    expect(formatInt(42)).toBe('42');
    expect(formatInt(-7)).toBe('-7');
    expect(formatInt(2.6)).toBe('3');
    expect(formatInt(-0)).toBe('0');
    expect(formatInt(-0.4)).toBe('0');
    expect(formatInt(1e21)).toBe('1000000000000000000000');
  });

  it('writes token amounts with exactly three decimals, rounded to the milli-token', () => {
    expect(formatMilli(12345)).toBe('12.345');
    expect(formatMilli(-12345)).toBe('-12.345');
    expect(formatMilli(5)).toBe('0.005');
    expect(formatMilli(-500)).toBe('-0.500');
    expect(formatMilli(0)).toBe('0.000');
    expect(formatMilli(-0)).toBe('0.000');
    expect(formatTokens(12.345)).toBe('12.345');
    expect(formatTokens(0.1 + 0.2)).toBe('0.300');
    expect(formatTokens(1234567.8915)).toBe('1234567.892');
    expect(formatTokens(-0.0004)).toBe('0.000');
    expect(formatTokens(3)).toBe('3.000');
  });

  it('writes reals with at most eight significant digits and no float noise', () => {
    expect(formatReal(0.73215468123)).toBe('0.73215468');
    expect(formatReal(0.1 + 0.2)).toBe('0.3');
    expect(formatReal(3)).toBe('3');
    expect(formatReal(-2.5)).toBe('-2.5');
    expect(formatReal(123456789)).toBe('123456790');
    expect(formatReal(-0)).toBe('0');
    expect(formatReal(1e-12)).toBe('0.000000000001');
  });

  it('never writes an exponent, however small or large the number', () => {
    expect(formatReal(1.2345678e-9)).toBe('0.0000000012345678');
    expect(formatReal(-4e-7)).toBe('-0.0000004');
    expect(formatReal(2.5e22)).toBe('25000000000000000000000');
    expect(expandExponent('1.5e+3')).toBe('1500');
    expect(expandExponent('12.5')).toBe('12.5');
  });

  it('gives the round trip through Number and String (the rule as first written) for any double', () => {
    // The reference: x rounded by toPrecision, read back, written shortest, exponent expanded.
    const reference = (x: number, digits: number): string => {
      if (!Number.isFinite(x)) return '';
      if (x === 0) return '0';
      const r = Number(x.toPrecision(digits));
      return r === 0 ? '0' : expandExponent(String(r));
    };
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    let state = 2463534242;
    const next = (): number => { state ^= state << 13; state ^= state >>> 17; state ^= state << 5; return (state >>> 0) / 4294967296; };
    const values = [1e-6, 9.99999995e-7, 9.9999999e-7, 99999999.5, 99999999.4, 999999.5, 1e8, 1e21, 5e-324, 0.1 + 0.2, 123456785, 0.000001234567851];
    for (let k = 0; k < 15_000; k++) {
      values.push((next() - 0.5) * 10 ** Math.floor(next() * 40 - 20)); // every magnitude near the fixed/exponent edges
      values.push(Math.round(next() * 1e9) / 10 ** Math.floor(next() * 12)); // short decimals, trailing zeros
      words[0] = (next() * 4294967296) >>> 0;
      words[1] = (next() * 4294967296) >>> 0;
      values.push(bits[0]!); // any bit pattern
    }
    const differ: string[] = [];
    for (const x of values) {
      for (const v of [x, -x]) {
        if (formatReal(v) !== reference(v, 8)) differ.push(`formatReal(${v}): ${formatReal(v)}, not ${reference(v, 8)}`);
        if (num6(v) !== reference(v, 6)) differ.push(`num6(${v}): ${num6(v)}, not ${reference(v, 6)}`);
      }
    }
    expect(values.length).toBeGreaterThan(45_000);
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('writes NaN and infinities as empty cells in every format', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(formatInt(x)).toBe('');
      expect(formatTokens(x)).toBe('');
      expect(formatReal(x)).toBe('');
      expect(formatCell(x, { format: 'enum', labels: ['a'] })).toBe('');
    }
  });

  it('writes enums as their labels, and an unknown index as an empty cell', () => {
    expect(formatEnum(1, ['cpu-rich', 'labour-rich'])).toBe('labour-rich');
    expect(formatEnum(2, ['cpu-rich', 'labour-rich'])).toBe('');
    expect(formatEnum(0.5, ['cpu-rich'])).toBe('');
  });

  it('formats a row by the formats of its columns', () => {
    const specs = [{ format: 'int' }, { format: 'tokens' }, { format: 'real' }, { format: 'enum', labels: ['x', 'y'] }] as const;
    expect(formatRow(Float64Array.of(3, 1.5, NaN, 1), specs)).toBe('3,1.500,,y');
  });

  it('quotes text only when CSV needs it', () => {
    expect(csvText('two-token')).toBe('two-token');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('io/csv writer', () => {
  let dir = '';
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('writes the header and every row, across many 64 KB chunks', () => {
    dir = mkdtempSync(join(tmpdir(), 'abundance-csv-'));
    const path = join(dir, 'x.csv');
    const w = new CsvWriter(path, ['day', 'amount']);
    const specs = [{ format: 'int' }, { format: 'tokens' }] as const;
    const row = new Float64Array(2);
    for (let d = 0; d < 20_000; d++) {
      row[0] = d;
      row[1] = d / 1000;
      w.row(row, specs);
    }
    w.close();
    w.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[0]).toBe('day,amount');
    expect(lines[1]).toBe('0,0.000');
    expect(lines[20_000]).toBe('19999,19.999');
    expect(lines).toHaveLength(20_002);
    expect(lines[20_001]).toBe('');
  });

  it('refuses rows after it is closed', () => {
    dir = mkdtempSync(join(tmpdir(), 'abundance-csv-'));
    const w = new CsvWriter(join(dir, 'y.csv'), ['a']);
    w.close();
    expect(() => { w.line('1'); w.flush(); }).toThrow(/after close/);
  });
});

describe('io/csv num6 and valueCell (runs.csv, summary.csv, compare.csv)', () => {
  it('writes at most 6 significant digits in plain decimals, empty when not finite', () => {
    expect(num6(0.1 + 0.2)).toBe('0.3');
    expect(num6(1234567.89)).toBe('1234570');
    expect(num6(2 / 3)).toBe('0.666667');
    expect(num6(1.5e-7)).toBe('0.00000015');
    expect(num6(-0)).toBe('0');
    expect(num6(-1e-12)).toBe('-0.000000000001');
    expect(num6(NaN)).toBe('');
    expect(num6(Infinity)).toBe('');
  });

  it('writes swept values: numbers as numbers, text quoted only when CSV needs it, nothing as empty', () => {
    expect(valueCell(0.12)).toBe('0.12');
    expect(valueCell('2020s')).toBe('2020s');
    expect(valueCell('a,b')).toBe('"a,b"');
    expect(valueCell(true)).toBe('true');
    expect(valueCell(undefined)).toBe('');
  });

  it('also: writes up to 6 significant digits in plain decimals, empty for NaN, 0 for -0', () => {
    expect(num6(1234567)).toBe('1234570');
    expect(num6(-0.1234567)).toBe('-0.123457');
    expect(num6(1.234567e-7)).toBe('0.000000123457');
    expect(num6(2.5e21)).toBe('2500000000000000000000');
    expect(num6(0.1 + 0.2)).toBe('0.3');
    expect(num6(-0)).toBe('0');
    expect(num6(NaN)).toBe('');
    expect(num6(Infinity)).toBe('');
  });
});
