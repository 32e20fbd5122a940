/**
 * The predicted side of a claim's test and how an interval is judged against it (MODEL.md section 9):
 * a test *holds* when its 95 % interval lies wholly on the predicted side, is *contrary* when it lies
 * wholly on the other side, and *straddles* otherwise; with fewer than two values there is no interval
 * and the outcome is *no data*. Bounds count as on the predicted side for `<=`, `>=` and `within`
 * (closed), and as the other side for `<` and `>` (open), so a test and its contrary never both hold.
 */
export type Predicted =
  | { op: '<' | '<=' | '>' | '>='; bound: number }
  | { op: 'within'; lo: number; hi: number };

export type { Outcome } from '../io/claimsJson.js';
import type { Outcome } from '../io/claimsJson.js';

/** The side as text, bounds to 6 significant digits: `< 0`, `>= 0`, `within [-0.1, 0.1]`, `< 0.182322` (ln 1.2). */
export function predictedText(p: Predicted): string {
  const x = (v: number): number => Number(v.toPrecision(6));
  return p.op === 'within' ? `within [${x(p.lo)}, ${x(p.hi)}]` : `${p.op} ${x(p.bound)}`;
}

/** The outcome of the interval [lo, hi] against the predicted side. */
export function judge(lo: number, hi: number, p: Predicted): Outcome {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'no data';
  let holds: boolean;
  let contrary: boolean;
  switch (p.op) {
    case '<': holds = hi < p.bound; contrary = lo >= p.bound; break;
    case '<=': holds = hi <= p.bound; contrary = lo > p.bound; break;
    case '>': holds = lo > p.bound; contrary = hi <= p.bound; break;
    case '>=': holds = lo >= p.bound; contrary = hi < p.bound; break;
    case 'within': holds = lo >= p.lo && hi <= p.hi; contrary = hi < p.lo || lo > p.hi; break;
  }
  return holds ? 'holds' : contrary ? 'contrary' : 'straddles';
}
