/**
 * sim/analysis/beside: the numbers shown beside the claims' tests, per run, on hand-made tables.
 * A 500-day run: W = days 135..499.
 */
import { describe, expect, it } from 'vitest';
import { besideValues } from '../../sim/analysis/beside.js';
import { ScenarioSchema } from '../../sim/scenario/schema.js';
import { scenarioOf, syntheticTable } from './fixture.js';

const scenario = (preset: string) => ScenarioSchema.parse(scenarioOf(preset));
const table = syntheticTable(500, (d) => ({
  price_level: d < 135 ? 9 : 1.05,
  // 40 e^{-0.12 t}: the price of a good in hours falls 12 %/year.
  price_hours_per_good: 40 * Math.exp((-0.12 * d) / 365),
  price_mh_cur: d < 135 ? 100 : d % 2 === 0 ? 2 : 4, // W: 183 odd days at 4, 182 even at 2
  output_near_floor: d < 135 ? 1 : 0.2,
}));

describe('analysis/beside', () => {
  it('the price index, the trend of price_hours_per_good and output near the floor, over W', () => {
    const b = besideValues(table, scenario('peer-bank'));
    expect(b.price_level).toBeCloseTo(1.05, 12);
    expect(b.price_hours_trend).toBeCloseTo(-12, 10);
    expect(b.output_near_floor).toBeCloseTo(0.2, 12);
  });

  it('the token price of an hour: 1 at par, the mean currency wage over W in S1, none in gift', () => {
    expect(besideValues(table, scenario('two-token')).hour_price).toBe(1);
    expect(besideValues(table, scenario('market')).hour_price).toBeCloseTo((183 * 4 + 182 * 2) / 365, 12);
    expect(besideValues(table, scenario('gift')).hour_price).toBeUndefined();
  });

  it('is undefined where the column is missing or empty', () => {
    const b = besideValues(syntheticTable(500), scenario('peer-bank'));
    expect(b.price_level).toBeUndefined();
    expect(b.price_hours_trend).toBeUndefined();
    expect(b.output_near_floor).toBeUndefined();
  });
});
