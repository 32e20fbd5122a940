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
import { pow } from '../engine/libm.js';
export interface Technology {
  readonly sigma: number;
  readonly r: number;
}

export function technology(sigma: number): Technology {
  return { sigma, r: sigma > 0 && sigma !== 1 ? (sigma - 1) / sigma : 0 };
}

/** Goods' worth of output from x and y (recipe units). */
export function ces(t: Technology, x: number, y: number): number {
  if (t.sigma === 0) return x < y ? x : y;
  if (t.sigma === 1) return Math.sqrt(x * y);
  if (t.r < 0 && (x <= 0 || y <= 0)) return 0;
  return pow(0.5 * pow(x, t.r) + 0.5 * pow(y, t.r), 1 / t.r);
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
  const x = ch / costCh;
  const y = mh / costMh;
  const q = ces(t, x, y);
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
