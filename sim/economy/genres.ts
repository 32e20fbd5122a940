/**
 * Genre-level state: Wright's-law learning on the genre's cumulative output (Wright 1936: cost falls by
 * a constant share per doubling of cumulative output; here on the genre's output because goods are open
 * and know-how spills over), the benchmark medians behind prices, and each genre's funded share over
 * the last 30 days (producers choose genres by expected price: list price x funded share).
 */
import { pow } from '../engine/libm.js';
export const FUNDED_WINDOW_DAYS = 30;

export class Genres {
  readonly k: number;
  readonly made: Float64Array;          // X_k: goods completed so far by anyone
  readonly prior: Float64Array;         // X0
  readonly learn: Float64Array;         // ((X0 + X_k) / X0)^-b
  readonly medianFactor: Float64Array;  // median of m x (M + (1 - M) tech x learn) over producers who like k
  readonly medianTech: Float64Array;    // median technique factor over producers who like k
  readonly priceMilli: Float64Array;    // today's benchmark price, milli MH-eq
  readonly releasesToday: Int32Array;
  readonly downloadsToday: Float64Array;
  private readonly fundedRing: Float64Array;
  private readonly closedRing: Float64Array;
  readonly fundedSum: Float64Array;
  readonly closedSum: Float64Array;
  readonly fundedToday: Float64Array;
  readonly closedToday: Float64Array;

  constructor(k: number, priorGoods: number) {
    this.k = k;
    this.made = new Float64Array(k);
    this.prior = new Float64Array(k).fill(priorGoods);
    this.learn = new Float64Array(k).fill(1);
    this.medianFactor = new Float64Array(k).fill(1);
    this.medianTech = new Float64Array(k).fill(1);
    this.priceMilli = new Float64Array(k);
    this.releasesToday = new Int32Array(k);
    this.downloadsToday = new Float64Array(k);
    this.fundedRing = new Float64Array(k * FUNDED_WINDOW_DAYS);
    this.closedRing = new Float64Array(k * FUNDED_WINDOW_DAYS);
    this.fundedSum = new Float64Array(k);
    this.closedSum = new Float64Array(k);
    this.fundedToday = new Float64Array(k);
    this.closedToday = new Float64Array(k);
  }

  /** Wright's law: the learning factor of every genre from its cumulative output. */
  updateLearning(b: number): void {
    for (let g = 0; g < this.k; g++) this.learn[g] = pow((this.prior[g]! + this.made[g]!) / this.prior[g]!, -b);
  }

  /** Funded share of the genre's campaigns closed in the last 30 days; 1 before any closed. */
  fundedShare(g: number): number {
    const closed = this.closedSum[g]!;
    return closed > 0 ? this.fundedSum[g]! / closed : 1;
  }

  /** Roll the day's funded and closed counts into the 30-day window. */
  endDay(day: number): void {
    const row = (day % FUNDED_WINDOW_DAYS) * this.k;
    for (let g = 0; g < this.k; g++) {
      this.fundedSum[g]! += this.fundedToday[g]! - this.fundedRing[row + g]!;
      this.closedSum[g]! += this.closedToday[g]! - this.closedRing[row + g]!;
      this.fundedRing[row + g] = this.fundedToday[g]!;
      this.closedRing[row + g] = this.closedToday[g]!;
    }
  }

  beginDay(): void {
    this.releasesToday.fill(0);
    this.downloadsToday.fill(0);
    this.fundedToday.fill(0);
    this.closedToday.fill(0);
  }
}
