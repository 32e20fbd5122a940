/**
 * The columns of `agents.csv`: one row per agent every `observe.agentsEveryDays` days and at the end,
 * for the claims that need producers, not days (MODEL.md section 10, claim C2). Enumerations are
 * written as their labels (`type`, `status`); NaN is an empty cell.
 */
import type { ColumnFormat } from './columns.js';

export interface AgentColumn {
  readonly name: string;
  readonly format: ColumnFormat | 'enum';
  readonly labels?: readonly string[];
  readonly text: string;
}

export const AGENT_TYPES = ['cpu-rich', 'labour-rich'] as const;
export const AGENT_STATUSES = ['producer', 'dropped-pc', 'dropped-default', 're-entered'] as const;

export const AGENT_COLUMNS: readonly AgentColumn[] = [
  { name: 'day', format: 'int', text: 'Day of the snapshot' },
  { name: 'agent', format: 'int', text: 'Agent id' },
  { name: 'type', format: 'enum', labels: AGENT_TYPES, text: 'Endowment type' },
  { name: 'rmax', format: 'real', text: 'Rmax of its PC in GFLOPS (0 while dead)' },
  { name: 'pc_age_days', format: 'int', text: 'Age of its PC in days' },
  { name: 'pi', format: 'real', text: 'Participation share' },
  { name: 'genre', format: 'int', text: 'Genre it produces in' },
  { name: 'cost_index', format: 'real', text: 'Own unit cost / the base recipe (m x technique x learning)' },
  { name: 'efficiency', format: 'real', text: '1 / cost_index' },
  { name: 'cost_mh', format: 'real', text: 'Own MH per good in its genre' },
  { name: 'cost_ch', format: 'real', text: 'Own CH per good in its genre' },
  { name: 'goods_made', format: 'int', text: 'Goods completed so far' },
  { name: 'campaigns_funded', format: 'int', text: 'Its campaigns funded so far' },
  { name: 'campaigns_refunded', format: 'int', text: 'Its campaigns refunded so far' },
  { name: 'rho', format: 'real', text: 'Return ratio over the rho window (empty if undefined)' },
  { name: 'receipts_total', format: 'real', text: 'Token receipts for goods and hours since day 0, MH-equivalents' },
  { name: 'work_value_total', format: 'real', text: 'Own hours in production and hours sold since day 0, MH-equivalents' },
  { name: 'balance_ch', format: 'tokens', text: 'CH token balance' },
  { name: 'balance_mh', format: 'tokens', text: 'MH token balance' },
  { name: 'limit_ch', format: 'tokens', text: 'CH credit limit' },
  { name: 'limit_mh', format: 'tokens', text: 'MH credit limit' },
  { name: 'status', format: 'enum', labels: AGENT_STATUSES, text: 'Producer, dropped out (cause) or re-entered' },
  { name: 'balance_cur', format: 'tokens', text: 'Balance in the single currency (market, market-k)' },
  { name: 'markup', format: 'real', text: 'Its adaptive markup (market, market-k)' },
];
