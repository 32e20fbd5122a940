/**
 * Paired differences across seeds (MODEL.md section 9): runs that share a replicate share a seed, so the
 * difference `other - baseline` per replicate removes the noise both runs have in common (common random
 * numbers). The summary is the mean difference with its 95 % Student t interval, and the shares of
 * replicates in which the difference is positive and negative ("in how many seeds the sign holds").
 * Pure numbers in, numbers out.
 */
import { meanInterval } from '../stats/interval.js';

export interface DifferenceSummary {
  /** Replicates with a finite value on both sides. */
  n: number;
  mean: number;
  /** Sample sd of the differences; NaN when n < 2. */
  sd: number;
  /** 95 % t interval of the mean; NaN when n < 2. */
  lo: number;
  hi: number;
  /** Shares of the n differences that are > 0 and < 0 (NaN when n = 0). */
  sharePositive: number;
  shareNegative: number;
}

/** `other - baseline` for every replicate with a finite value in both, in replicate order. */
export function pairedDifferences(baseline: ReadonlyMap<number, number>, other: ReadonlyMap<number, number>): number[] {
  const reps = [...other.keys()].filter((r) => baseline.has(r)).sort((a, b) => a - b);
  const out: number[] = [];
  for (const r of reps) {
    const d = other.get(r)! - baseline.get(r)!;
    if (Number.isFinite(d)) out.push(d);
  }
  return out;
}

/** Mean, sd, 95 % t interval and sign shares of a sample (differences, or one preset's values). */
export function summarise(values: readonly number[]): DifferenceSummary {
  const finite = values.filter(Number.isFinite);
  const iv = meanInterval(finite, 0.95);
  const n = finite.length;
  return {
    n,
    mean: iv.mean,
    sd: iv.sd,
    lo: iv.lo,
    hi: iv.hi,
    sharePositive: n > 0 ? finite.filter((d) => d > 0).length / n : NaN,
    shareNegative: n > 0 ? finite.filter((d) => d < 0).length / n : NaN,
  };
}
