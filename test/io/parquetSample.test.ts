/**
 * sampleRejectsDictionary tells when hyparquet-writer's own sample turns dictionary encoding down, so
 * sim/io/parquet.ts asks for PLAIN pages: the files must be the bytes the writer makes by itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { useDictionary } from 'hyparquet-writer/src/dictionary.js';
import { sampleRejectsDictionary } from '../../sim/io/parquetSample.js';
import { ParquetFile, parquetSchema, PARQUET_CREATED_BY, type ParquetColumn } from '../../sim/io/parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'abundance-parquet-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** hyparquet-writer 0.17.0's sample test (src/dictionary.js, useDictionary), transcribed with its Maps. */
function plainSampleRejects(values: readonly (number | null | undefined)[], bytes: number): boolean {
  const sampleSize = Math.min(values.length, 1000);
  const sizes = new Map<number | null | undefined, number>();
  let dictionary = 0;
  let total = 0;
  for (let i = 0; i < sampleSize; i++) {
    const value = values[sampleSize === 1 ? 0 : Math.floor(i * (values.length - 1) / (sampleSize - 1))];
    let size = sizes.get(value);
    if (size === undefined) {
      size = value === null || value === undefined ? 0 : bytes;
      sizes.set(value, size);
      dictionary += size;
    }
    total += size;
  }
  return !total || dictionary / total > 0.9;
}

/** Columns of numbers as a run's metrics have them: mostly distinct, or few values, with nulls, -0 and 0. */
const column = fc.tuple(
  fc.integer({ min: 0, max: 2500 }),
  fc.constantFrom(2, 5, 50, 900, 950, 1e9),
  fc.double({ min: 0, max: 0.3, noNaN: true }),
  fc.integer({ min: 1, max: 2 ** 30 }),
).map(([n, kinds, nullShare, seed]) => {
  let x = seed;
  const next = (): number => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
  return Array.from({ length: n }, () => {
    const u = next();
    if (u < nullShare) return null;
    const k = Math.floor(next() * kinds);
    if (k === 0) return next() < 0.5 ? -0 : 0;
    if (k === 1) return [NaN, Infinity, -Infinity][Math.floor(next() * 3)]!; // one key each, as in a Map
    return k / 7;
  });
});

describe('io/parquetSample', () => {
  it('turns the dictionary down exactly when the writer\'s sample would, at any length (0 to 3,000)', () => {
    for (const n of [0, 1, 2, 999, 1000, 1001, 1095]) {
      const distinct = Array.from({ length: n }, (_, i) => i + 0.5);
      expect(sampleRejectsDictionary(distinct)).toBe(plainSampleRejects(distinct, 8));
      expect(sampleRejectsDictionary(distinct.map(() => null))).toBe(true);
    }
    // Where it samples: distinct values at the writer's sample positions, one value everywhere else, so
    // a sample taken anywhere else sees that value many times over and keeps the dictionary.
    for (const n of [1999, 2500, 3000]) {
      const at = new Set(Array.from({ length: 1000 }, (_, i) => Math.floor(i * (n - 1) / 999)));
      const values = Array.from({ length: n }, (_, p) => (at.has(p) ? p + 0.5 : 0));
      expect(plainSampleRejects(values, 8)).toBe(true);
      expect(sampleRejectsDictionary(values)).toBe(true);
      expect(sampleRejectsDictionary(values.map((v) => (v === 0 ? 1.25 : 0)))).toBe(false);
    }
    fc.assert(fc.property(column, (values) => {
      const rejects = sampleRejectsDictionary(values);
      expect(rejects).toBe(plainSampleRejects(values, 8));
      expect(rejects).toBe(plainSampleRejects(values, 4));
      // And the writer itself writes no dictionary when it says so, for DOUBLE and INT32 alike.
      if (rejects) expect(useDictionary(values, 'DOUBLE', undefined, undefined, undefined, false)).toEqual({});
    }), { numRuns: 400 });
  });

  it('counts right when every value falls in one slot: a probe chain of 1,000 that runs past the table\'s end', () => {
    // Doubles whose two 32-bit words xor to one constant hash alike; the constant is chosen so that
    // their slot is 4090, six from the end of the 4,096 slots.
    const words = new Uint32Array(2);
    const value = new Float64Array(words.buffer);
    let constant = 0;
    while ((Math.imul(constant, 0x9e3779b1) >>> 20) !== 4090) constant++;
    const alike = (k: number): number => { words[1] = 0x3ff00000 + k; words[0] = words[1] ^ constant; return value[0]!; };
    for (const distinct of [900, 901]) {
      const values = Array.from({ length: 1000 }, (_, i) => alike(i < distinct ? i : distinct - 1)); // repeats of one past the wrap
      expect(new Set(values).size).toBe(distinct);
      expect(sampleRejectsDictionary(values)).toBe(distinct > 900);
      expect(plainSampleRejects(values, 8)).toBe(distinct > 900);
    }
  });

  it('-0 and 0 are one value, as in the writer\'s Map; a column of one value repeated keeps its dictionary', () => {
    const zeros = Array.from({ length: 1095 }, (_, i) => (i % 2 === 0 ? 0 : -0));
    expect(sampleRejectsDictionary(zeros)).toBe(false);
    expect(plainSampleRejects(zeros, 8)).toBe(false);
    expect(sampleRejectsDictionary(Array.from({ length: 1095 }, () => 3))).toBe(false);
    // At the threshold: 899 distinct values and 101 zeros, signed by turns, are 900 distinct of 1000 (0.9,
    // kept); were -0 a value of its own, 901 (turned down).
    const edge = [...Array.from({ length: 899 }, (_, i) => i + 1), ...Array.from({ length: 101 }, (_, i) => (i % 2 === 0 ? 0 : -0))];
    expect(plainSampleRejects(edge, 8)).toBe(false);
    expect(sampleRejectsDictionary(edge)).toBe(false);
  });

  it('a ParquetFile with its PLAIN hints is byte for byte the file the writer makes without them', () => {
    const columns: ParquetColumn[] = [
      { name: 'distinct', kind: 'double' }, { name: 'few', kind: 'double' }, { name: 'count', kind: 'int32' },
      { name: 'empty', kind: 'double' }, { name: 'zeros', kind: 'double' },
    ];
    const n = 1095;
    const cells = [
      Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : Math.sqrt(i) * 1.5)),
      Array.from({ length: n }, (_, i) => (i % 3) / 4),
      Array.from({ length: n }, (_, i) => i * 3),
      Array.from({ length: n }, () => null),
      Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : -0)),
    ];
    const ours = join(dir, 'ours.parquet');
    const file = new ParquetFile(ours, columns);
    file.group(cells);
    file.group(cells.map((c) => c.slice(0, 700)));
    file.close();
    const theirs = join(dir, 'theirs.parquet');
    const writer = new ParquetWriter({ writer: fileWriter(theirs), schema: parquetSchema(columns), codec: 'SNAPPY', statistics: true, createdBy: PARQUET_CREATED_BY });
    writer.write({ columnData: columns.map((c, j) => ({ name: c.name, data: cells[j]! })), rowGroupSize: n });
    writer.write({ columnData: columns.map((c, j) => ({ name: c.name, data: cells[j]!.slice(0, 700) })), rowGroupSize: 700 });
    writer.finish();
    expect(sampleRejectsDictionary(cells[0]!)).toBe(true); // the hint is given, so the comparison means something
    expect(readFileSync(ours).equals(readFileSync(theirs))).toBe(true);
  });
});
