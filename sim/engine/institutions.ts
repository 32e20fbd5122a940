/**
 * The institutions, chosen by the scenario's `institutions` fields and `sale`: each is a registry of
 * records, looked up once by World (`w.inputs`, `w.pricing`, `w.sale`; the money's records are in
 * sim/money/kinds/, `w.money`). A new option is one file and one row. The named steps at the end are
 * what the day's page (phases.ts) runs: each asks the World's record.
 */
import type { Scenario } from '../scenario/schema.js';
import { donations } from '../economy/gift.js';
import { exchange } from '../markets/exchange.js';
import { inputs } from '../markets/inputs.js';
import { auction } from '../markets/auction.js';
import { fund } from '../economy/fund.js';
import { consume } from '../economy/consume.js';
import { sellCopies } from '../economy/shop.js';
import { updatePrices } from '../economy/pricing.js';
import { nothing, type Step } from '../money/kind.js';
import type { World } from './world.js';

/** How hours move: the exchange phase and the input-market phase; `atPar`: an hour is bought at par,
 * one token per hour (S2, S3), so its price in tokens is 1 (sim/analysis/beside.ts). */
export interface Inputs { readonly exchange: Step; readonly inputs: Step; readonly atPar: boolean }
export const INPUTS: Record<Scenario['institutions']['inputs'], Inputs> = {
  donation: { exchange: donations, inputs: nothing, atPar: false },
  auction: { exchange, inputs: auction, atPar: false },
  par: { exchange, inputs, atPar: true },
};

/** How a good is priced when it is completed (sim/economy/produce.ts). */
export interface Pricing {
  /** Goods carry a price (else they are released free, as gifts). */
  readonly priced: boolean;
  /** At its cost x (1 + its producer's adaptive markup), moved as campaigns close; else at the genre's price. */
  readonly ownMarkup: boolean;
  /** Sets the day's genre prices at the day's rate, before production. */
  readonly prices: Step;
}
export const PRICING: Record<Scenario['institutions']['pricing'], Pricing> = {
  free: { priced: false, ownMarkup: false, prices: nothing },
  markup: { priced: true, ownMarkup: true, prices: nothing },
  benchmark: { priced: true, ownMarkup: false, prices: updatePrices }, // (1 + mu0) x the genre's median cost
};

/** How priced goods are sold: the fund phase and the consume phase; `shop`: per-copy sales' day shop. */
export interface Sale { readonly fund: Step; readonly consume: Step; readonly shop: boolean }
export const SALE: Record<Scenario['sale'], Sale> = {
  pledge: { fund, consume, shop: false },
  'per-copy': { fund, consume: sellCopies, shop: true }, // no campaign opens: fund finds none
};
/** Free goods (`pricing: free`) are released, not sold, whatever `sale` says. */
export const GIFTS: Sale = { fund: nothing, consume, shop: false };

/** The steps of the day the institutions fill, by the records World holds. */
export const exchangeHours: Step = (w: World) => w.inputs.exchange(w);
export const inputMarkets: Step = (w: World) => w.inputs.inputs(w);
export const setPrices: Step = (w: World) => w.pricing.prices(w);
export const fundGoods: Step = (w: World) => w.sale.fund(w);
export const consumeGoods: Step = (w: World) => w.sale.consume(w);
export const moneyPhase: Step = (w: World) => w.money.daily(w);
