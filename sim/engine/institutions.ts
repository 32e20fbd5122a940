/**
 * The institutions, chosen by `kind` (the scenario's `institutions` fields): each role maps an option
 * to the pure phase functions that implement it. A new institution is one file and one line here.
 */
import type { Scenario } from '../scenario/schema.js';
import { donations } from '../economy/gift.js';
import { exchange } from '../markets/exchange.js';
import { inputs } from '../markets/inputs.js';
import { fund } from '../economy/fund.js';
import { auction } from '../markets/auction.js';
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
