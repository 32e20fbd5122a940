/**
 * Parquet files from the program's CSV tables (docs/data.md), written by hyparquet-writer (pure
 * JavaScript, no native code). Each Parquet file is its CSV table in another format: the same columns in
 * the same order, and the value of every cell the number or text of the CSV cell (an empty cell is a
 * null), so the two never disagree. What a column holds is its `ParquetKind`; the module of each file
 * (runsParquet.ts, summaryParquet.ts, metricsParquet.ts) gives its columns.
 *
 * The bytes are a function of the rows alone: no times, no paths, a fixed `created_by`, one codec
 * (SNAPPY, in JavaScript), statistics on, and row groups of fixed size (`write` is called with whole
 * groups by the callers). The file is written through a buffer flushed about every megabyte, so a
 * writer holds one row group at a time, never the file.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileWriter, ParquetWriter, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { parquetReadObjects } from 'hyparquet';
import { parseCsvLine } from './csvRecords.js';
import { finalName } from './atomic.js';
import { sampleRejectsDictionary } from './parquetSample.js';

/** How a column is stored: `string` UTF8, `int32`/`int64` integers, `double` IEEE 754, `boolean`. */
export type ParquetKind = 'string' | 'int32' | 'int64' | 'double' | 'boolean';

export interface ParquetColumn {
  readonly name: string;
  readonly kind: ParquetKind;
}

/** A cell of a column: null where the CSV cell is empty. */
export type ParquetCell = string | number | bigint | boolean | null;

/** The footer's `created_by` (hyparquet-writer's default is "hyparquet"): no version, so a release of either changes no byte. */
export const PARQUET_CREATED_BY = 'abundance (hyparquet-writer)';
/** Rows per row group of runs.parquet and summary.parquet (metrics.parquet has one group per run). */
export const PARQUET_GROUP_ROWS = 65_536;

const ELEMENT: Record<ParquetKind, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int32: { type: 'INT32' },
  int64: { type: 'INT64' },
  double: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
};

/** The Parquet schema of the columns: every column OPTIONAL (nullable), in order. */
export function parquetSchema(columns: readonly ParquetColumn[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c): SchemaElement => ({ name: c.name, ...ELEMENT[c.kind], repetition_type: 'OPTIONAL' })),
  ];
}

const INT32_MAX = 2 ** 31 - 1;

/** The value of a CSV cell in a column of `kind`; throws on a cell that is not of the kind. */
export function cellValue(cell: string, kind: ParquetKind): ParquetCell {
  if (cell === '') return null;
  switch (kind) {
    case 'string':
      return cell;
    case 'boolean':
      if (cell === 'true' || cell === 'false') return cell === 'true';
      break;
    case 'int64':
      if (/^-?\d+$/.test(cell)) return BigInt(cell);
      break;
    case 'int32': {
      const v = Number(cell);
      if (Number.isInteger(v) && Math.abs(v) <= INT32_MAX) return v;
      break;
    }
    case 'double': {
      const v = Number(cell);
      if (!Number.isNaN(v) && cell.trim() !== '') return v;
      break;
    }
  }
  throw new Error(`"${cell}" is not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`);
}

/** 10^k for k <= 15 (exact in a double up to k = 22). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * cellValue of the cell text.slice(a, b), without making the slice when the column is numeric and the cell is
 * a plain decimal (an optional minus, digits, and a point with digits after it) of at most 15 digits:
 * its value is then the integer of its digits, exact in a double, divided by a power of ten, exact too,
 * and one IEEE division rounds to the double nearest the decimal, as Number(text) does (Clinger's fast
 * path, "How to read floating point numbers accurately", 1990). Any other cell goes through cellValue.
 */
export function numberCellValue(text: string, a: number, b: number, kind: ParquetKind): ParquetCell {
  if (kind !== 'double' && kind !== 'int32') return cellValue(text.slice(a, b), kind);
  if (a === b) return null;
  let i = a;
  const negative = text.charCodeAt(i) === 45; // '-'
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let decimals = -1; // digits after the point, -1 before it
  for (; i < b; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      m = m * 10 + c;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === -2 && decimals < 0 && digits > 0) { // '.' after a digit
      decimals = 0;
    } else {
      digits = 16; // not a plain decimal
      break;
    }
  }
  if (digits === 0 || digits > 15 || decimals === 0) return cellValue(text.slice(a, b), kind);
  let v = decimals > 0 ? m / POW10[decimals]! : m;
  if (negative) v = -v;
  if (kind === 'int32' && !(Number.isInteger(v) && Math.abs(v) <= INT32_MAX)) return cellValue(text.slice(a, b), kind); // its error
  return v;
}

/**
 * A Parquet file written a row group at a time: `group(cells)` takes one array per column (all of the
 * same length) and writes them as one row group; `close()` writes the footer.
 */
export class ParquetFile {
  private readonly writer: ParquetWriter;
  private closed = false;
  rows = 0;

  constructor(readonly path: string, readonly columns: readonly ParquetColumn[]) {
    this.writer = new ParquetWriter({ writer: fileWriter(path), schema: parquetSchema(columns), codec: 'SNAPPY', statistics: true, createdBy: PARQUET_CREATED_BY });
  }

  group(cells: readonly ParquetCell[][]): void {
    if (this.closed) throw new Error(`${this.path}: written after close`);
    const n = cells[0]?.length ?? 0;
    if (n === 0) return;
    const columnData: ColumnSource[] = this.columns.map((c, j) => {
      const data = cells[j];
      if (data === undefined || data.length !== n) throw new Error(`${this.path}: column ${c.name} has ${data?.length ?? 0} values, expected ${n}`);
      // PLAIN pages where the writer's own sample would choose them (the same bytes, without its
      // sampling): it samples a row group's values, and `write` below is given exactly one group.
      if ((c.kind === 'double' || c.kind === 'int32') && sampleRejectsDictionary(data)) return { name: c.name, data, encoding: 'PLAIN' };
      return { name: c.name, data };
    });
    // fileWriter has no asynchronous flush, so the group is written when write() returns.
    if (this.writer.write({ columnData, rowGroupSize: n }) !== undefined) throw new Error(`${this.path}: the Parquet writer went asynchronous`);
    this.rows += n;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.writer.finish() !== undefined) throw new Error(`${this.path}: the Parquet writer went asynchronous`);
  }
}

/**
 * Cells gathered row by row into groups of `groupRows`: `row(values)` adds a row, and every full group
 * is written; `close()` writes the last, partial group and the footer.
 */
export class ParquetRowWriter {
  private readonly file: ParquetFile;
  private cells: ParquetCell[][];

  constructor(path: string, readonly columns: readonly ParquetColumn[], readonly groupRows = PARQUET_GROUP_ROWS) {
    this.file = new ParquetFile(path, columns);
    this.cells = columns.map(() => []);
  }

  /** One row of CSV cells, in column order (converted by each column's kind). */
  csvRow(row: readonly string[], where: () => string): void {
    const columns = this.columns;
    const cells = this.cells;
    if (row.length !== columns.length) throw new Error(`${where()}: ${row.length} cells, expected ${columns.length}`);
    // One try around a plain loop, its error naming column j: a closure per cell was a tenth of finishing a sweep.
    let j = 0;
    try {
      for (; j < columns.length; j++) cells[j]!.push(cellValue(row[j]!, columns[j]!.kind));
    } catch (error) {
      throw new Error(`${where()}, column ${columns[j]!.name}: ${(error as Error).message}`);
    }
    if (cells[0]!.length >= this.groupRows) this.flush();
  }

  private flush(): void {
    this.file.group(this.cells);
    this.cells = this.columns.map(() => []);
  }

  close(): void {
    this.flush();
    this.file.close();
  }
}

/** The rows of a Parquet file as objects (column name -> value); for tests and small files. */
export async function readParquetRows(path: string): Promise<Record<string, unknown>[]> {
  const buf = readFileSync(path);
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file });
}

/**
 * The kind of a column of swept values (runs.csv, summary.csv): `double` when every value set is a
 * number, `boolean` when every one is a flag, else `string` (the CSV's text of each value).
 */
export function valueKind(values: readonly unknown[]): ParquetKind {
  const set = values.filter((v) => v !== undefined && v !== null);
  if (set.length > 0 && set.every((v) => typeof v === 'number')) return 'double';
  if (set.length > 0 && set.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

/** The lines of a text file, read in chunks of about 1 MB (a summary.csv can be large). */
export function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const lines = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

/**
 * A CSV file of the program (one record per line, sim/io/csvRecords.ts) written as Parquet with
 * `columns`, whose names must be the CSV's header; rows in groups of `groupRows`. Returns the rows written.
 */
export function csvFileToParquet(csvPath: string, parquetPath: string, columns: readonly ParquetColumn[], groupRows = PARQUET_GROUP_ROWS): number {
  const file = finalName(basename(csvPath)); // written to a temporary sibling: name the file it becomes
  const out = new ParquetRowWriter(parquetPath, columns, groupRows);
  let lineNo = 0;
  let rows = 0;
  try {
    for (const line of fileLines(csvPath)) {
      lineNo++;
      if (lineNo === 1) {
        const header = parseCsvLine(line);
        const names = columns.map((c) => c.name);
        if (header.join(',') !== names.join(',')) throw new Error(`${file}: the header is not the Parquet file's columns (${names.join(',')})`);
        continue;
      }
      if (line === '') continue;
      out.csvRow(line.includes('"') ? parseCsvLine(line) : line.split(','), () => `${file} line ${lineNo}`); // most lines quote nothing
      rows++;
    }
    if (lineNo === 0) throw new Error(`${file}: no header line`);
  } catch (error) {
    try { out.close(); } catch { /* the first error is the one to report; the caller deletes the file */ }
    throw error;
  }
  out.close();
  return rows;
}
