/**
 * sim/scenario/crossField.ts: the checks between fields, moved out of schema.ts (no zod) so the try-it
 * worker can run them. The moved functions give the issues and messages they gave in schema.ts, and
 * the schema (so `abundance validate`) still reports exactly them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossFieldIssues, exactnessIssue } from '../../sim/scenario/crossField.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { crossFieldIssues as viaSchema, ScenarioSchema } from '../../sim/scenario/schema.js';
import { scenarioError } from './helpers.js';

const WHY = 'the engine keeps its sums of milli-units exact below 2^50 (docs/model.md, Input bounds)';
/** Recorded from schema.ts before the move (two-token, 2000 agents, 36500 days). */
const OVER_BOUND = `expected at most 16800 days for this run (2000 agents, calibration "source" (Rmax 1.25) x Rmax factor up to 2, PCs on 8 h/day, the best PC doubling every 2.32 years, money of 30 days of capacity (credit.lambdaDays 30)): ${WHY}, got 36500`;

const twoToken = resolveScenario({ extends: 'two-token', agents: 60, days: 30, seed: 3 }, 'two-token').scenario;
/** The scenario the schema sees, as parsed data (every field given): the cross-field checks' issues it reports. */
const schemaIssues = (s: unknown) => (ScenarioSchema.safeParse(s).error?.issues ?? []).map((i) => ({ path: i.path, message: i.message }));

describe('scenario/crossField', () => {
  it('a scenario over the exactness bound gets the issue it got from schema.ts, and the schema reports the same', () => {
    const over = { ...twoToken, agents: 2000, days: 36500 };
    const issues = crossFieldIssues(over);
    expect(issues).toEqual([{ path: ['days'], message: OVER_BOUND }]);
    expect(exactnessIssue(over)).toEqual(issues[0]);
    expect(viaSchema).toBe(crossFieldIssues); // schema.ts re-exports the moved function
    expect(schemaIssues(over)).toEqual(issues);
    expect(scenarioError(() => resolveScenario({ extends: 'two-token', agents: 2000, days: 36500 }, 'over.yaml')).message)
      .toContain(`days: ${OVER_BOUND}`);
  });

  it('the bound names agents when day 1 is already past it, and the money of each preset', () => {
    const huge = { ...twoToken, agents: 10_000_000, days: 36500, credit: { ...twoToken.credit, lambdaDays: 3650 },
      population: { ...twoToken.population, cpuRichRmaxFactor: 1000 } };
    expect(crossFieldIssues(huge)).toEqual([{ path: ['agents'], message:
      `expected at most 30784 agents for this run (10000000 agents, calibration "source" (Rmax 1.25) x Rmax factor up to 1000, PCs on 8 h/day, the best PC doubling every 2.32 years, money of 3650 days of capacity (credit.lambdaDays 3650)): ${WHY} even on day 1, got 10000000` }]);
    const market = { ...resolveScenario({ extends: 'market' }, 'm').scenario, agents: 5000, days: 36500 };
    expect(crossFieldIssues(market)).toEqual([{ path: ['days'], message:
      `expected at most 15680 days for this run (5000 agents, calibration "source" (Rmax 1.25) x Rmax factor up to 2, PCs on 8 h/day, the best PC doubling every 2.32 years, money of 30 days of capacity (market.m0Days 30, market.wageDays 30)): ${WHY}, got 36500` }]);
    const peer = { ...resolveScenario({ extends: 'peer-bank' }, 'p').scenario, agents: 2000, days: 36500 };
    expect(crossFieldIssues(peer)[0]?.message).toContain('money of 30 days of capacity (bank.k 30)');
    expect(crossFieldIssues({ ...twoToken, agents: 2000, days: 16800 })).toEqual([]);
    expect(crossFieldIssues({ ...twoToken, agents: 2000, days: 16801 })).toHaveLength(1);
  });

  it('the other checks between fields keep their paths and messages', () => {
    const s = { ...twoToken, institutions: { ...twoToken.institutions, inputs: 'auction' as const },
      genres: { ...twoToken.genres, liked: twoToken.genres.count + 1 }, pc: { ...twoToken.pc, hazardFromYears: twoToken.pc.maxAgeYears + 1 },
      population: { ...twoToken.population, labourRichHoursFactor: 10 } };
    expect(crossFieldIssues(s)).toEqual([
      { path: ['institutions'], message: 'money "mutual-credit" needs inputs "par" and pricing "benchmark", got inputs "auction" (extends: two-token sets all three)' },
      { path: ['genres', 'liked'], message: 'expected at most genres.count (10), got 11' },
      { path: ['pc', 'hazardFromYears'], message: 'expected at most pc.maxAgeYears (5), got 6' },
      { path: ['population', 'labourRichHoursFactor'], message: 'expected at most 3 (work.hoursPerDay 8 x this is at most the 24 hours of a day), got 10' },
    ]);
    expect(schemaIssues(s)).toEqual(crossFieldIssues(s));
    expect(crossFieldIssues(twoToken)).toEqual([]);
  });

  it('the module is plain: no zod, no yaml, no Node module (the try-it worker bundles it)', () => {
    const imports = [...readFileSync('sim/scenario/crossField.ts', 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports).toEqual(['../agents/population.js']);
  });
});
