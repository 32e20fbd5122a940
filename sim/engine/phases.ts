/**
 * The day: one ordered list of named phases, each a list of named steps (MODEL.md section 3). This is
 * the economy on one page; simulate.ts runs PHASES, checks the invariants, runs WINDOWS and writes the
 * day's rows. Steps an institution fills are in institutions.ts.
 */
import { frontier } from '../economy/pc.js';
import { endowment } from '../economy/endowment.js';
import { plan } from '../economy/plan.js';
import { updateMediansWhenDue } from '../economy/pricing.js';
import { produce } from '../economy/produce.js';
import { invest } from '../economy/invest.js';
import { participation } from '../economy/participation.js';
import { rollWindows } from '../economy/windows.js';
import { consumeGoods, exchangeHours, fundGoods, inputMarkets, moneyPhase, setPrices } from './institutions.js';
import { referenceRateUntilCleared } from '../markets/exchange.js';
import { hire } from '../markets/hire.js';
import { lend, repay } from '../markets/lend.js';
import { chooseUpgrades, installUpgrades } from '../economy/upgrade.js';
import type { Step } from '../money/kind.js';

export interface Phase {
  readonly name: string;
  readonly text: string;
  readonly steps: readonly Step[];
}

export const PHASES: readonly Phase[] = [
  { name: 'frontier', text: 'advance the best PC; age PCs, which die; replace dead PCs and install paid-up upgrades',
    steps: [frontier, installUpgrades] },
  { name: 'endowment', text: "today's hours: CH = Rmax x hours on (0 while dead), MH = work x pi - upkeep",
    steps: [endowment] },
  { name: 'plan', text: '(weekly) benchmark medians; values at e_ref until a rate clears; reserve replication, PC and R&D hours; choose genres',
    steps: [updateMediansWhenDue, referenceRateUntilCleared, plan] },
  { name: 'exchange', text: 'clear the CH/MH rate on planned schedules, fix plans, swap tokens (gift: donations)',
    steps: [exchangeHours] },
  { name: 'inputs', text: 'input markets (par in tokens; S1 at the wage); then loans to investors, who hire hours for R&D and new PCs',
    steps: [inputMarkets, chooseUpgrades, lend, hire] },
  { name: 'produce', text: "today's genre prices (benchmark); CES production; completed goods open campaigns (gift: are released); learning",
    steps: [setPrices, produce] },
  { name: 'fund', text: 'expired campaigns refund; agents pledge in random order; funded goods are released',
    steps: [fundGoods] },
  { name: 'consume', text: "take up to `attention` of today's released goods in liked genres, paying replication CH (per-copy: buy copies)",
    steps: [consumeGoods] },
  { name: 'invest', text: 'process R&D from reserved and hired hours; successes lower technique, or imitate the genre',
    steps: [invest] },
  { name: 'money', text: 'loan instalments (overdue: default); S2: limits, defaults, demurrage and dividend; S3: burn demurrage, issue by the rule; S1b: dividend',
    steps: [repay, moneyPhase] },
  { name: 'participation', text: 'weekly pi from rho; drop-outs (dead PC, default) and re-entries',
    steps: [participation] },
];

/** After the invariants, before the day's rows: today enters the trailing windows tomorrow reads. */
export const WINDOWS: Phase = {
  name: 'windows', text: "today's work value and receipts enter the budget, loan and rho windows; agents' totals; the money windows of velocity and flow EMA",
  steps: [rollWindows],
};
