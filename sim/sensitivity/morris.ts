/**
 * morrisDesign(r, d, levels, seed) -> r trajectories of d + 1 points on a p-level grid of the unit
 * cube (Morris 1991), with the role of each point: its trajectory, its step, and for steps after the
 * first the factor that moved and by how much (+-Delta), so the analysis (indices.ts) can form the
 * elementary effects (y_{s} - y_{s-1}) / (+-Delta).
 *
 * Delta = p / (2 (p - 1)) (Morris's choice for even p: every level is equally likely). Each trajectory
 * draws a base point x* with coordinates on {0, 1/(p-1), ..., 1 - Delta}, a direction +-1 per factor
 * and an order of the factors; it starts at x*_i (direction +1) or x*_i + Delta (direction -1) and
 * moves one factor at a time, in that order, so every coordinate stays in [0, 1]. This is the matrix
 * B* = (J x* + (Delta / 2) ((2B - J) D* + J)) P* of Morris's paper, written as a walk. The draws come
 * from seedrandom's alea stream `morris/<seed>`: the design is a function of (r, d, p, seed).
 * Sources: M. D. Morris, "Factorial sampling plans for preliminary computational experiments",
 * Technometrics 33 (1991) 161-174; F. Campolongo, J. Cariboni, A. Saltelli, "An effective screening
 * design for sensitivity analysis of large models", Environ. Model. Softw. 22 (2007) 1509-1518
 * (mu*, the mean of |EE|, computed in indices.ts). Pure.
 */
import seedrandom from 'seedrandom';

export type MorrisRole =
  | { trajectory: number; step: 0 }
  | { trajectory: number; step: number; param: number; delta: number };

export interface MorrisDesign {
  r: number;
  d: number;
  levels: number;
  /** Delta on the unit interval. */
  delta: number;
  /** r(d + 1) points x d coordinates, row-major, in [0, 1]. */
  unit: Float64Array;
  roles: MorrisRole[];
}

export const morrisDelta = (levels: number): number => levels / (2 * (levels - 1));

export function morrisDesign(r: number, d: number, levels: number, seed: number): MorrisDesign {
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`Morris design: expected r >= 1 trajectories, got ${r}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`Morris design: expected d >= 1 factors, got ${d}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris design: expected an even number of levels >= 2, got ${levels}`);
  const rng = seedrandom.alea(`morris/${seed}`);
  const delta = morrisDelta(levels);
  // Base levels k / (p - 1) with k / (p - 1) + Delta <= 1: k = 0 .. p/2 - 1.
  const baseLevels = levels / 2;
  const unit = new Float64Array(r * (d + 1) * d);
  const roles: MorrisRole[] = [];
  let at = 0;
  // The walk is in whole grid levels (Delta is p/2 of them) and each coordinate is written as
  // level / (p - 1), so a level is the same number in every trajectory: x* + Delta - Delta in floating
  // point can land an ulp below its level, and a discrete factor (floor(u k)) on the level below.
  const step = levels / 2;
  for (let t = 0; t < r; t++) {
    const x = Array.from({ length: d }, () => Math.floor(rng() * baseLevels));
    const dir = Array.from({ length: d }, () => (rng() < 0.5 ? -1 : 1));
    const order = Array.from({ length: d }, (_, i) => i);
    for (let i = d - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const level = x.map((xi, i) => (dir[i] === 1 ? xi : xi + step));
    const put = (): void => { for (let i = 0; i < d; i++) unit[at * d + i] = level[i]! / (levels - 1); at++; };
    put();
    roles.push({ trajectory: t, step: 0 });
    order.forEach((param, s) => {
      level[param] = level[param]! + dir[param]! * step;
      put();
      roles.push({ trajectory: t, step: s + 1, param, delta: dir[param]! * delta });
    });
  }
  return { r, d, levels, delta, unit, roles };
}
