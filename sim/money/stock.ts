/**
 * The money of the one-currency markets (S1, MODEL.md section 4).
 * - market (fixed stock): M0 = `market.m0Days` days of the economy's capacity valued at 1 per hour
 *   (every CH and MH the agents have on day 0), minted on day 0 in equal shares (largest remainder).
 * - market-k (Friedman's k-percent rule): the stock grows at the trend rate of real output, paid as an
 *   equal dividend every day. Real output is goods completed; its trend rate is the relative
 *   least-squares slope over a `market.trendDays` window (0 until the window is full, and never
 *   negative: the rule only adds money).
 * Balances are positive only (every floor 0). Money leaves nothing: S1 has no demurrage.
 */
import { CUR, KIND } from './ledger.js';
import type { World } from '../engine/world.js';
import { toMilli } from './milli.js';

/** S1's working balance (milli-cur): `market.wageDays` days of agent i's own work value (docs/model.md S1,
 * "Budgets"): left out of its budget's balance term and kept back from lending. */
export function wageBalance(w: World, _cur: number, i: number): number {
  return w.s.market.wageDays * w.workValuePerDay(i);
}

/** Day 0: mint M0 and give it in equal shares. */
export function mintStock(w: World): void {
  const a = w.agents;
  let hours = 0;
  for (let i = 0; i < w.n; i++) {
    hours += a.rmax[i]! * w.s.pc.onHoursPerDay + Math.max(0, a.workHours[i]! - w.s.work.upkeepMh);
  }
  equalShares(w, Math.floor(toMilli(w.s.market.m0Days * hours)));
}

/** Pay `amount` new milli-cur to every agent in equal shares, the remainder one each from agent 0. */
function equalShares(w: World, amount: number): void {
  if (amount <= 0) return;
  const L = w.ledger;
  const each = Math.floor(amount / w.n);
  let extra = amount - each * w.n;
  for (let i = 0; i < w.n; i++) {
    const part = each + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    if (part > 0) L.post(CUR.cur, KIND.issuance, L.bank, i, part);
  }
  w.stats.issued[CUR.cur]! += amount;
}

/**
 * market-k: the trend growth of real output, per day: the least-squares slope of goods completed over
 * the last `windowDays` days, divided by their mean (0 until the window is full, never negative). A
 * relative slope stays bounded (about 6 / window at most for non-negative output), where a ratio of
 * the window's ends, annualised, explodes when output recovers from near zero.
 */
export class OutputTrend {
  private readonly ring: Float64Array;
  private days = 0;

  constructor(readonly windowDays: number) {
    this.ring = new Float64Array(windowDays);
  }

  /** Push today's goods completed; returns the trend growth rate per day. */
  push(goods: number): number {
    const n = this.windowDays;
    this.ring[this.days % n] = goods;
    this.days++;
    if (this.days < n) return 0;
    let sum = 0;
    let weighted = 0;
    for (let t = 0; t < n; t++) {
      const y = this.ring[(this.days + t) % n]!; // t = 0 is the oldest day of the window
      sum += y;
      weighted += (t - (n - 1) / 2) * y;
    }
    const mean = sum / n;
    if (!(mean > 0)) return 0;
    const slope = weighted / ((n * (n * n - 1)) / 12); // OLS slope: sum (t - tbar) y / sum (t - tbar)^2
    return Math.max(0, slope / mean);
  }
}

/** market-k's money phase: the stock grows by M x g a day, g the trend growth of output, as an equal dividend. */
export function kPercentDividend(w: World, trend: OutputTrend): void {
  const growth = trend.push(w.stats.goodsCompleted);
  const money = -w.ledger.balance[CUR.cur]![w.ledger.bank]!;
  equalShares(w, Math.floor(money * growth));
}
