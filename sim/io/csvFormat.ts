/**
 * Deterministic CSV cells and lines: the formats of sim/io/csv.ts (see its comment for the rules), with
 * no Node import, so the page that runs the engine in a browser writes a metrics.csv byte for byte the
 * one the CLI writes (sim/report/tryit/worker.ts).
 */
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
  return significant(x, 8);
}

/** A number with up to 6 significant digits (runs.csv, summary.csv, compare.csv); '' when not finite. */
export function num6(x: number): string {
  return significant(x, 6);
}

/**
 * x rounded to `digits` significant digits, as the shortest plain decimal that reads back as that
 * rounding (`String(Number(x.toPrecision(digits)))`, exponent expanded). When toPrecision writes fixed
 * notation, its digits with trailing zeros removed are that decimal already: a decimal of at most 15
 * significant digits is the shortest that reads back as its own double (two such decimals of `digits`
 * digits differ by far more than a double's rounding), so the round trip through Number and String,
 * two more conversions of the three, is skipped. An exponent form (|x| < 1e-6, or at least
 * 10^digits) takes the round trip.
 */
function significant(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0';
  const s = x.toPrecision(digits);
  if (s.indexOf('e') >= 0) {
    const r = Number(s);
    return r === 0 ? '0' : expandExponent(String(r));
  }
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--; // '0'
  if (s.charCodeAt(end - 1) === 46) end--; // '.'
  return s.slice(0, end);
}

/** A swept value (number, text or flag) as a cell; '' when the point does not set it. */
export function valueCell(v: unknown): string {
  return csvText(valueText(v)); // num6's digits never need quotes
}

/** The text of a swept value's cell as it reads back (unquoted): what the Parquet forms convert. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return num6(v);
  return String(v);
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
