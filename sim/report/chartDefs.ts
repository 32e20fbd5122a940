/**
 * Which charts a report draws: one entry per chart file, each a list of panels (one metric per panel,
 * every run a colour). This is data, not code, so adding a chart is adding an entry here. Axis titles
 * are spelt out in words ("goods per day") rather than copied from the column units ("goods/day"),
 * since they are read by people who have not seen sim/metrics/columns.ts.
 */

export interface PanelDef {
  /** The metrics.csv column drawn. */
  metric: string;
  /** Panel title: what the line is. */
  title: string;
  /** The y axis title, with its unit; at most Y_TITLE_MAX chars, or it overhangs the panel and shifts its title. */
  yTitle: string;
  /** A column drawn dashed in the same panel as a reference (e.g. the reference exchange rate). */
  ref?: string;
  /** Start the y axis at zero (default true); false for ratios that live far from zero. */
  zero?: boolean;
}

/** vega estimates text at 0.8 em a character without a canvas: 22 chars of 11 px fit a 200 px panel. */
export const Y_TITLE_MAX = 22;

export interface ChartDef {
  id: string;
  title: string;
  /** One sentence: what to look for. */
  look: string;
  panels: PanelDef[];
  /** Panels per row; 'currency' = one column per currency drawn (CH, MH, single currency). */
  columns: number | 'currency';
}

const perCurrency = (stem: string, what: string, yTitle: string): PanelDef[] =>
  (['ch', 'mh', 'cur'] as const).map((x) => ({
    metric: `${stem}_${x}`,
    title: `${what}, ${x === 'cur' ? 'single currency' : x.toUpperCase()}`,
    yTitle,
  }));

export const CHART_DEFS: readonly ChartDef[] = [
  {
    id: 'abundance',
    title: 'Abundance',
    look: 'A richer commons releases more goods a day, its cumulative total keeps climbing, and each person downloads more copies.',
    columns: 3,
    panels: [
      { metric: 'goods_released', title: 'goods released', yTitle: 'goods per day' },
      { metric: 'goods_total', title: 'goods released, cumulative', yTitle: 'goods' },
      { metric: 'copies_per_capita', title: 'copies per person', yTitle: 'copies per agent-day' },
    ],
  },
  {
    id: 'campaigns',
    title: 'Campaigns',
    look: 'A high funded share means producers choose goods people will pay for; a falling share means demand is not keeping up.',
    columns: 2,
    panels: [
      { metric: 'funded_share', title: 'funded share of closed campaigns', yTitle: 'share' },
      { metric: 'days_to_fund', title: 'days to funding', yTitle: 'days' },
    ],
  },
  {
    id: 'money',
    title: 'Money: supply, credit and flow per token',
    look: 'Supply and credit should grow with the flow they serve; supply racing ahead of flow means idle money, credit ahead of it means debt piling up.',
    columns: 'currency',
    panels: [
      ...perCurrency('money', 'supply', 'tokens'),
      ...perCurrency('credit', 'credit', 'tokens'),
      ...perCurrency('flow', 'flow', 'tokens per day'),
    ],
  },
  {
    id: 'money-days',
    title: 'Money in days of flow',
    look: 'Money / the EMA of the flow it serves: under the Peer Bank it should follow its target k (dashed); a fixed stock drifts as the flow grows.',
    columns: 'currency',
    panels: (['ch', 'mh', 'cur'] as const).map((x) => ({
      metric: `money_days_${x}`,
      title: `money / flow, ${x === 'cur' ? 'single currency' : x.toUpperCase()}`,
      yTitle: 'days of flow',
      ref: 'bank_target_days',
    })),
  },
  {
    id: 'efficiency',
    title: 'Efficiency',
    look: 'A falling cost index is learning and R&D at work; the share near the floor is how much output is within 10 % of the incompressible cost M, where progress slows; utilisation near 1 means the hours people have are used.',
    columns: 2,
    panels: [
      { metric: 'cost_index', title: 'cost index (own cost / base recipe)', yTitle: 'times the base recipe' },
      { metric: 'output_near_floor', title: 'output near the floor (<= 1.1 M)', yTitle: 'share of goods' },
      { metric: 'cost_mh_per_good', title: 'MH per good', yTitle: 'MH per good' },
      { metric: 'cost_ch_per_good', title: 'CH per good', yTitle: 'CH per good' },
      { metric: 'utilisation_ch', title: 'CH utilisation', yTitle: 'share of CH endowment' },
      { metric: 'utilisation_mh', title: 'MH utilisation', yTitle: 'share of MH endowment' },
    ],
  },
  {
    id: 'prices',
    title: 'Prices',
    look: 'The exchange rate should settle near its reference (dashed); a price level near 1 means goods sell at cost.',
    columns: 2,
    panels: [
      { metric: 'exchange_rate', title: 'exchange rate', yTitle: 'MH per CH', ref: 'exchange_rate_ref', zero: false },
      { metric: 'price_level', title: 'price level (price / cost)', yTitle: 'price per unit of cost', zero: false },
      { metric: 'price_hours_per_good', title: 'price per good', yTitle: 'MH-eq. per good' },
    ],
  },
  {
    id: 'distribution',
    title: 'Distribution',
    look: 'Lower Gini means income and wealth are shared more evenly; 0 is perfect equality, 1 is one agent holding all.',
    columns: 2,
    panels: [
      { metric: 'gini_income', title: 'Gini of income (30-day receipts)', yTitle: 'Gini coefficient' },
      { metric: 'gini_wealth', title: 'Gini of wealth (balance + limit)', yTitle: 'Gini coefficient' },
    ],
  },
  {
    id: 'participation',
    title: 'Participation',
    look: 'Producers who stay active and a median return ratio at or above 1 mean producing pays for itself.',
    columns: 3,
    panels: [
      { metric: 'producers_active', title: 'active producers', yTitle: 'agents' },
      { metric: 'pi_mean', title: 'mean participation share', yTitle: 'share' },
      { metric: 'rho_median', title: 'median return ratio', yTitle: 'return ratio (rho)', zero: false },
    ],
  },
];
