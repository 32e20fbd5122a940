/**
 * The Peer Bank (S3, MODEL.md section 4), per token x: new money only in step with the productive flow.
 *
 * Flow F_t = tokens of x paid between distinct agents for inputs and funded goods (during the bootstrap,
 * what the bank paid for inputs), smoothed Fbar_t = Fbar_{t-1} + (F_t - Fbar_{t-1}) 2 / (W + 1).
 * - Bootstrap ("fill the pot", days < bank.bootstrapDays): the bank pays every delivered input with new
 *   tokens (sim/markets/inputs.ts), so producers get those hours as a grant and suppliers earn the first money.
 * - Then, after the day's burning, by `bank.rule`:
 *   target (the earlier page's "new money only when productive capacity becomes larger than the currency
 *   in circulation"): I = max(0, k Fbar - M); two-sided: while M > k Fbar, demurrage rises by
 *   contractionRate x (1 - k Fbar / M);
 *   peak (the talk page's "money is created only for increase in the flow"): I = max(0, k (Fbar - Fbar_peak)),
 *   then Fbar_peak = max(Fbar_peak, Fbar), starting from the highest Fbar of the bootstrap; no issuance
 *   to recover after a dip;
 *   capacity (ablation): the target is k x the EMA of the surplus capacity offered, not delivered.
 * New tokens go to the suppliers pro rata to their delivered flow over the last W days (largest
 * remainder, so the sum is exact). Money leaves circulation only by demurrage, which S3 burns.
 */
import { prorata } from '../markets/prorata.js';
import { RollingSum } from '../metrics/rolling.js';
import { CUR, KIND } from './ledger.js';
import type { World } from '../engine/world.js';
import type { Scenario } from '../scenario/schema.js';

/** The bank's tokens. Its per-token arrays are indexed by currency, and these are its first two (0, 1),
 * so they hold no slot for a single currency (`cur`), which no bank issues. */
export const BANK_TOKENS = [CUR.ch, CUR.mh] as const;

/** What a rule reads of one token's day, milli-tokens: the flow EMA Fbar, the EMA of hours offered on
 * the par input market, and the money in circulation after today's burning. */
export interface Flows { readonly fbar: number; readonly offered: number; readonly money: number }
/** What a rule keeps from day to day: the highest Fbar so far (rule peak). */
export interface RuleState { readonly peak: number }
/** Today's issuance bound (before rounding; <= 0 issues nothing), the money target above which the
 * contraction raises demurrage (NaN: the rule does not contract), and tomorrow's state. */
export interface RuleResult { readonly bound: number; readonly target: number; readonly state: RuleState }

/** The Peer Bank's rules (`bank.rule`), pure functions of the day's flows, the state and k (days). */
export const RULES: Record<Scenario['bank']['rule'], (flows: Flows, state: RuleState, k: number) => RuleResult> = {
  /** I = k Fbar - M; contracts while M > k Fbar. */
  target: (f, state, k) => ({ bound: k * f.fbar - f.money, target: k * f.fbar, state }),
  /** I = k (Fbar - Fbar_peak), then Fbar_peak = max(Fbar_peak, Fbar); never contracts. */
  peak: (f, state, k) => ({ bound: k * (f.fbar - state.peak), target: NaN, state: { peak: Math.max(state.peak, f.fbar) } }),
  /** Ablation: I = k Obar - M, Obar the EMA of the hours offered; contracts while M > k Obar. */
  capacity: (f, state, k) => ({ bound: k * f.offered - f.money, target: k * f.offered, state }),
};

/** The bank's state per token (indexed by currency). */
export class PeerBankState {
  /** Per agent, tokens received for inputs and funded goods over the last W days, per token (CH, MH). */
  readonly delivered: RollingSum[];
  /** Today's deliveries per agent, milli-tokens, per token (CH, MH). */
  readonly deliveredToday: Float64Array[];
  readonly flowEma = [0, 0, 0];
  readonly offeredEma = [0, 0, 0];
  readonly peak = [0, 0, 0];
  /** Extra demurrage per year while money exceeds its target (rule `target`). */
  readonly extraRate = [0, 0, 0];
  /** Today's issuance bound, milli-tokens, for invariant 9. */
  readonly bound = [0, 0, 0];
  readonly issuedToday = [0, 0, 0];
  readonly offeredToday = [0, 0, 0];

  constructor(n: number, windowDays: number) {
    const w = Math.max(1, Math.round(windowDays));
    // Only the tokens' windows: a third, for `cur`, was 128 bytes per agent that nothing read.
    this.delivered = BANK_TOKENS.map(() => new RollingSum(n, w));
    this.deliveredToday = BANK_TOKENS.map(() => new Float64Array(n));
  }

  beginDay(): void {
    for (const d of this.deliveredToday) d.fill(0);
    this.issuedToday.fill(0);
    this.offeredToday.fill(0);
    this.bound.fill(0);
  }
}

/** Whether the bank pays today's inputs with new tokens (the bootstrap). */
export function bankPaysInputs(w: World): boolean {
  return w.day < w.s.bank.bootstrapDays;
}

/** S3's working balance (milli-tokens): the balance the bank provisions, `bank.k` days of agent i's own
 * delivered flow in `cur` (the window's sum / W): left out of its budget's balance term and kept back
 * from lending. */
export function provisioned(w: World, cur: number, i: number): number {
  const delivered = w.bank!.delivered[cur]!;
  return (w.s.bank.k * delivered.sum[i]!) / delivered.window;
}

/** The money phase of S3: burn demurrage (sim/money/demurrage.ts), then issue by the rule. */
export function issue(w: World): void {
  const bank = w.bank!;
  const s = w.s.bank;
  const L = w.ledger;
  const alpha = 2 / (s.emaDays + 1);
  const bootstrap = w.day < s.bootstrapDays;
  const rule = RULES[s.rule];
  for (const cur of BANK_TOKENS) {
    bank.delivered[cur]!.push(bank.deliveredToday[cur]!);
    const flow = bootstrap ? w.stats.issued[cur]! : w.stats.flow[cur]!; // bootstrap: what the bank paid for inputs
    bank.flowEma[cur] = bank.flowEma[cur]! + (flow - bank.flowEma[cur]!) * alpha;
    bank.offeredEma[cur] = bank.offeredEma[cur]! + (bank.offeredToday[cur]! - bank.offeredEma[cur]!) * alpha;
    const fbar = bank.flowEma[cur]!;
    if (bootstrap) {
      bank.peak[cur] = Math.max(bank.peak[cur]!, fbar);
      continue;
    }
    const money = -L.balance[cur]![L.bank]!; // in circulation, after today's burning
    const { bound, target, state } = rule({ fbar, offered: bank.offeredEma[cur]!, money }, { peak: bank.peak[cur]! }, s.k);
    bank.peak[cur] = state.peak;
    bank.extraRate[cur] = money > target && money > 0 ? s.contractionRate * (1 - target / money) : 0; // NaN target: never
    bank.bound[cur] = bound > 0 ? Math.floor(bound) : 0;
    distribute(w, cur, bank.bound[cur]!);
  }
}

/** Pay `amount` new milli-tokens to the suppliers, pro rata to their delivered flow over the window. */
function distribute(w: World, cur: number, amount: number): void {
  if (amount <= 0) return;
  const bank = w.bank!;
  const weights = bank.delivered[cur]!.sum;
  const suppliers = w.idxA;
  const n = w.n;
  let m = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) suppliers[m++] = i;
  if (m === 0) return; // nobody delivered in the window: nothing to pay
  const parts = w.bufC;
  prorata(amount, weights, suppliers, m, parts);
  const L = w.ledger;
  L.postFromOne(cur, KIND.issuance, L.bank, suppliers, parts, 0, m);
  bank.issuedToday[cur]! += amount;
  w.stats.issued[cur]! += amount;
}
