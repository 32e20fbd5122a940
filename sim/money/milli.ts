/**
 * The milli scale: money and hours are kept in integers of a thousandth (milli-tokens, milli-cur,
 * milli-hours), so postings are exact. MILLI names the scale; toMilli and fromMilli are the plain
 * multiplication and division (not rounded: callers round where they quantise, and keep the exact
 * operation, since x * 1000 and x / 0.001 differ in floating point).
 */
export const MILLI = 1000;

/** Units to milli-units: x x 1000. */
export function toMilli(x: number): number {
  return x * MILLI;
}

/** Milli-units to units: x / 1000. */
export function fromMilli(x: number): number {
  return x / MILLI;
}
