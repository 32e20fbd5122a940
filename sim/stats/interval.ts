/**
 * Confidence intervals for a mean from a small sample: the Student t interval that MODEL.md section 9
 * asks for (paired differences across seeds, 95 %), and the descriptive statistics beside it.
 *
 * simple-statistics gives means, standard deviations and quantiles but no quantile of Student's t, so
 * `tQuantile` inverts the t distribution function here: the CDF through the regularised incomplete beta
 * function (continued fraction, Lentz's method as in Numerical Recipes 6.4), then bisection. Exact to
 * about 1e-10, which is far below the noise of any sweep.
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';

/** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9: ~15 digits). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` > 0 degrees of freedom (0 < p < 1). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`tQuantile needs 0 < p < 1 and df > 0, got p=${p}, df=${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (tCdf(mid, df) < p) lo = mid; else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export interface MeanInterval {
  /** Finite values used. */
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); NaN when n < 2. */
  sd: number;
  /** The two-sided `level` t interval of the mean; NaN bounds when n < 2. */
  lo: number;
  hi: number;
}

/** Mean, sample sd and the two-sided t interval (default 95 %) of the finite values of `values`. */
export function meanInterval(values: ArrayLike<number>, level = 0.95): MeanInterval {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) xs.push(v);
  }
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, lo: NaN, hi: NaN };
  const m = mean(xs);
  if (n < 2) return { n, mean: m, sd: NaN, lo: NaN, hi: NaN };
  const sd = sampleStandardDeviation(xs);
  const half = tQuantile(0.5 + level / 2, n - 1) * sd / Math.sqrt(n);
  return { n, mean: m, sd, lo: m - half, hi: m + half };
}

/** Quantiles of the finite values by linear interpolation (R type 7, as simple-statistics computes them); NaN if none. */
export function quantilesOf(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) xs.push(v);
  }
  if (xs.length === 0) return ps.map(() => NaN);
  xs.sort((a, b) => a - b);
  return ps.map((p) => quantileSorted(xs, p));
}
