/**
 * Test helpers for the engine: a small World built from scenario overrides (audit mode on), and a
 * posting that gives an agent tokens from another one (through the ledger, so the audit still holds).
 */
import { World } from '../../sim/engine/world.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../../sim/scenario/schema.js';

/** A full scenario from a few fields: the schema fills in every default (two-token unless told). */
export function scenario(input: ScenarioInput): Scenario {
  return ScenarioSchema.parse(input);
}

/** A World of the scenario's agents, in audit mode, on day 0. */
export function makeWorld(input: ScenarioInput): World {
  const w = new World(scenario(input), true);
  w.beginDay(0);
  return w;
}

/** Lower every agent's floor in both tokens to -limitMilli, so test postings may run into credit. */
export function openCredit(w: World, limitMilli: number): void {
  for (let i = 0; i < w.n; i++) {
    w.ledger.setFloor(CUR.ch, i, -limitMilli);
    w.ledger.setFloor(CUR.mh, i, -limitMilli);
  }
}

/** Move `amount` milli-tokens of `cur` ('ch' | 'mh') from agent `from` to agent `to` (an input payment). */
export function pay(w: World, cur: 'ch' | 'mh', from: number, to: number, amount: number): void {
  w.ledger.post(CUR[cur], KIND.input, from, to, amount);
}

/** The balances of every agent in one token, as plain numbers (milli-tokens). */
export function balances(w: World, cur: 'ch' | 'mh'): number[] {
  return Array.from(w.ledger.balance[CUR[cur]]!.subarray(0, w.n));
}

/** Sum of every account of a currency (agents, escrow, commons, exchange, bank): 0 by double entry. */
export function ledgerSum(w: World, cur: 'ch' | 'mh'): number {
  return w.ledger.balance[CUR[cur]]!.reduce((s, v) => s + v, 0);
}
