/**
 * sobolPoints(n, dims) -> n points of Sobol's low-discrepancy sequence in [0, 1)^dims, the points the
 * Saltelli design (saltelli.ts) is built from. Gray-code order (Antonov & Saleev 1979), 32-bit
 * integers, the first point (all zeros) skipped, as SALib's Saltelli sampler long did, so point 1 is
 * (0.5, 0.5, ...), then (0.75, 0.25, ...), (0.25, 0.75, ...). The skip costs the first 2^m points
 * their exact balance (A. B. Owen, "On dropping the first Sobol' point", 2022); at the N of a study
 * the estimators' bootstrap intervals are far wider than that.
 *
 * Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30 (2008) 2635-2654, file `new-joe-kuo-6.21201`
 * (https://web.maths.unsw.edu.au/~fkuo/sobol/), its first 63 lines (dimensions 2 to 64); dimension 1
 * is van der Corput's (every m_i = 1). Each entry is [a, m_1, ..., m_s]: s the degree of the
 * primitive polynomial, a its inner coefficients as bits, m_i the initial direction numbers. The same
 * table, in the same layout, is SALib's `SALib/sample/directions.py`.
 *
 * Pure, deterministic, no Node module.
 */

/** [a, m_1 .. m_s] of dimensions 2 .. 64 (Joe & Kuo 2008, new-joe-kuo-6.21201, lines 2-64). */
const JOE_KUO: readonly (readonly number[])[] = [
  [0, 1],
  [1, 1, 3],
  [1, 1, 3, 1],
  [2, 1, 1, 1],
  [1, 1, 1, 3, 3],
  [4, 1, 3, 5, 13],
  [2, 1, 1, 5, 5, 17],
  [4, 1, 1, 5, 5, 5],
  [7, 1, 1, 7, 11, 19],
  [11, 1, 1, 5, 1, 1],
  [13, 1, 1, 1, 3, 11],
  [14, 1, 3, 5, 5, 31],
  [1, 1, 3, 3, 9, 7, 49],
  [13, 1, 1, 1, 15, 21, 21],
  [16, 1, 3, 1, 13, 27, 49],
  [19, 1, 1, 1, 15, 7, 5],
  [22, 1, 3, 1, 15, 13, 25],
  [25, 1, 1, 5, 5, 19, 61],
  [1, 1, 3, 7, 11, 23, 15, 103],
  [4, 1, 3, 7, 13, 13, 15, 69],
  [7, 1, 1, 3, 13, 7, 35, 63],
  [8, 1, 3, 5, 9, 1, 25, 53],
  [14, 1, 3, 1, 13, 9, 35, 107],
  [19, 1, 3, 1, 5, 27, 61, 31],
  [21, 1, 1, 5, 11, 19, 41, 61],
  [28, 1, 3, 5, 3, 3, 13, 69],
  [31, 1, 1, 7, 13, 1, 19, 1],
  [32, 1, 3, 7, 5, 13, 19, 59],
  [37, 1, 1, 3, 9, 25, 29, 41],
  [41, 1, 3, 5, 13, 23, 1, 55],
  [42, 1, 3, 7, 3, 13, 59, 17],
  [50, 1, 3, 1, 3, 5, 53, 69],
  [55, 1, 1, 5, 5, 23, 33, 13],
  [56, 1, 1, 7, 7, 1, 61, 123],
  [59, 1, 1, 7, 9, 13, 61, 49],
  [62, 1, 3, 3, 5, 3, 55, 33],
  [14, 1, 3, 1, 15, 31, 13, 49, 245],
  [21, 1, 3, 5, 15, 31, 59, 63, 97],
  [22, 1, 3, 1, 11, 11, 11, 77, 249],
  [38, 1, 3, 1, 11, 27, 43, 71, 9],
  [47, 1, 1, 7, 15, 21, 11, 81, 45],
  [49, 1, 3, 7, 3, 25, 31, 65, 79],
  [50, 1, 3, 1, 1, 19, 11, 3, 205],
  [52, 1, 1, 5, 9, 19, 21, 29, 157],
  [56, 1, 3, 7, 11, 1, 33, 89, 185],
  [67, 1, 3, 3, 3, 15, 9, 79, 71],
  [70, 1, 3, 7, 11, 15, 39, 119, 27],
  [84, 1, 1, 3, 1, 11, 31, 97, 225],
  [97, 1, 1, 1, 3, 23, 43, 57, 177],
  [103, 1, 3, 7, 7, 17, 17, 37, 71],
  [115, 1, 3, 1, 5, 27, 63, 123, 213],
  [122, 1, 1, 3, 5, 11, 43, 53, 133],
  [8, 1, 3, 5, 5, 29, 17, 47, 173, 479],
  [13, 1, 3, 3, 11, 3, 1, 109, 9, 69],
  [16, 1, 1, 1, 5, 17, 39, 23, 5, 343],
  [22, 1, 3, 1, 5, 25, 15, 31, 103, 499],
  [25, 1, 1, 1, 11, 11, 17, 63, 105, 183],
  [44, 1, 1, 5, 11, 9, 29, 97, 231, 363],
  [47, 1, 1, 5, 15, 19, 45, 41, 7, 383],
  [52, 1, 3, 7, 7, 31, 19, 83, 137, 221],
  [55, 1, 1, 1, 3, 23, 15, 111, 223, 83],
  [59, 1, 1, 5, 13, 31, 15, 55, 25, 161],
  [62, 1, 1, 3, 13, 25, 47, 39, 87, 257],
];

/** The most dimensions the table supports. */
export const SOBOL_MAX_DIMS = JOE_KUO.length + 1;
/** Bits of each coordinate: at most 2^32 - 1 points. */
const BITS = 32;
export const SOBOL_MAX_POINTS = 2 ** BITS - 1;

/** The 32 direction numbers V_1..V_32 of dimension d (1-based), as integers scaled by 2^32. */
function directions(d: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (d === 1) {
    for (let i = 1; i <= BITS; i++) v[i] = (2 ** (BITS - i)) >>> 0;
    return v;
  }
  const row = JOE_KUO[d - 2]!;
  const a = row[0]!;
  const s = row.length - 1;
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (row[i]! * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let x = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
    for (let k = 1; k <= s - 1; k++) {
      if (((a >>> (s - 1 - k)) & 1) === 1) x = (x ^ v[i - k]!) >>> 0;
    }
    v[i] = x;
  }
  return v;
}

/** n points (rows) of `dims` coordinates, the zero point skipped; row-major in one Float64Array. */
export function sobolPoints(n: number, dims: number): Float64Array {
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMS) throw new RangeError(`Sobol' dimensions: expected 1 to ${SOBOL_MAX_DIMS}, got ${dims}`);
  if (!Number.isInteger(n) || n < 0 || n >= SOBOL_MAX_POINTS) throw new RangeError(`Sobol' points: expected 0 to ${SOBOL_MAX_POINTS - 1}, got ${n}`);
  const v = Array.from({ length: dims }, (_, j) => directions(j + 1));
  const x = new Uint32Array(dims);
  const out = new Float64Array(n * dims);
  // Point i (i >= 1) is point i - 1 XOR V_c, c the position of the lowest zero bit of i - 1 (1-based).
  for (let i = 1; i <= n; i++) {
    let c = 1;
    let m = i - 1;
    while ((m & 1) === 1) { m = Math.floor(m / 2); c++; }
    for (let j = 0; j < dims; j++) {
      x[j] = (x[j]! ^ v[j]![c]!) >>> 0;
      out[(i - 1) * dims + j] = x[j]! / 2 ** BITS;
    }
  }
  return out;
}
