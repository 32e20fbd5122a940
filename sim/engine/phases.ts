/**
 * The day: one ordered list of named phases (MODEL.md section 3). This is the economy on one page.
 */
import { frontier } from '../economy/pc.js';
import { endowment } from '../economy/endowment.js';
import { plan } from '../economy/plan.js';
import { updateMedians } from '../economy/pricing.js';
import { produce } from '../economy/produce.js';
import { consume } from '../economy/consume.js';
import { sellCopies } from '../economy/shop.js';
import { invest } from '../economy/invest.js';
import { participation } from '../economy/participation.js';
import { INPUTS, PRICING } from './institutions.js';
import { hire } from '../markets/hire.js';
import { lend, repay } from '../markets/lend.js';
import { chooseUpgrades, installUpgrades } from '../economy/upgrade.js';
import type { World } from './world.js';

export interface Phase {
  readonly name: string;
  readonly text: string;
  readonly run: (w: World) => void;
}

export const PHASES: readonly Phase[] = [
  { name: 'frontier', text: 'advance the best PC; age PCs, which die; replace dead PCs and install paid-up upgrades',
    run: (w) => { frontier(w); installUpgrades(w); } },
  { name: 'endowment', text: "today's hours: CH = Rmax x hours on (0 while dead), MH = work x pi - upkeep",
    run: endowment },
  { name: 'plan', text: 'reserve replication, PC and R&D hours; choose genres; (weekly) benchmark medians',
    run: (w) => { if (w.day % w.s.pricing.medianEveryDays === 0) updateMedians(w); if (!w.hadRate) w.e = w.eRef; plan(w); } },
  { name: 'exchange', text: 'clear the CH/MH rate on planned schedules, fix plans, swap tokens (gift: donations)',
    run: (w) => INPUTS[w.s.institutions.inputs].exchange(w) },
  { name: 'inputs', text: 'input markets (par in tokens; S1 at the wage); then loans to investors, who hire hours for R&D and new PCs',
    run: (w) => { INPUTS[w.s.institutions.inputs].inputs(w); chooseUpgrades(w); lend(w); hire(w); } },
  { name: 'produce', text: 'CES production; completed goods open campaigns (gift: are released); learning',
    run: produce },
  { name: 'fund', text: 'expired campaigns refund; agents pledge in random order; funded goods are released',
    run: (w) => PRICING[w.s.institutions.pricing].fund(w) },
  { name: 'consume', text: "take up to `attention` of today's released goods in liked genres, paying replication CH",
    run: (w) => (w.shop !== null ? sellCopies(w) : consume(w)) },
  { name: 'invest', text: 'process R&D from reserved and hired hours; successes lower technique, or imitate the genre',
    run: invest },
  { name: 'money', text: 'loan instalments (overdue: default); S2: limits, defaults, demurrage and dividend; S3: burn demurrage, issue by the rule; S1b: dividend',
    run: (w) => { repay(w); w.money.daily(w); } },
  { name: 'participation', text: 'weekly pi from rho; drop-outs (dead PC, default) and re-entries',
    run: participation },
];
