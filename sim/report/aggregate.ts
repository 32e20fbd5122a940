/**
 * Daily series -> bin means for drawing. A 10-year run has 3,650 points per series, a 100-year run
 * 36,500: too many to draw or read. Charts show weekly means, or 30-day means for runs longer than
 * about five years. NaN days are ignored, and a bin with no value at all is null (a gap in the line),
 * never zero: "no trade this week" must not look like "price zero".
 */

export interface Binning {
  /** Days per bin. */
  days: number;
  /** How a caption names the bins: "weekly" or "30-day". */
  label: string;
}

/** Runs longer than this many days are drawn in 30-day bins. */
export const WEEKLY_MAX_SPAN_DAYS = 5 * 365;

export function binningFor(spanDays: number): Binning {
  return spanDays > WEEKLY_MAX_SPAN_DAYS ? { days: 30, label: '30-day' } : { days: 7, label: 'weekly' };
}

export interface BinnedSeries {
  /** First day of each bin. */
  x: number[];
  /** Mean of the finite values in the bin, or null when it has none. */
  y: (number | null)[];
}

/** Means of `values` over bins [k*binDays, (k+1)*binDays) of `days`, from the first to the last bin with a row. */
export function binMeans(days: ArrayLike<number>, values: ArrayLike<number>, binDays: number): BinnedSeries {
  if (!(binDays >= 1)) throw new Error(`binDays must be >= 1, got ${binDays}`);
  if (days.length !== values.length) throw new Error('binMeans: days and values differ in length');
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] ?? NaN;
    if (!Number.isFinite(d)) continue;
    const k = Math.floor(d / binDays);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  if (first > last) return { x: [], y: [] };
  const n = last - first + 1;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < days.length; i++) {
    const d = days[i] ?? NaN;
    const v = values[i] ?? NaN;
    if (!Number.isFinite(d) || !Number.isFinite(v)) continue;
    const k = Math.floor(d / binDays) - first;
    sum[k] = (sum[k] ?? 0) + v;
    count[k] = (count[k] ?? 0) + 1;
  }
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    x.push((first + k) * binDays);
    const c = count[k] ?? 0;
    y.push(c > 0 ? (sum[k] ?? 0) / c : null);
  }
  return { x, y };
}

/** True when a binned series has at least one value. */
export function hasValues(series: BinnedSeries): boolean {
  return series.y.some((v) => v !== null);
}
