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

export type CellFormat = 'int' | 'tokens' | 'real' | 'enum';

/** How one column is written: its format and, for enums, its labels. */
export interface CellSpec {
  readonly format: CellFormat;
  readonly labels?: readonly string[];
}

/** An integer cell: rounded, -0 as `0`, empty when not finite. */
export function formatInt(x: number): string {
  if (!Number.isFinite(x)) return '';
  const r = Math.round(x);
  return r === 0 ? '0' : expandExponent(String(r));
}

/** A cell from an integer number of milli-tokens: exactly three decimals. */
export function formatMilli(milli: number): string {
  if (!Number.isFinite(milli)) return '';
  const m = Math.round(milli);
  if (m === 0) return '0.000';
  const abs = Math.abs(m);
  const whole = Math.floor(abs / 1000);
  const frac = abs - whole * 1000;
  return `${m < 0 ? '-' : ''}${expandExponent(String(whole))}.${String(frac).padStart(3, '0')}`;
}

/** A cell from an amount in tokens (a float such as 12.345): rounded to the milli-token. */
export function formatTokens(tokens: number): string {
  return formatMilli(tokens * 1000);
}

/** A real cell: at most eight significant digits, plain decimal notation, no trailing zeros. */
export function formatReal(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0';
  const r = Number(x.toPrecision(8));
  return r === 0 ? '0' : expandExponent(String(r));
}

/** A number with up to 6 significant digits (runs.csv, summary.csv, compare.csv); '' when not finite. */
export function num6(x: number): string {
  if (!Number.isFinite(x)) return '';
  const r = Number(x.toPrecision(6));
  return r === 0 ? '0' : expandExponent(String(r));
}

/** A swept value (number, text or flag) as a cell; '' when the point does not set it. */
export function valueCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return num6(v);
  return csvText(String(v));
}

/** An enum cell: the label at index x, empty when there is none. */
export function formatEnum(x: number, labels: readonly string[] = []): string {
  if (!Number.isInteger(x)) return '';
  return labels[x] ?? '';
}

/** One cell by its column's spec. */
export function formatCell(x: number, spec: CellSpec): string {
  switch (spec.format) {
    case 'int': return formatInt(x);
    case 'tokens': return formatTokens(x);
    case 'real': return formatReal(x);
    case 'enum': return formatEnum(x, spec.labels);
  }
}

/** A whole row (reused engine arrays are read at once, never kept). */
export function formatRow(row: ArrayLike<number>, specs: readonly CellSpec[]): string {
  const cells = new Array<string>(specs.length);
  for (let j = 0; j < specs.length; j++) {
    const spec = specs[j];
    cells[j] = spec === undefined ? '' : formatCell(row[j] ?? NaN, spec);
  }
  return cells.join(',');
}

/** A text field, quoted only when CSV needs it (comma, quote or line break). */
export function csvText(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rewrite JavaScript's exponent form (`1.5e-7`, `1e+21`) as plain decimals; other text is returned as is.
 */
export function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const [, sign = '', intPart = '', fracPart = '', expText = '0'] = m;
  const digits = intPart + fracPart;
  const point = intPart.length + Number(expText); // position of the decimal point within `digits`
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return sign + out;
}

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
