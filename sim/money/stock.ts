/**
 * The money of the one-currency markets (S1, MODEL.md section 4).
 * - market (fixed stock): M0 = `market.m0Days` days of the economy's capacity valued at 1 per hour
 *   (every CH and MH the agents have on day 0), minted on day 0 in equal shares (largest remainder).
 * - market-k (Friedman's k-percent rule): the stock grows at the trend rate of real output, paid as an
 *   equal dividend every day. Real output is goods completed; its trend rate is the annualised growth
 *   between the first and the last quarter of a `market.trendDays` window (0 until the window is full,
 *   and never negative: the rule only adds money).
 * Balances are positive only (every floor 0). Money leaves nothing: S1 has no demurrage.
 */
import { CUR, KIND } from './ledger.js';
import type { World } from '../engine/world.js';

/** Day 0: mint M0 and give it in equal shares. */
export function mintStock(w: World): void {
  const a = w.agents;
  let hours = 0;
  for (let i = 0; i < w.n; i++) {
    hours += a.rmax[i]! * w.s.pc.onHoursPerDay + Math.max(0, a.workHours[i]! - w.s.work.upkeepMh);
  }
  equalShares(w, Math.floor(w.s.market.m0Days * hours * 1000));
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

/** market-k: the trend growth of real output over a window of days. */
export class OutputTrend {
  private readonly ring: Float64Array;
  private days = 0;

  constructor(readonly windowDays: number) {
    this.ring = new Float64Array(windowDays);
  }

  /** Push today's goods completed; returns the annual trend growth rate (0 until the window is full). */
  push(goods: number): number {
    const n = this.windowDays;
    this.ring[this.days % n] = goods;
    this.days++;
    if (this.days < n) return 0;
    const quarter = Math.max(1, Math.floor(n / 4));
    let early = 0;
    let recent = 0;
    for (let k = 0; k < quarter; k++) {
      early += this.ring[(this.days + k) % n]!; // the oldest days of the window
      recent += this.ring[(this.days - 1 - k) % n]!; // the newest
    }
    if (!(early > 0) || !(recent > 0)) return 0;
    const years = (n - quarter) / 365;
    return Math.max(0, Math.pow(recent / early, 1 / years) - 1);
  }
}

/** market-k's money phase: the stock grows by M x g / 365 a day, paid as an equal dividend. */
export function kPercentDividend(w: World, trend: OutputTrend): void {
  const growth = trend.push(w.stats.goodsCompleted);
  const money = -w.ledger.balance[CUR.cur]![w.ledger.bank]!;
  equalShares(w, Math.floor((money * growth) / 365));
}
