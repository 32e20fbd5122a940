/**
 * The institutions, chosen by `kind` (the scenario's `institutions` fields): each role maps an option
 * to the pure phase functions that implement it. A new institution is one file and one line here.
 */
import type { Scenario } from '../scenario/schema.js';
import { donations } from '../economy/gift.js';
import { exchange } from '../markets/exchange.js';
import { inputs } from '../markets/inputs.js';
import { fund } from '../economy/fund.js';
import { limits, defaults } from '../money/credit.js';
import { demurrage } from '../money/demurrage.js';
import { issue } from '../money/peerBank.js';
import { auction } from '../markets/auction.js';
import { mintStock, kPercentDividend } from '../money/stock.js';
import type { World } from './world.js';

type Step = (w: World) => void;
const nothing: Step = () => {};

/** How hours move: the exchange phase and the input-market phase. */
export const INPUTS: Record<Scenario['institutions']['inputs'], { exchange: Step; inputs: Step }> = {
  donation: { exchange: donations, inputs: nothing },
  auction: { exchange, inputs: auction },
  par: { exchange, inputs },
};

/** How goods are paid for. */
export const PRICING: Record<Scenario['institutions']['pricing'], { fund: Step }> = {
  free: { fund: nothing },
  markup: { fund },
  benchmark: { fund },
};

/** How money exists: set up before day 0, and the day's money phase. */
export const MONEY: Record<Scenario['institutions']['money'], { init: Step; daily: Step }> = {
  none: { init: nothing, daily: nothing },
  'fixed-stock': { init: mintStock, daily: nothing },
  'k-percent': { init: mintStock, daily: (w) => kPercentDividend(w, w.outputTrend!) },
  'mutual-credit': {
    init: limits,
    daily: (w) => { limits(w); defaults(w); demurrage(w); },
  },
  'merged-credit': { // the same rules, in one merged token (an ablation of the two tokens)
    init: limits,
    daily: (w) => { limits(w); defaults(w); demurrage(w); },
  },
  'peer-bank': {
    init: nothing, // positive balances: every floor stays 0
    daily: (w) => { demurrage(w); issue(w); },
  },
};
