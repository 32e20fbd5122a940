/**
 * A Walrasian clearing rate by bisection on log e (MODEL.md section 4): the rate within [lo, hi] at
 * which an excess-demand function that falls in e crosses zero. Returns NaN when there is no crossing
 * in range (no equilibrium: with Leontief production the excess demand has one sign at every rate).
 */
import { exp, log } from '../engine/libm.js';
export function clearingRate(excessDemand: (e: number) => number, lo: number, hi: number): number {
  const dLo = excessDemand(lo);
  const dHi = excessDemand(hi);
  if (!(dLo > 0) || !(dHi < 0)) return NaN;
  let a = log(lo);
  let b = log(hi);
  for (let iter = 0; iter < 100 && b - a > 1e-13; iter++) {
    const mid = 0.5 * (a + b);
    if (excessDemand(exp(mid)) > 0) a = mid;
    else b = mid;
  }
  return exp(0.5 * (a + b));
}
