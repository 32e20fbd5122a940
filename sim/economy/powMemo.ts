/**
 * pow(x, y) for one fixed y, remembered per slot with the x it was computed for: a caller whose x in a
 * slot seldom changes from one day to the next (R&D's hazard, zeta I T^beta, whose technique factor T
 * moves only on a success, sim/economy/invest.ts; one memo per run, on the World) pays for a log and an
 * exp only when it does. A hit returns the bits pow returned for that same x (x === the remembered x:
 * -0 and 0 are the same number to libm's pow, unlike Math.pow, and a NaN never hits), so the memo
 * changes no output.
 */
import { pow } from '../engine/libm.js';

export class PowMemo {
  readonly y: number;
  /** The x each slot's value was computed for; NaN until it is. */
  private readonly at: Float64Array;
  private readonly value: Float64Array;

  constructor(slots: number, y: number) {
    this.y = y;
    this.at = new Float64Array(slots).fill(NaN);
    this.value = new Float64Array(slots);
  }

  get slots(): number {
    return this.at.length;
  }

  /** pow(x, y), from slot j when it holds this x. */
  pow(j: number, x: number): number {
    if (this.at[j] === x) return this.value[j]!;
    const v = pow(x, this.y);
    this.at[j] = x;
    this.value[j] = v;
    return v;
  }
}
