/** `k-percent` (S1, market-k): the fixed stock, growing at the trend rate of real output (sim/money/stock.ts). */
import { CUR } from '../ledger.js';
import { kPercentDividend, mintStock, OutputTrend, wageBalance } from '../stock.js';
import { never, type MoneyKind } from '../kind.js';
import type { World } from '../../engine/world.js';

/** Each run's output trend, made by init. */
const trends = new WeakMap<World, OutputTrend>();

export const kPercent: MoneyKind = {
  system: 'S1', currencies: [CUR.cur], credit: false, exchange: false, bank: false,
  init: (w) => { trends.set(w, new OutputTrend(w.s.market.trendDays)); mintStock(w); },
  daily: (w) => kPercentDividend(w, trends.get(w)!),
  bankPaysInputs: never, workingBalance: wageBalance, keptFromLending: wageBalance,
};
