/**
 * saltelliDesign(n, d) -> the N x (2D + 2) points of Saltelli's design for first-, total- and
 * second-order Sobol' indices, on the unit cube, with the role of each point, so that the analysis
 * (indices.ts) knows which row is A, B, AB_i or BA_i.
 *
 * Built from n points of a 2D-dimensional Sobol' sequence (sobol.ts): A = its first D columns, B = its
 * last D. Row j gives, in this order (SALib's `saltelli.sample` with calc_second_order, so a reader can
 * line up the two): A_j, AB_j^1 .. AB_j^D (A_j with column i taken from B_j), BA_j^1 .. BA_j^D (B_j
 * with column i from A_j), B_j. The BA rows are only needed for second-order indices, but are always
 * made, so a sweep can be analysed for them later. Sources: A. Saltelli et al., "Variance based
 * sensitivity analysis of model output. Design and estimator for the total sensitivity index", Comput.
 * Phys. Commun. 181 (2010) 259-270; A. Saltelli, "Making best use of model evaluations to compute
 * sensitivity indices", Comput. Phys. Commun. 145 (2002) 280-297 (the BA rows). Pure.
 */
import { SOBOL_MAX_DIMS, sobolPoints } from './sobol.js';

/** The role of one design point: its matrix, its row j (0-based) and, for AB/BA, the column i swapped. */
export type SaltelliRole =
  | { matrix: 'A' | 'B'; row: number }
  | { matrix: 'AB' | 'BA'; row: number; param: number };

export interface SaltelliDesign {
  n: number;
  d: number;
  /** n(2d + 2) points x d coordinates, row-major, in [0, 1). */
  unit: Float64Array;
  roles: SaltelliRole[];
}

/** Points per row of the base sample: A, D x AB, D x BA, B. */
export const saltelliPerRow = (d: number): number => 2 * d + 2;
/** Most factors: the Sobol' table has SOBOL_MAX_DIMS dimensions and the design takes 2D of them. */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMS / 2);

export function saltelliDesign(n: number, d: number): SaltelliDesign {
  if (!Number.isInteger(d) || d < 1 || d > SALTELLI_MAX_FACTORS) throw new RangeError(`Saltelli design: expected 1 to ${SALTELLI_MAX_FACTORS} factors, got ${d}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Saltelli design: expected a base sample n >= 1, got ${n}`);
  const base = sobolPoints(n, 2 * d);
  const per = saltelliPerRow(d);
  const unit = new Float64Array(n * per * d);
  const roles: SaltelliRole[] = [];
  let at = 0;
  const put = (row: number, fromB: (i: number) => boolean): void => {
    for (let i = 0; i < d; i++) unit[at * d + i] = base[row * 2 * d + (fromB(i) ? d + i : i)]!;
    at++;
  };
  for (let j = 0; j < n; j++) {
    put(j, () => false); roles.push({ matrix: 'A', row: j });
    for (let p = 0; p < d; p++) { put(j, (i) => i === p); roles.push({ matrix: 'AB', row: j, param: p }); }
    for (let p = 0; p < d; p++) { put(j, (i) => i !== p); roles.push({ matrix: 'BA', row: j, param: p }); }
    put(j, () => true); roles.push({ matrix: 'B', row: j });
  }
  return { n, d, unit, roles };
}
