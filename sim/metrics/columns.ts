/**
 * The columns of `metrics.csv`: one fixed header for every preset, in the order of MODEL.md section 10,
 * then extra columns. A row is a Float64Array indexed by these positions; NaN marks a value that is
 * undefined that day (no trade, no goods, no money) and becomes an empty cell, never the text "NaN".
 *
 * `format` says how a value is written: `int` as an integer, `tokens` with exactly three decimals (token
 * amounts are integers of milli-tokens, so identities can be checked from the file alone), `real` with
 * up to eight significant digits.
 */
export type ColumnFormat = 'int' | 'tokens' | 'real';

export interface Column {
  readonly name: string;
  readonly format: ColumnFormat;
  readonly unit: string;
  readonly text: string;
}

const c = (name: string, format: ColumnFormat, unit: string, text: string): Column => ({ name, format, unit, text });

const perCurrency = (x: 'ch' | 'mh' | 'cur'): Column[] => [
  c(`money_${x}`, 'tokens', 'tokens', `Sum of positive balances of all accounts but the bank (${x})`),
  c(`credit_${x}`, 'tokens', 'tokens', `Sum of negative balances, as a positive number (${x})`),
  c(`issued_${x}`, 'tokens', 'tokens/day', `Tokens issued that day (${x})`),
  c(`burned_${x}`, 'tokens', 'tokens/day', `Tokens burned that day (${x})`),
  c(`flow_${x}`, 'tokens', 'tokens/day', `Tokens paid between distinct agents for inputs and funded goods (${x})`),
  c(`flow_ema_${x}`, 'real', 'tokens/day', `EMA of the flow, span bank.emaDays (${x})`),
  c(`demurrage_${x}`, 'tokens', 'tokens/day', `Demurrage charged that day (${x})`),
  c(`loans_${x}`, 'tokens', 'tokens', `Peer loans outstanding (${x})`),
  c(`defaults_${x}`, 'tokens', 'tokens/day', `Debt written off that day (${x})`),
  c(`velocity_${x}`, 'real', '1/year', `Payments over the last 365 days / mean money over them (${x})`),
];

/** MODEL.md section 10, in order. The contract: never reorder or rename. */
export const CONTRACT_COLUMNS: readonly Column[] = [
  c('day', 'int', 'day', 'Day of the run, from 0'),
  c('producers_active', 'int', 'agents', 'Agents who are producers (not dropped out)'),
  c('dropout_share', 'real', 'share', 'Share of agents dropped out as producers'),
  c('pi_mean', 'real', 'share', 'Mean participation share'),
  c('goods_completed', 'int', 'goods/day', 'Goods completed that day'),
  c('goods_released', 'int', 'goods/day', 'Goods released to everyone that day'),
  c('goods_total', 'int', 'goods', 'Cumulative goods released'),
  c('copies', 'int', 'copies/day', 'Copies downloaded that day'),
  c('copies_per_capita', 'real', 'copies/agent/day', 'Copies downloaded that day per agent'),
  c('genre_diversity', 'real', 'nats', 'Shannon index of the day\'s downloads over genres'),
  c('campaigns_opened', 'int', 'campaigns/day', 'Campaigns opened that day'),
  c('campaigns_funded', 'int', 'campaigns/day', 'Campaigns funded that day'),
  c('campaigns_refunded', 'int', 'campaigns/day', 'Campaigns refunded at their deadline that day'),
  c('funded_share', 'real', 'share', 'Funded share of the campaigns closed that day'),
  c('days_to_fund', 'real', 'days', 'Mean days to funding of the campaigns funded that day'),
  c('cost_mh_per_good', 'real', 'MH/good', 'Output-weighted mean MH per good completed that day'),
  c('cost_ch_per_good', 'real', 'CH/good', 'Output-weighted mean CH per good completed that day'),
  c('cost_index', 'real', 'x base recipe', 'Output-weighted own unit cost / the base recipe\'s, at the day\'s rate'),
  c('utilisation_ch', 'real', 'share', 'CH used (production, R&D, replication) / CH endowment'),
  c('utilisation_mh', 'real', 'share', 'MH used (production, R&D, PC replacement) / MH endowment'),
  c('traded_share_ch', 'real', 'share', 'CH delivered between agents / CH used in production'),
  c('traded_share_mh', 'real', 'share', 'MH delivered between agents / MH used in production'),
  c('rmax_mean', 'real', 'GFLOPS', 'Mean Rmax of working PCs'),
  c('capacity_ch', 'real', 'CH/day', 'CH endowment of all agents that day'),
  c('capacity_mh', 'real', 'MH/day', 'MH endowment of all agents that day'),
  ...perCurrency('ch'),
  ...perCurrency('mh'),
  ...perCurrency('cur'),
  c('exchange_rate', 'real', 'MH/CH', 'Clearing rate of the CH/MH exchange (empty without trade)'),
  c('price_ch_cur', 'real', 'cur/CH', 'Price of a CH in the single currency (S1 auctions)'),
  c('price_mh_cur', 'real', 'cur/MH', 'Price of a MH in the single currency (S1 auctions)'),
  c('price_level', 'real', 'x cost', 'Mean price of goods funded that day per unit of their cost, MH-equivalents'),
  c('price_hours_per_good', 'real', 'MH-eq/good', 'Mean price of goods funded that day, in MH-equivalents'),
  c('gini_income', 'real', 'Gini', 'Gini of 30-day receipts in MH-equivalents'),
  c('gini_wealth', 'real', 'Gini', 'Gini of balance plus limit in MH-equivalents'),
  c('rho_median', 'real', 'ratio', 'Median return ratio rho of producers where defined'),
  // Claims support (MODEL.md v4 section 10)
  c('cost_funded_sum', 'real', 'MH-eq/day', 'Sum of the own costs (at opening) of the goods funded that day, MH-equivalents'),
  c('output_near_floor', 'real', 'share', 'Share of the goods completed that day whose efficiency factor is within 10 % of M above it (<= 1.1 M)'),
  c('demand_capped_share', 'real', 'share', 'Share of the day\'s pledging agents stopped by the demand.maxCampaigns guard with budget and campaigns left'),
];

/** Columns after the contract: free to extend. */
export const EXTRA_COLUMNS: readonly Column[] = [
  c('exchange_rate_ref', 'real', 'MH/CH', 'Reference rate e_ref = median costMh / median costCh of the recipes'),
  c('base_ch_per_good', 'real', 'CH/good', 'CH of the base recipe (computeDays of the typical installed PC)'),
  c('rmax_frontier', 'real', 'GFLOPS', 'Rmax of the best PC money can buy'),
  c('pcs_dead', 'int', 'agents', 'Agents whose PC is dead'),
  c('idle_ch', 'real', 'CH/day', 'CH endowment left idle'),
  c('idle_mh', 'real', 'MH/day', 'MH endowment left idle'),
  c('given_ch', 'real', 'CH/day', 'CH given away (gift)'),
  c('given_mh', 'real', 'MH/day', 'MH given away (gift)'),
  c('rnd_successes', 'int', 'count/day', 'Successful R&D attempts that day'),
  c('defaults', 'int', 'agents/day', 'Agents who defaulted that day'),
  c('learning_factor_mean', 'real', 'factor', 'Mean Wright learning factor over genres'),
  c('campaigns_open', 'int', 'campaigns', 'Campaigns open at the end of the day'),
  c('money_days_ch', 'real', 'days', 'money_ch / flow_ema_ch: money in days of flow (the Peer Bank aims at bank.k)'),
  c('money_days_mh', 'real', 'days', 'money_mh / flow_ema_mh: money in days of flow'),
  c('money_days_cur', 'real', 'days', 'money_cur / flow_ema_cur: money in days of flow'),
  c('bank_target_days', 'real', 'days', 'The Peer Bank\'s target k in days of flow (peer-bank only)'),
  c('hired_ch', 'real', 'CH/day', 'CH hired for R&D by producers with rho > 1 (reinvestment)'),
  c('hired_mh', 'real', 'MH/day', 'MH hired for R&D by producers with rho > 1 (reinvestment)'),
  c('pc_upgrade_mh', 'real', 'MH/day', 'MH hired to build PCs bought early (upgrades to the frontier)'),
  c('pc_upgrades', 'int', 'PCs/day', 'Working PCs replaced early by a frontier PC that day'),
  c('loans_open', 'int', 'loans', 'Peer loans open at the end of the day, all currencies'),
  c('loans_granted_ch', 'tokens', 'tokens/day', 'Peer loans granted that day (ch)'),
  c('loans_granted_mh', 'tokens', 'tokens/day', 'Peer loans granted that day (mh)'),
  c('loans_granted_cur', 'tokens', 'tokens/day', 'Peer loans granted that day (cur)'),
  c('loans_repaid_ch', 'tokens', 'tokens/day', 'Loan instalments paid that day (ch)'),
  c('loans_repaid_mh', 'tokens', 'tokens/day', 'Loan instalments paid that day (mh)'),
  c('loans_repaid_cur', 'tokens', 'tokens/day', 'Loan instalments paid that day (cur)'),
];

export const COLUMNS: readonly Column[] = [...CONTRACT_COLUMNS, ...EXTRA_COLUMNS];

/** Column name -> position in a row. */
export const COL: Readonly<Record<string, number>> = Object.fromEntries(COLUMNS.map((col, i) => [col.name, i]));

/** The position of a column, failing loudly on a misspelt name. */
export function col(name: string): number {
  const i = COL[name];
  if (i === undefined) throw new Error(`unknown metrics column "${name}"`);
  return i;
}
