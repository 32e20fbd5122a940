/**
 * Test helpers for metrics rows: a column of a run by name, and the checks every run's metrics must
 * pass (each cell a finite number or NaN = an empty cell, and NaN exactly where a value is undefined).
 */
import { expect } from 'vitest';
import { col } from '../../sim/metrics/columns.js';
import { COLUMNS } from '../../sim/metrics/columns.js';
import type { Scenario } from '../../sim/scenario/schema.js';

/** One column of a run's metrics rows. */
export function column(rows: Float64Array[], name: string): number[] {
  const k = col(name);
  return rows.map((r) => r[k]!);
}

const ALWAYS = [
  'day', 'producers_active', 'dropout_share', 'pi_mean', 'goods_completed', 'goods_released', 'goods_total',
  'copies', 'copies_per_capita', 'capacity_ch', 'capacity_mh', 'exchange_rate_ref', 'base_ch_per_good',
  'rmax_frontier', 'pcs_dead', 'idle_ch', 'idle_mh', 'given_ch', 'given_mh', 'rnd_successes', 'learning_factor_mean',
];
const CAMPAIGN_COUNTS = ['campaigns_opened', 'campaigns_funded', 'campaigns_refunded', 'campaigns_open'];
const perToken = (names: string[], xs: string[]): string[] => names.flatMap((m) => xs.map((x) => `${m}_${x}`));
const MONEY = ['money', 'credit', 'flow', 'flow_ema', 'velocity'];

/** Which cells are defined on a day, as a list of problems (empty when all is well). */
export function cellProblems(rows: Float64Array[], s: Scenario): string[] {
  const problems: string[] = [];
  const money = s.institutions.money !== 'none';
  const bank = s.institutions.money === 'peer-bank';
  const single = s.institutions.inputs === 'auction';
  const credit = s.institutions.money === 'mutual-credit' || s.institutions.money === 'merged-credit';
  const priced = s.institutions.pricing !== 'free';
  const campaigns = priced && s.sale === 'pledge'; // per-copy sales open no campaigns
  const at = (r: Float64Array, name: string): number => r[col(name)]!;
  const expectDefined = (r: Float64Array, name: string, defined: boolean): void => {
    const v = at(r, name);
    if (defined !== !Number.isNaN(v)) problems.push(`day ${at(r, 'day')}: ${name} is ${v}, expected ${defined ? 'a number' : 'empty'}`);
  };
  for (const r of rows) {
    for (let k = 0; k < r.length; k++) {
      const v = r[k]!;
      if (!Number.isNaN(v) && !Number.isFinite(v)) problems.push(`day ${at(r, 'day')}: ${COLUMNS[k]!.name} is ${v}`);
    }
    for (const name of ALWAYS) expectDefined(r, name, true);
    expectDefined(r, 'rmax_mean', at(r, 'pcs_dead') < s.agents);
    expectDefined(r, 'genre_diversity', at(r, 'copies') > 0);
    for (const name of ['cost_mh_per_good', 'cost_ch_per_good', 'cost_index']) expectDefined(r, name, at(r, 'goods_completed') > 0);
    expectDefined(r, 'utilisation_ch', at(r, 'capacity_ch') > 0);
    expectDefined(r, 'utilisation_mh', at(r, 'capacity_mh') > 0);
    for (const name of CAMPAIGN_COUNTS) expectDefined(r, name, campaigns);
    const funded = at(r, 'campaigns_funded');
    const closed = funded + at(r, 'campaigns_refunded');
    expectDefined(r, 'funded_share', campaigns && closed > 0);
    expectDefined(r, 'days_to_fund', campaigns && funded > 0);
    if (campaigns) for (const name of ['price_level', 'price_hours_per_good']) expectDefined(r, name, funded > 0);
    if (!priced) for (const name of ['price_level', 'price_hours_per_good']) expectDefined(r, name, false);
    // Which money columns a preset uses: tokens (ch, mh) in S2/S3, the one currency (cur) in S1.
    const tokens = money && !single ? ['ch', 'mh'] : [];
    const cur = single ? ['cur'] : [];
    for (const name of perToken(MONEY.filter((m) => m !== 'velocity').concat(['loans', 'defaults']), tokens.concat(cur))) expectDefined(r, name, true);
    for (const name of perToken(MONEY.concat(['demurrage', 'defaults', 'issued', 'burned', 'loans']), ['ch', 'mh', 'cur'])) {
      const x = name.slice(name.lastIndexOf('_') + 1);
      const m = name.slice(0, name.lastIndexOf('_'));
      const used = (tokens.includes(x) && (m !== 'issued' && m !== 'burned' ? true : bank))
        || (cur.includes(x) && ['money', 'credit', 'flow', 'flow_ema', 'velocity', 'loans', 'defaults'].includes(m))
        || (cur.includes(x) && m === 'issued' && !credit) // S1's stock is issued; a merged credit token is not
        || (cur.includes(x) && m === 'demurrage' && credit);
      if (!used) expectDefined(r, name, false);
    }
    expectDefined(r, 'defaults', money);
    expectDefined(r, 'price_ch_cur', single && !Number.isNaN(at(r, 'price_mh_cur')));
    if (!single) expectDefined(r, 'price_mh_cur', false);
    if (single) expectDefined(r, 'exchange_rate', false);
    if (!money || s.production.sigma === 0) expectDefined(r, 'exchange_rate', false);
    // (gini_wealth may be empty with money: when every agent's balance plus limit is 0, or all tokens sit in escrow.)
    if (!money) expectDefined(r, 'gini_wealth', false);
    // Mutual credit: money = credit (balances sum to 0). Peer Bank and S1: positive balances only, no credit.
    for (const x of money ? (single ? ['cur'] : ['ch', 'mh']) : []) {
      const m = at(r, `money_${x}`);
      const c = at(r, `credit_${x}`);
      if (credit && m !== c) problems.push(`day ${at(r, 'day')}: money_${x} ${m} != credit_${x} ${c}`);
      if (!credit && c !== 0) problems.push(`day ${at(r, 'day')}: credit_${x} is ${c} with positive balances only`);
    }
  }
  return problems.slice(0, 20);
}

/** Assert a run's metrics cells (see cellProblems). */
export function expectCellsWellDefined(rows: Float64Array[], s: Scenario): void {
  expect(cellProblems(rows, s)).toEqual([]);
}
