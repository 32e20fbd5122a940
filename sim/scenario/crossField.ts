/**
 * The scenario's checks between fields (the institutions that go together, genres.liked within
 * genres.count, the hazard within a PC's life, a day's hours, and the engine's exactness bound), as
 * plain functions of a resolved scenario: no zod, no yaml, no Node module. The schema runs them in its
 * superRefine (so `abundance validate` and `run` report them), and the try-it panel's worker
 * (sim/report/tryit/worker.ts) runs the same code on the panel's scenario before a run in the browser.
 */
import { CALIBRATIONS } from '../agents/population.js';

/** A check's finding: the field it names (a path into the scenario) and the message the CLI prints. */
export interface CrossFieldIssue { path: string[]; message: string }

/** The institutions each money option works with (MODEL.md section 4); add a row per new money. */
export const INSTITUTION_COMBOS: Record<string, { inputs: string; pricing: string; preset: string }> = {
  none: { inputs: 'donation', pricing: 'free', preset: 'gift' },
  'fixed-stock': { inputs: 'auction', pricing: 'markup', preset: 'market' },
  'k-percent': { inputs: 'auction', pricing: 'markup', preset: 'market-k' },
  'mutual-credit': { inputs: 'par', pricing: 'benchmark', preset: 'two-token' },
  'merged-credit': { inputs: 'auction', pricing: 'benchmark', preset: './ablations/merged-token.yaml' },
  'peer-bank': { inputs: 'par', pricing: 'benchmark', preset: 'peer-bank' },
};

/** The fields the checks read (a resolved Scenario has them all). */
export interface CrossFieldView {
  agents: number;
  days: number;
  calibration: keyof typeof CALIBRATIONS;
  institutions: { money: string; inputs: string; pricing: string };
  genres: { count: number; liked: number };
  population: { cpuRichRmaxFactor: number; labourRichRmaxFactor: number; labourRichHoursFactor: number };
  work: { hoursPerDay: number };
  pc: { maxAgeYears: number; hazardFromYears: number; onHoursPerDay: number; frontierDoublingYears: number };
  credit: { lambdaDays: number };
  bank: { k: number };
  market: { m0Days: number; wageDays: number };
}

/** Checks that need two fields at once; they run once every field is valid on its own. */
export function crossFieldIssues(s: CrossFieldView): CrossFieldIssue[] {
  const out: CrossFieldIssue[] = [];
  const { money, inputs, pricing } = s.institutions;
  const combo = INSTITUTION_COMBOS[money];
  if (combo && (combo.inputs !== inputs || combo.pricing !== pricing)) {
    const got = [combo.inputs !== inputs ? `inputs "${inputs}"` : '', combo.pricing !== pricing ? `pricing "${pricing}"` : '']
      .filter(Boolean)
      .join(' and ');
    out.push({
      path: ['institutions'],
      message: `money "${money}" needs inputs "${combo.inputs}" and pricing "${combo.pricing}", got ${got} (extends: ${combo.preset} sets all three)`,
    });
  }
  if (s.genres.liked > s.genres.count) {
    out.push({ path: ['genres', 'liked'], message: `expected at most genres.count (${s.genres.count}), got ${s.genres.liked}` });
  }
  if (s.pc.hazardFromYears > s.pc.maxAgeYears) {
    out.push({
      path: ['pc', 'hazardFromYears'],
      message: `expected at most pc.maxAgeYears (${s.pc.maxAgeYears}), got ${s.pc.hazardFromYears}`,
    });
  }
  const hours = s.work.hoursPerDay * Math.max(1, s.population.labourRichHoursFactor);
  if (hours > 24) {
    out.push({
      path: ['population', 'labourRichHoursFactor'],
      message: `expected at most ${+(24 / s.work.hoursPerDay).toPrecision(4)} (work.hoursPerDay ${s.work.hoursPerDay} x this is at most the 24 hours of a day), got ${s.population.labourRichHoursFactor}`,
    });
  }
  const exact = exactnessIssue(s);
  if (exact) out.push(exact);
  return out;
}

/**
 * The largest daily figure the engine keeps exact, in milli-units: 2^50, a 16-fold margin (four
 * doublings of the best PC, 9.3 years at the default 2.32) below 2^53, past which the ledger's
 * integers and the invariants' float sums lose units. Measured at 1,000 agents (calibration source,
 * defaults): each preset broke an invariant on the day its `economyFigure` reached 2^54 (peer-bank, day
 * 20,973), 2^59 (two-token, 25,200), 2^61.8 (market, 27,642) or 2^62.5 (gift, 32,348); two-token at
 * calibration 2020s broke on day 19,259, where the rule predicted 19,530.
 */
export const EXACT_LIMIT = 2 ** 50;

/** Days of the economy's capacity the money of `s` may come to: the stock, or the payroll it turns over. */
function moneyDays(s: CrossFieldView): { days: number; fields: string } {
  switch (s.institutions.money) {
    case 'fixed-stock':
    case 'k-percent':
      return { days: Math.max(1, s.market.m0Days, s.market.m0Days / s.market.wageDays), fields: `market.m0Days ${s.market.m0Days}, market.wageDays ${s.market.wageDays}` };
    case 'mutual-credit':
    case 'merged-credit':
      return { days: Math.max(1, s.credit.lambdaDays), fields: `credit.lambdaDays ${s.credit.lambdaDays}` };
    case 'peer-bank':
      return { days: Math.max(1, s.bank.k), fields: `bank.k ${s.bank.k}` };
    default:
      return { days: 1, fields: 'no money' };
  }
}

/**
 * The economy's hours on `day`, CPU (at the best PC, which doubles every pc.frontierDoublingYears) and
 * work, in milli-units a day, times the days of them its money holds: what must stay below EXACT_LIMIT.
 */
function economyFigure(s: CrossFieldView, day: number): number {
  const rmax = CALIBRATIONS[s.calibration].rmaxMedianGflops * Math.max(s.population.cpuRichRmaxFactor, s.population.labourRichRmaxFactor);
  const ch = rmax * s.pc.onHoursPerDay * 2 ** (day / (365 * s.pc.frontierDoublingYears));
  const mh = s.work.hoursPerDay * Math.max(1, s.population.labourRichHoursFactor);
  return s.agents * 1000 * (ch + mh) * moneyDays(s).days;
}

/** agents x days x Rmax x money days within EXACT_LIMIT; the message names days, or agents if day 0 is already past it. */
export function exactnessIssue(s: CrossFieldView): CrossFieldIssue | undefined {
  if (economyFigure(s, s.days) <= EXACT_LIMIT) return undefined;
  // The last day within the limit: solve economyFigure(s, d) = EXACT_LIMIT for d.
  const rmax = CALIBRATIONS[s.calibration].rmaxMedianGflops * Math.max(s.population.cpuRichRmaxFactor, s.population.labourRichRmaxFactor);
  const perAgentMh = s.work.hoursPerDay * Math.max(1, s.population.labourRichHoursFactor);
  const money = moneyDays(s);
  const chRoom = EXACT_LIMIT / (s.agents * 1000 * money.days) - perAgentMh;
  const chDay0 = rmax * s.pc.onHoursPerDay;
  const maxDays = chRoom > chDay0 ? Math.floor(365 * s.pc.frontierDoublingYears * Math.log2(chRoom / chDay0)) : 0;
  const what = `${s.agents} agents, calibration "${s.calibration}" (Rmax ${CALIBRATIONS[s.calibration].rmaxMedianGflops}) x Rmax factor up to ${Math.max(s.population.cpuRichRmaxFactor, s.population.labourRichRmaxFactor)}, ` +
    `PCs on ${s.pc.onHoursPerDay} h/day, the best PC doubling every ${s.pc.frontierDoublingYears} years, money of ${+money.days.toPrecision(4)} days of capacity (${money.fields})`;
  const why = 'the engine keeps its sums of milli-units exact below 2^50 (docs/model.md, Input bounds)';
  if (maxDays >= 1) return { path: ['days'], message: `expected at most ${maxDays} days for this run (${what}): ${why}, got ${s.days}` };
  const maxAgents = Math.floor(EXACT_LIMIT / (economyFigure(s, 1) / s.agents));
  return {
    path: ['agents'],
    message: `expected at most ${maxAgents} agents for this run (${what}): ${why} even on day 1, got ${s.agents}`,
  };
}
