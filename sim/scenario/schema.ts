/**
 * The scenario schema: every parameter of a run, with its default, unit and one line of meaning.
 *
 * This file is the single source (as in vega-lite: types -> schema -> docs): the validator, the
 * generated `scenarios/scenario.schema.json` and `docs/scenarios.md` all come from it. Defaults are
 * those of MODEL.md section 12; every constant there marked (assumption) is a field here, so it can be
 * swept. Field names that are a contract (MODEL.md section 11) must never be renamed.
 *
 * Units go in `meta({ unit })`; descriptions are one line each.
 */
import { z } from 'zod';
import { MAX_NAME_LENGTH, folderNameProblem } from './names.js';
import { PRIOR_YEARS, RND_MAX_GAIN, RND_ZETA } from './calibrated.js';
import { crossFieldIssues } from './crossField.js';

// The checks between fields live in crossField.ts (no zod: the try-it panel's worker runs them too).
export { crossFieldIssues, EXACT_LIMIT, INSTITUTION_COMBOS } from './crossField.js';

interface Bounds { min?: number; max?: number; gt?: number }

// Bounds of the numeric fields (docs/model.md, "Input bounds"). Measured by running every preset with
// each field at 1e300, 1e15, 1e6 and 3650 (20 and 100 agents, 60 and 200 days): a field whose extreme
// values broke the engine gets the bound named beside it; the rest get a generous cap that keeps their
// milli-unit figures exact. What depends on several fields at once (agents, days, Rmax, money days) is
// the cross-field check `exactnessIssue` (crossField.ts).
/** The longest span a run can have (100 years; `exactnessIssue` allows less): day counts past it act as never. */
const MAX_SPAN_DAYS = 36_500;
/** Money and window spans in days: ten years. Money fields scale the stock (checked by exactnessIssue). */
const MAX_MONEY_DAYS = 3650;
/** Ages and horizons in years: the longest run is 100 years. */
const MAX_YEARS = 100;
/** Hours (MH, CH) of one good or one PC: a million hours, 1e9 milli-units, far inside 2^53. */
const MAX_GOOD_HOURS = 1e6;
/** market.wageDays: 1e-300 made the wage Infinity on day 1; 1e-6 ran (market, market-k, 100 agents,
 * 200 days). 0.001 (the stock paid out every 1.4 minutes) leaves a margin; exactnessIssue checks M0 / this. */
const WAGE_DAYS_MIN = 0.001;
/** bank.contractionRate per year: 1e4 burned more than a balance held on day 51 (20 agents, 60 days);
 * 5000 ran there, 3000 ran at 300 agents over 400 days; 1000 leaves a threefold margin. */
const CONTRACTION_MAX = 1000;
const bounded = (n: z.ZodNumber, b: Bounds): z.ZodNumber => {
  let s = n;
  if (b.gt !== undefined) s = s.gt(b.gt);
  if (b.min !== undefined) s = s.min(b.min);
  if (b.max !== undefined) s = s.max(b.max);
  return s;
};
const num = (def: number, unit: string, text: string, b: Bounds = {}) =>
  bounded(z.number(), b).default(def).describe(text).meta({ unit });
const int = (def: number, unit: string, text: string, b: Bounds = {}) =>
  bounded(z.number().int(), b).default(def).describe(text).meta({ unit });
const share = (def: number, text: string) => z.number().min(0).max(1).default(def).describe(text).meta({ unit: 'share' });
// A group of fields, every one with a default, so the group itself defaults to {} (prefault: parsed).
const group = <T extends z.ZodRawShape>(text: string, shape: T) =>
  z.strictObject(shape).prefault({} as z.input<z.ZodObject<T>>).describe(text);

/** Which institution the economy uses for each role (MODEL.md section 4); presets are combinations. */
export const Institutions = group('Institutions: one option per role; the presets are named combinations', {
  money: z
    .enum(['none', 'fixed-stock', 'k-percent', 'mutual-credit', 'merged-credit', 'peer-bank'])
    .default('mutual-credit')
    .describe('How money exists: none (gift); one currency, a fixed stock (market) or one growing with real output (market-k); CH and MH tokens as mutual credit (two-token), one merged token as mutual credit (ablation), or tokens issued by the Peer Bank (peer-bank)')
    .meta({ unit: 'option' }),
  inputs: z
    .enum(['donation', 'auction', 'par'])
    .default('par')
    .describe('How hours move between agents: donations (gift), input markets in one currency at a cleared wage and CH price (market), or par markets paid in tokens')
    .meta({ unit: 'option' }),
  pricing: z
    .enum(['free', 'markup', 'benchmark'])
    .default('benchmark')
    .describe('How goods are priced: released free on completion, cost plus an adaptive markup, or benchmark cost pricing; priced goods are sold by campaigns')
    .meta({ unit: 'option' }),
});

export const ScenarioSchema = z
  .strictObject({
    // It names the run's folder (runs/<name>-s<seed>), so it is checked as a folder name (names.ts).
    name: z
      .string()
      .min(1)
      .max(MAX_NAME_LENGTH)
      .superRefine((name, ctx) => {
        if (name.length < 1 || name.length > MAX_NAME_LENGTH) return; // said by min/max, with the field's words
        const problem = folderNameProblem(name);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default('two-token')
      .describe(`A label for the run, shown in reports and naming its folder: at most ${MAX_NAME_LENGTH} printable characters, no / or \\, not . or ..`)
      .meta({ unit: 'text' }),
    agents: int(1000, 'agents', 'How many agents (people with a PC) the economy has', { min: 1, max: 10_000_000 }),
    // 100 years; the real limit is exactnessIssue's (every preset broke an invariant after 57-89 years at
    // 1,000 agents, when the best PC's CPU-hours outgrew what the engine's sums keep exact).
    days: int(3650, 'days', 'How many days (ticks) a run lasts; the most a run allows depends on its size and money (1,000 agents at the defaults: 48 years, gift 60; docs/model.md, Input bounds)', { min: 1, max: MAX_SPAN_DAYS }),
    seed: int(1, 'seed', 'Seed of every random stream of the run', { min: 0, max: 2 ** 32 - 1 }),
    // A literal list, not z.enum: an enum object puts the numeric-looking '2009' first, and the
    // messages and docs should list the options in this order.
    calibration: z
      .literal(['source', '2009', '2020s'])
      .default('source')
      .describe('Rmax calibration: the talk page (1.25 GFLOPS), a 2008 quad-core (40), a 2020s desktop (130)')
      .meta({ unit: 'option' }),
    institutions: Institutions,
    sale: z
      .enum(['pledge', 'per-copy'])
      .default('pledge')
      .describe('How priced goods are sold: threshold pledge campaigns (open goods), or per copy (closed goods, each copy paying (1 + mu) x cost / Nhat)')
      .meta({ unit: 'option' }),
    perCopy: group('Per-copy sales (sale: per-copy)', {
      beta: share(0.2, 'Weight of each good in Nhat, the EMA of copies per good'),
    }),
    genres: group('Genres of digital goods', {
      count: int(10, 'genres', 'Number of genres K', { min: 1, max: 255 }),
      liked: int(3, 'genres', 'Liked genres per agent (it produces and consumes in them)', { min: 1, max: 255 }),
    }),
    goods: group('The base recipe of a good', {
      baseMh: num(39, 'MH', 'Man-hours per good in the base recipe', { gt: 0, max: MAX_GOOD_HOURS }),
      computeDays: num(5, 'days', 'CH per good, as days of the installed PCs\' typical (geometric mean) output', { gt: 0, max: MAX_SPAN_DAYS }),
    }),
    population: group('Endowment types (the key `agents` is the count, so types live here)', {
      cpuRichShare: share(0.5, 'Share of CPU-rich agents (the rest are labour-rich)'),
      // Rmax factors: 1e12 broke an invariant on day 0 in every preset (CPU-hours past 2^53 milli-units);
      // 1000 keeps one agent's day exact, and exactnessIssue checks the whole economy.
      cpuRichRmaxFactor: num(2, 'x', 'Rmax factor of a CPU-rich agent', { gt: 0, max: 1000 }),
      labourRichRmaxFactor: num(0.5, 'x', 'Rmax factor of a labour-rich agent', { gt: 0, max: 1000 }),
      // A day has 24 hours: hoursPerDay x this is checked against them (1e12 broke market on day 0).
      labourRichHoursFactor: num(1.5, 'x', 'Work-hours factor of a labour-rich agent (work.hoursPerDay x this is at most 24)', { min: 0, max: 24 }),
      techSigmaLog: num(0.3, 'log', 'Sigma of the lognormal per-agent-and-genre recipe multiplier m', { min: 0, max: 3 }),
    }),
    work: group('Daily work budget', {
      hoursPerDay: num(8, 'MH/day', 'Work hours per day of an agent (before type factor)', { min: 0, max: 24 }),
      upkeepMh: num(0.2, 'MH/day', 'Man-hours a day to maintain a working PC', { min: 0, max: 24 }),
    }),
    pc: group('PCs: rating, ageing, death and replacement', {
      onHoursPerDay: num(8, 'h/day', 'Hours a day a PC is on', { min: 0, max: 24 }),
      priceMh: num(40, 'MH', 'Own work an agent puts into a replacement PC', { min: 0, max: MAX_GOOD_HOURS }),
      maxAgeYears: num(5, 'years', 'Age at which a PC dies for sure', { gt: 0, max: MAX_YEARS }),
      hazardFromYears: num(3, 'years', 'Age from which a PC may die at random', { min: 0, max: MAX_YEARS }),
      hazardMeanYears: num(4, 'years', 'Mean life after hazardFromYears: daily hazard 1/(this x 365)', { gt: 0, max: MAX_YEARS }),
      // Ages are whole days in an Int32Array: 1e300 years wrapped silently; 100 years is far inside.
      initialAgeMaxYears: num(3, 'years', 'Initial PC ages are uniform in [0, this)', { min: 0, max: MAX_YEARS }),
      // 1e-300 made the frontier Infinity on day 1 (every preset); the least value a run of its days
      // allows is exactnessIssue's (a fast doubling outgrows exact sums sooner).
      frontierDoublingYears: num(2.32, 'years', 'Doubling time of the best PC money can buy (FLOP/s per dollar)', { gt: 0, max: MAX_YEARS }),
      outDays: int(90, 'days', 'A dead PC not replaced within this many days makes its owner drop out', { min: 1, max: MAX_SPAN_DAYS }),
    }),
    campaign: group('Threshold-pledge campaigns (Street Performer Protocol)', {
      windowDays: int(14, 'days', 'Pledge window of a campaign', { min: 1, max: 3650 }),
    }),
    pricing: group('Benchmark cost pricing', {
      mu0: num(0.05, 'share', 'Margin over the benchmark (median) cost', { min: 0, max: 10 }),
      medianEveryDays: int(7, 'days', 'How often the genre cost medians behind prices are recomputed', { min: 1, max: MAX_SPAN_DAYS }),
    }),
    demand: group('Pledge budgets', {
      incomeShare: num(0.9, 'share', 'Share of the value of its last 30 days of work an agent pledges a day', { min: 0, max: 10 }),
      balanceShare: share(0.05, 'Share of positive balances added to the daily pledge budget'),
      freeRide: share(0.2, 'Probability of skipping a campaign (the good is released to all anyway)'),
      // A guard, not a rule (MODEL.md v4 section 5): demand is limited by the budget; demand_capped_share
      // reports the agent-days on which this count stopped an agent with budget left.
      maxCampaigns: int(1000, 'campaigns', 'Guard against runaway loops: most open campaigns an agent visits a day (its budget, not this, limits demand)', { min: 1, max: 1e6 }),
      windowDays: int(30, 'days', 'Window of the work value behind the budget', { min: 1, max: 365 }),
    }),
    consumption: group('Downloads of released goods', {
      attention: int(3, 'goods/day', 'New released goods an agent takes a day', { min: 0, max: 1000 }),
      replicationCh: num(0.01, 'CH', 'CPU-hours to replicate one copy', { min: 0, max: MAX_GOOD_HOURS }),
    }),
    production: group('The production function', {
      sigma: num(0.5, 'elasticity', 'CES elasticity of substitution between CH and MH (0 = Leontief)', { min: 0, max: 10 }),
    }),
    learning: group("Learning by doing (Wright's law on the genre's cumulative output)", {
      b: num(0.322, 'exponent', 'Learning exponent: cost x 2^-b per doubling of output (0.322 = -20 %)', { min: 0, max: 2 }),
      priorYears: num(PRIOR_YEARS, 'years', "The world's prior experience X0 per genre, in years of the genre's output at the start (calibrated: docs/model.md)", { gt: 0, max: 1000 }),
      priorGoods: z
        // A count of goods added to the genre's output each day: 1e12 keeps X0 + X exact in a float.
        .union([z.literal('auto'), z.number().gt(0).max(1e12)])
        .default('auto')
        .describe("X0 per genre in goods, overriding priorYears; auto = priorYears x the genre's yearly output at the start")
        .meta({ unit: 'goods' }),
      floor: num(0.05, 'share', 'M, the incompressible share of cost: cost factor = M + (1 - M) x technique x learning (DeJong)', { min: 0, max: 1 }),
    }),
    rnd: group('Process R&D from own hours', {
      share: share(0.05, 'Share of own hours reserved for R&D'),
      zeta: num(RND_ZETA, '1/good', 'Success hazard per good\'s worth of R&D inputs (calibrated: docs/model.md)', { min: 0, max: 1e6 }),
      maxGain: share(RND_MAX_GAIN, 'A success multiplies the technique factor by 1 - U(0, this) (calibrated: docs/model.md)'),
      beta: num(1, 'exponent', 'Ideas get harder to find: the success hazard is zeta x effort x T^beta, T the technique factor (Jones 1995; Bloom et al. 2020 measure beta from about 0.2 to 3); 0 = a constant hazard', { min: 0, max: 10 }),
      imitate: z.enum(['median', 'best', 'none']).default('median')
        .describe('On an R&D success, also adopt this technique of the genre if it is lower: its median (laggards learn from open goods), its best, or none')
        .meta({ unit: 'option' }),
    }),
    invest: group('Investment with money (the talk page\'s reinvestment; presets with money)', {
      reinvestShare: share(1, 'Share of its profit ((rho - 1) x its daily work value) a producer with rho > 1 spends on hiring hours for R&D'),
      hireShare: share(0.25, 'Share of its remaining own hours a producer with rho < 1 offers for hire (0 turns hiring off)'),
      upgradePaybackDays: num(365, 'days', 'Upgrade a working PC to the frontier early when its extra goods repay pc.priceMh within this many days (0: never)', { min: 0, max: MAX_SPAN_DAYS }),
    }),
    credit: group('Mutual credit (two-token)', {
      // Money days (with bank.k, market.m0Days): they scale balances, so exactnessIssue checks them with agents and days.
      lambdaDays: num(30, 'days', 'Credit limit as days of potential capacity, per token', { min: 0, max: MAX_MONEY_DAYS }),
      defaultShare: share(0.95, 'Debt at this share of the limit or more counts toward default'),
      defaultDays: int(90, 'days', 'Days at the limit before a default', { min: 1, max: MAX_SPAN_DAYS }),
      reentryDays: int(180, 'days', 'Days after a default before re-entry', { min: 0, max: MAX_SPAN_DAYS }),
      reentryLimitShare: share(0.5, 'Share of its former limit a defaulter gets on re-entry'),
    }),
    demurrage: group('Holding fee on agents\' balances', {
      rate: num(0.06, '1/year', 'Demurrage rate per year (Chiemgauer 6 %, Gesell 5 %, Woergl 12 %)', { min: 0, max: 1 }),
      allowanceDays: num(7, 'days', 'Balance exempt from demurrage, as days of potential capacity', { min: 0, max: MAX_MONEY_DAYS }),
    }),
    bank: group('Peer Bank (peer-bank preset; kept with no effect elsewhere)', {
      rule: z.enum(['target', 'peak', 'capacity']).default('target').describe('Issuance rule').meta({ unit: 'option' }),
      // 1e12 broke double-entry on day 30 (the target past exact sums); exactnessIssue checks k with agents and days.
      k: num(30, 'days', 'Money target as days of flow', { gt: 0, max: MAX_MONEY_DAYS }),
      // The bank keeps each agent's deliveries over this span (3 tokens x 4 bytes a day each): 1e12 gave
      // "Invalid typed array length"; 3650 is 44 kB per agent, which the run's memory estimate counts.
      emaDays: num(28, 'days', 'Span W of the flow EMA', { min: 1, max: MAX_MONEY_DAYS }),
      bootstrapDays: int(30, 'days', 'Days in which the bank pays for every delivered input', { min: 0, max: MAX_SPAN_DAYS }),
      contractionRate: num(0.5, '1/year', 'Extra demurrage per unit of excess money share', { min: 0, max: CONTRACTION_MAX }),
    }),
    market: group('One-currency markets (market, market-k; kept with no effect elsewhere)', {
      // 1e12 broke day 0 (M0 past 2^53 milli-units); exactnessIssue checks it with agents and days.
      m0Days: num(30, 'days', 'Money stock M0: days of aggregate capacity valued at 1 per hour, given in equal shares on day 0', { gt: 0, max: MAX_MONEY_DAYS }),
      // 1e-300 made the wage Infinity on day 1, 1e300 on day 3; the payroll, M0 / this a day, is in exactnessIssue.
      wageDays: num(30, 'days', 'k_w: the money wage is M / (k_w x yesterday\'s hours used in production)', { min: WAGE_DAYS_MIN, max: MAX_MONEY_DAYS }),
      markup0: num(0.2, 'share', 'Starting markup of every producer', { min: 0, max: 10 }),
      markupStep: num(0.05, 'share', 'Markups move by U(0, this) after each campaign closes', { min: 0, max: 1 }),
      trendDays: int(365, 'days', 'market-k: window over which the trend growth of real output is measured', { min: 30, max: 3650 }),
    }),
    loans: group('Peer loans in either token (presets with money): idle balances lent to producers who invest', {
      interestRate: num(0, '1/year', 'Simple interest of peer loans over their term', { min: 0, max: 1 }),
      termDays: int(365, 'days', 'Term: a loan is repaid in equal daily instalments and is overdue (a default) if not repaid by then', { min: 1, max: 3650 }),
      lendShare: share(0.5, 'Share of its idle balance (above its working balance) an agent offers to lend each day (0 turns loans off)'),
      incomeShare: share(0.25, 'Most a borrower may owe: this share of a term of its average daily work value'),
      rndDays: int(30, 'days', 'A producer short of means for its R&D budget borrows this many days of it', { min: 0, max: MAX_MONEY_DAYS }),
    }),
    participation: group('Participation and drop-out', {
      piMin: share(1, 'Lowest participation share (1 = fixed participation, the default)'),
      gain: num(0.05, 'per week', 'Weekly change of pi per unit of (rho - 1)', { min: 0, max: 1e6 }),
      rhoWindowDays: int(90, 'days', 'Window of the return ratio rho', { min: 1, max: 3650 }),
      reentryDays: int(180, 'days', 'Days out before a dropped agent with a working PC re-enters', { min: 0, max: MAX_SPAN_DAYS }),
    }),
    gift: group('Donations (gift preset)', {
      giveProbability: share(0.1, 'Daily probability that an agent gives its surplus hours away'),
    }),
    observe: group('What a run records', {
      agentsEveryDays: int(365, 'days', 'agents.csv gets a row per agent every this many days and at the end', { min: 1, max: MAX_SPAN_DAYS }),
    }),
  })
  .superRefine((s, ctx) => {
    for (const issue of crossFieldIssues(s)) ctx.addIssue({ code: 'custom', ...issue, params: { crossField: true } });
  })
  .describe('One run of the abundance economy');

/** A fully resolved scenario: every field present. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** What a file may say: every field optional. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
