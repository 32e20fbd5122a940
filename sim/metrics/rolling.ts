/**
 * Trailing sums over a fixed window of days, per agent (the 30- and 90-day sums behind budgets, rho
 * and income Gini). Day-major ring of float32 values with float64 running sums: a day costs one
 * contiguous pass, and no day of the window is summed twice.
 */
export class RollingSum {
  readonly n: number;
  readonly window: number;
  readonly sum: Float64Array;
  private readonly ring: Float32Array;
  private days = 0;

  constructor(n: number, window: number) {
    this.n = n;
    this.window = window;
    this.sum = new Float64Array(n);
    this.ring = new Float32Array(n * window);
  }

  /** Add today's values; the value of `window` days ago leaves the sum. */
  push(values: Float64Array): void {
    const n = this.n;
    const row = (this.days % this.window) * n;
    const ring = this.ring;
    const sum = this.sum;
    for (let i = 0; i < n; i++) {
      const v = Math.fround(values[i]!);
      sum[i] = sum[i]! + (v - ring[row + i]!);
      ring[row + i] = v;
    }
    this.days++;
  }

  /** How many days the sums cover so far (at most the window). */
  get span(): number {
    return Math.min(this.days, this.window);
  }

  /**
   * The values (as stored, float32) that entered `daysAgo` days before the last push, 0 = the last, one
   * per agent: a view into the ring, to be read only, valid until the next push. For measurements of
   * what the windows hold (bench/windowEntropy.ts); the engine reads only the sums.
   */
  row(daysAgo: number): Float32Array {
    if (!(Number.isInteger(daysAgo) && daysAgo >= 0 && daysAgo < this.span)) {
      throw new RangeError(`RollingSum.row: daysAgo must be a whole number from 0 to ${this.span - 1}, got ${daysAgo}`);
    }
    const start = ((this.days - 1 - daysAgo) % this.window) * this.n;
    return this.ring.subarray(start, start + this.n);
  }
}

/** A trailing window of one scalar per day (velocity over 365 days). */
export class RollingScalar {
  private readonly ring: Float64Array;
  private days = 0;
  sum = 0;

  constructor(readonly window: number) {
    this.ring = new Float64Array(window);
  }

  push(v: number): void {
    const k = this.days % this.window;
    this.sum += v - this.ring[k]!;
    this.ring[k] = v;
    this.days++;
  }

  get span(): number {
    return Math.min(this.days, this.window);
  }

  get mean(): number {
    return this.span > 0 ? this.sum / this.span : NaN;
  }
}
