/**
 * The numbers MODEL.md section 9 shows beside the claims' tests, never as tests, per run and then per
 * preset at the judged point (mean across seeds with a 95 % t interval):
 * - `price_level`: the price index, mean over W of price_level (price / own cost of the goods funded).
 *   MODEL.md's benchmark-deflated index (genre price / genre median cost) is 1 + mu0 by the pricing
 *   rule, a check of the code, not a claim; metrics.csv has no column for it, so price_level stands in
 *   and its note says how the two differ (own cost, not the genre's median);
 * - `hour_price`: the token price of an hour: 1 at par (S2, S3: the par rule), the mean over W of
 *   price_mh_cur in S1 (currency per MH), none in gift;
 * - `price_hours_trend`: the trend over W of price_hours_per_good, %/year (productivity: a good's price
 *   in hours falls as goods get cheaper to make);
 * - `output_near_floor`: the mean over W of the share of output within 10 % of the incompressible cost.
 * Each is computed once here; claims.json carries them and the report only shows them.
 */
import { columnOf, daysOf, type MetricsTable } from '../io/metricsCsv.js';
import type { Scenario } from '../scenario/schema.js';
import { isSingleCurrency } from './statistics.js';
import { INPUTS } from '../engine/institutions.js';
import { lastDayOf, statWindow, trendPctPerYear, windowMean } from './window.js';

export const BESIDE = [
  { name: 'price_level', label: 'price index (price_level: price / own cost of funded goods)', unit: 'x cost',
    note: 'MODEL.md\'s benchmark-deflated index (genre price / genre median cost) is 1 + mu0 by the pricing rule, a check of the code; price_level deflates by the funded goods\' own costs, so it is above 1 + mu0 where cheaper producers sell more' },
  { name: 'hour_price', label: 'token price of an hour', unit: 'tokens per MH', note: '1 at par (two-token, peer-bank) by the par rule; S1: price_mh_cur' },
  { name: 'price_hours_trend', label: 'trend of price_hours_per_good', unit: '%/year', note: 'productivity: the price of a good in hours' },
  { name: 'output_near_floor', label: 'output near the incompressible cost (<= 1.1 M)', unit: 'share', note: 'how close production is to the floor; mean over W' },
] as const;
export type BesideName = (typeof BESIDE)[number]['name'];
export type BesideValues = Record<BesideName, number | undefined>;

/** The beside-the-tests numbers of one run. */
export function besideValues(table: MetricsTable, scenario: Scenario): BesideValues {
  const days = daysOf(table);
  const w = statWindow(lastDayOf(days));
  const mean = (name: string): number => {
    const c = columnOf(table, name);
    return c === undefined ? NaN : windowMean(days, c, w);
  };
  const hours = columnOf(table, 'price_hours_per_good');
  const hourPrice = INPUTS[scenario.institutions.inputs].atPar ? 1 : isSingleCurrency(scenario) ? mean('price_mh_cur') : NaN;
  const values: Record<BesideName, number> = {
    price_level: mean('price_level'),
    hour_price: hourPrice,
    price_hours_trend: hours === undefined ? NaN : trendPctPerYear(days, hours, w),
    output_near_floor: mean('output_near_floor'),
  };
  return Object.fromEntries(BESIDE.map((b) => [b.name, Number.isFinite(values[b.name]) ? values[b.name] : undefined])) as BesideValues;
}
