/**
 * Deterministic CSV text for run files, and a buffered streaming writer.
 *
 * The same run must give byte-identical files on every machine, so numbers are never written with
 * `String(x)` alone: each column has a format (sim/metrics/columns.ts) and a rule here.
 * - `int`: a rounded integer.
 * - `tokens`: rounded to the nearest milli-token, then exactly three decimals (`12.345`, `-0.500`), so
 *   money identities can be checked from the file alone.
 * - `real`: at most eight significant digits, never an exponent and never float noise (`0.73215468`,
 *   `3`, not `3.0` nor `0.30000000000000004`).
 * - `enum`: the label at that index.
 * - `num6` (the cells of runs.csv, summary.csv and compare.csv): at most six significant digits, the
 *   same plain decimals.
 * NaN and +-Infinity are empty cells; -0 is `0`.
 *
 * The writer keeps text in memory and writes it with synchronous fd writes of about 64 KB: a run of
 * 10 years and 1,000 agents writes a few MB, and sync writes are the fastest and simplest way there.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvText, formatRow, type CellSpec } from './csvFormat.js';

export * from './csvFormat.js';

const CHUNK_CHARS = 64 * 1024;

/** A CSV file written line by line through one sync fd, in chunks of about 64 KB. */
export class CsvWriter {
  private fd: number | undefined;
  private buffer: string[] = [];
  private size = 0;

  constructor(readonly path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.line(header.map(csvText).join(','));
  }

  /** Append one line of already formatted cells (no trailing newline). */
  line(text: string): void {
    this.buffer.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  /** Append one numeric row by the columns' specs. */
  row(row: ArrayLike<number>, specs: readonly CellSpec[]): void {
    this.line(formatRow(row, specs));
  }

  flush(): void {
    if (this.fd === undefined) throw new Error(`${this.path}: written after close`);
    if (this.size === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  /** Flush and close; safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
