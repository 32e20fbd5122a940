/**
 * The cells of runs.csv and summary.csv: numbers with up to 6 significant digits in plain decimals
 * (no exponent, no float noise, -0 as 0), empty for NaN or infinity; text quoted only where CSV needs
 * it. Deterministic, so the two files are byte-identical whatever the number of workers.
 */
import { csvText, expandExponent } from '../io/csv.js';

/** A number with up to 6 significant digits; '' when not finite. */
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

/** A row of cells joined for CSV (cells already formatted). */
export const csvLine = (cells: readonly string[]): string => cells.join(',');

export { csvText };
