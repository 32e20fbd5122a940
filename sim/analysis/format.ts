/**
 * Numbers in compare.csv: up to 6 significant digits (as runs.csv and summary.csv, docs/sweeps.md),
 * plain decimals without an exponent, NaN as an empty cell; the same numbers give the same bytes.
 */
import { expandExponent } from '../io/csv.js';

export function formatSig6(x: number): string {
  if (!Number.isFinite(x)) return '';
  const r = Number(x.toPrecision(6));
  return r === 0 ? '0' : expandExponent(String(r));
}
