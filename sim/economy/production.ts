/**
 * CES production with equal weights (MODEL.md phase 6): q(x, y) = (x^r / 2 + y^r / 2)^(1/r), with
 * r = (sigma - 1) / sigma, x = CH used / costCh and y = MH used / costMh, so a good's recipe is the
 * point x = y = 1. sigma = 0 is Leontief min(x, y); sigma = 1 is Cobb-Douglas sqrt(x y).
 *
 * The dual gives the plan in closed form (Arrow, Chenery, Minhas and Solow 1961): at relative price e
 * (MH per CH), the cost-minimising producer spends the share sX(e) of its budget on CH, where
 * sX = 1 / (1 + (baseMh / (e baseCh))^(1 - sigma)). Every producer's recipe is the base recipe scaled by
 * one factor, so sX is the same for all of them.
 */
import { io as libm, pow, powIo } from '../engine/libm.js';
export interface Technology {
  readonly sigma: number;
  readonly r: number;
}

export function technology(sigma: number): Technology {
  return { sigma, r: sigma > 0 && sigma !== 1 ? (sigma - 1) / sigma : 0 };
}

/** Goods' worth of output from x and y (recipe units). */
export function ces(t: Technology, x: number, y: number): number {
  io[0] = x;
  io[1] = y;
  cesIo(t);
  return io[0]!;
}

/**
 * ces's body. A call V8 does not inline passes doubles boxed, as fresh heap numbers (produce's CES was
 * most of what the engine allocated), and produce is too long to inline all of this: so x and y come
 * in io[0], io[1], q goes out in io[0], and the three pows go through libm's slots (sim/engine/libm.ts)
 * as pow(0.5 pow(x, r) + 0.5 pow(y, r), 1 / r).
 *
 * At the default sigma 0.5 (r = -1) q is the harmonic mean 1 / (0.5 / x + 0.5 / y), computed as such:
 * four IEEE operations, each correctly rounded, so the same bits on every engine and within a few units
 * in the last place of the true mean, where libm's pow is exp(r log x), within about 1e-14 of the true
 * power. It skips six exp/log evaluations per producer a day (about 7 % of a run; docs/model.md, phase 6).
 */
const io = new Float64Array(2);
function cesIo(t: Technology): void {
  const x = io[0]!;
  const y = io[1]!;
  const r = t.r;
  if (t.sigma === 0) io[0] = x < y ? x : y;
  else if (t.sigma === 1) io[0] = Math.sqrt(x * y);
  else if (r < 0 && (x <= 0 || y <= 0)) io[0] = 0;
  else if (r === -1) io[0] = 1 / (0.5 / x + 0.5 / y); // sigma 0.5: the harmonic mean, in closed form
  else {
    libm[0] = x; libm[1] = r; powIo();
    const px = libm[0]!;
    libm[0] = y; libm[1] = r; powIo();
    libm[0] = 0.5 * px + 0.5 * libm[0]!; libm[1] = 1 / r; powIo();
    io[0] = libm[0]!;
  }
}

/** The cost-minimising expenditure share on CH at rate e (MH per CH), for the recipe ratio baseMh/baseCh. */
export function shareCh(t: Technology, e: number, baseMh: number, baseCh: number): number {
  const relative = baseMh / (e * baseCh); // price of a recipe's MH / price of its CH
  if (t.sigma === 1) return 0.5;
  return 1 / (1 + pow(relative, 1 - t.sigma));
}

/**
 * With Leontief, the hours actually used for output q; otherwise all hours are used. Returns the CH
 * and MH (hours) that producing from (ch, mh) hours uses, given the recipe (costCh, costMh).
 */
export function usedInputs(t: Technology, ch: number, mh: number, costCh: number, costMh: number, out: Float64Array): number {
  io[0] = ch / costCh;
  io[1] = mh / costMh;
  cesIo(t); // not ces: V8 sizes ces by its own optimized code, cesIo inlined, and would not inline it into produce
  const q = io[0]!;
  if (t.sigma === 0) {
    out[0] = q * costCh;
    out[1] = q * costMh;
  } else if (q === 0) {
    out[0] = 0;
    out[1] = 0;
  } else {
    out[0] = ch;
    out[1] = mh;
  }
  return q;
}
