/** Random scenarios, small and short, in audit mode: whatever the parameters, no invariant breaks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { memorySink } from '../../sim/engine/sink.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { expectCellsWellDefined } from '../helpers/metrics.js';

const scenarioArb = fc.record({
  preset: fc.constantFrom('gift', 'market', 'market-k', 'two-token', 'peer-bank', 'scenarios/ablations/merged-token.yaml', 'scenarios/ablations/per-copy.yaml'),
  agents: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
  sigma: fc.constantFrom(0, 0.25, 0.5, 1, 2),
  lambdaDays: fc.constantFrom(0, 1, 7, 30, 90),
  defaultDays: fc.integer({ min: 1, max: 30 }),
  rate: fc.constantFrom(0, 0.06, 0.5, 1),
  freeRide: fc.constantFrom(0, 0.2, 0.9, 1),
  windowDays: fc.integer({ min: 1, max: 20 }),
  piMin: fc.constantFrom(1, 0.5, 0.1),
  genres: fc.integer({ min: 1, max: 5 }),
  maxAgeYears: fc.constantFrom(0.02, 0.1, 5),
  calibration: fc.constantFrom('source', '2009', '2020s'),
  bankRule: fc.constantFrom('target', 'peak', 'capacity'),
  bankK: fc.double({ min: 1, max: 120, noNaN: true }),
  emaDays: fc.integer({ min: 1, max: 60 }),
  bootstrapDays: fc.integer({ min: 0, max: 60 }),
  m0Days: fc.double({ min: 0.5, max: 90, noNaN: true }),
  wageDays: fc.double({ min: 1, max: 90, noNaN: true }),
  markup0: fc.double({ min: 0, max: 2, noNaN: true }),
  trendDays: fc.integer({ min: 30, max: 120 }),
});

/** Issue 3's property: any preset, parameters within the schema's ranges, 1 to 300 agents, 150 days. */
const wideArb = fc.record({
  base: scenarioArb,
  agents: fc.integer({ min: 1, max: 300 }),
});

describe('engine/simulate on random scenarios', () => {
  it('random small scenarios run 80 days in audit mode with the invariants intact', () => {
    fc.assert(
      fc.property(scenarioArb, (p) => {
        const s = loadScenarioFile(p.preset, {
          overrides: {
            agents: p.agents, days: 80, seed: p.seed, production: { sigma: p.sigma },
            credit: { lambdaDays: p.lambdaDays, defaultDays: p.defaultDays, reentryDays: 20 },
            demurrage: { rate: p.rate }, demand: { freeRide: p.freeRide }, campaign: { windowDays: p.windowDays },
            participation: { piMin: p.piMin, reentryDays: 20 }, genres: { count: p.genres, liked: 1 },
            pc: { maxAgeYears: p.maxAgeYears, hazardFromYears: 0, outDays: 5 },
            ...institutionOverrides(p),
          },
        }).scenario;
        const sink = memorySink();
        simulate(s, sink, { audit: true });
        expect(sink.run.metrics).toHaveLength(80);
        expectCellsWellDefined(sink.run.metrics, s);
      }),
      { numRuns: 40, seed: 20261125 }, // pinned: CI must not depend on the draw; change it to explore
    );
  }, 30_000);

  it('any preset with 1 to 300 agents runs 150 days in audit mode: no invariant breaks, no NaN', () => {
    fc.assert(
      fc.property(wideArb, ({ base: p, agents }) => {
        const s = loadScenarioFile(p.preset, {
          overrides: {
            agents, days: 150, seed: p.seed, calibration: p.calibration, production: { sigma: p.sigma },
            demurrage: { rate: p.rate }, demand: { freeRide: p.freeRide }, participation: { piMin: p.piMin },
            ...institutionOverrides(p),
          },
        }).scenario;
        const sink = memorySink();
        simulate(s, sink, { audit: true });
        expect(sink.run.metrics).toHaveLength(150);
        expectCellsWellDefined(sink.run.metrics, s);
      }),
      { numRuns: 15, seed: 11251 },
    );
  }, 120_000);
});

/** The institution parameters a draw sets (bank.* and market.* have no effect on other presets). */
function institutionOverrides(p: typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never): Record<string, unknown> {
  return {
    bank: { rule: p.bankRule, k: p.bankK, emaDays: p.emaDays, bootstrapDays: p.bootstrapDays },
    market: { m0Days: p.m0Days, wageDays: p.wageDays, markup0: p.markup0, trendDays: p.trendDays },
  };
}
