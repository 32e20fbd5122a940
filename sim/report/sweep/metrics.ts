/**
 * What a sweep report draws: the fan charts (daily statistics across replicates, from summary.csv),
 * and the end-of-run metrics of the statistics table, the small multiples and the heatmaps (window means
 * per run, from runs.csv). Data, not code: a chart or a metric more is an entry here. Panel titles and
 * axis titles come from the run report's CHART_DEFS, so a metric reads the same in every report.
 */
import { CHART_DEFS, type PanelDef } from '../chartDefs.js';

export interface FanDef {
  id: string;
  title: string;
  /** One sentence: what to look for. */
  look: string;
  metrics: string[];
}

export const FAN_DEFS: readonly FanDef[] = [
  { id: 'fan-abundance', title: 'Abundance across replicates', metrics: ['goods_released', 'goods_total', 'copies_per_capita'],
    look: 'Bands that separate are differences between presets larger than the noise between seeds.' },
  { id: 'fan-money', title: 'Money supply across replicates', metrics: ['money_ch', 'money_mh', 'money_cur'],
    look: 'How much money each institution keeps in circulation, and how much it varies from seed to seed.' },
  { id: 'fan-efficiency', title: 'Efficiency across replicates', metrics: ['cost_index', 'utilisation_ch', 'utilisation_mh'],
    look: 'A falling cost index is learning and R&D at work; compare how fast it falls under each preset.' },
  { id: 'fan-prices', title: 'Prices across replicates', metrics: ['exchange_rate', 'price_level', 'price_hours_per_good'],
    look: 'A price level near 1 means goods sell at cost; a falling price per good is price approaching cost (claim C5).' },
  { id: 'fan-inequality', title: 'Inequality across replicates', metrics: ['gini_income', 'gini_wealth'],
    look: 'Lower Gini means income and wealth are shared more evenly; 0 is perfect equality.' },
];

/** Every metric a fan chart draws. */
export const FAN_METRICS: ReadonlySet<string> = new Set(FAN_DEFS.flatMap((d) => d.metrics));

export interface EndMetric {
  metric: string;
  label: string;
  unit: string;
}

/** The key metrics of `abundance compare` (docs/sweeps.md), as window means per run. */
export const END_METRICS: readonly EndMetric[] = [
  { metric: 'goods_total', label: 'goods released, cumulative', unit: 'goods' },
  { metric: 'copies_per_capita', label: 'copies per person', unit: 'copies per agent-day' },
  { metric: 'cost_index', label: 'cost index', unit: 'x base recipe' },
  { metric: 'funded_share', label: 'funded share', unit: 'share' },
  { metric: 'rho_median', label: 'median return ratio', unit: 'rho' },
  { metric: 'pi_mean', label: 'mean participation', unit: 'share' },
  { metric: 'dropout_share', label: 'drop-out share', unit: 'share' },
  { metric: 'price_level', label: 'price level', unit: 'price / cost' },
  { metric: 'price_hours_per_good', label: 'price per good', unit: 'MH-eq. per good' },
  { metric: 'gini_income', label: 'Gini of income', unit: 'Gini' },
  { metric: 'gini_wealth', label: 'Gini of wealth', unit: 'Gini' },
  { metric: 'money_ch', label: 'money supply CH', unit: 'tokens' },
  { metric: 'money_mh', label: 'money supply MH', unit: 'tokens' },
  { metric: 'money_cur', label: 'money supply, single currency', unit: 'tokens' },
];

/** The heatmaps of a two-parameter grid: one chart per metric, so fewer than END_METRICS. */
export const HEATMAP_METRICS: readonly string[] = ['goods_total', 'copies_per_capita', 'cost_index', 'funded_share', 'rho_median', 'gini_income'];

const PANELS = new Map(CHART_DEFS.flatMap((d) => d.panels).map((p) => [p.metric, p]));

/** The run report's panel of a metric (title, axis title, zero), or a plain one. */
export function panelOf(metric: string): PanelDef {
  return PANELS.get(metric) ?? { metric, title: metric, yTitle: metric };
}

export function endMetric(metric: string): EndMetric {
  return END_METRICS.find((m) => m.metric === metric) ?? { metric, label: metric, unit: '' };
}
