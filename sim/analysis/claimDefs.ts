/**
 * The claims of MODEL.md section 9 (v4) as data: each claim is a list of tests, each test one statistic
 * of sim/analysis/statistics.ts, on one preset (the values across seeds) or on a pair (`a - b`, paired
 * by seed), with its predicted side. Nothing here knows an answer: the verdict is computed from the runs
 * (sim/analysis/claims.ts). The sensitivity directions and the viability rule are data too.
 */
import type { Predicted } from './predicted.js';
import type { StatisticName } from './statistics.js';

export interface TestDef {
  label: string;
  statistic: StatisticName;
  /** [preset]: the preset's values; [a, b]: the paired differences a - b. */
  presets: readonly [string] | readonly [string, string];
  predicted: Predicted;
  /**
   * A point of its own: the sensitivity point of the judged point where `key` = `value`, instead of the
   * judged point itself (C5's pi_fall at piMin 0.5). Such a test belongs to the defaults' tests and
   * moves with no direction (the sweep varies one key at a time).
   */
  at?: { key: string; value: number };
}

export interface ClaimDef {
  id: string;
  title: string;
  tests: readonly TestDef[];
}

const S2 = 'two-token';
const S3 = 'peer-bank';
const TOKENS = [S2, S3] as const;
const below = (bound: number): Predicted => ({ op: '<', bound });
const atMost = (bound: number): Predicted => ({ op: '<=', bound });
const above = (bound: number): Predicted => ({ op: '>', bound });
const within = (lo: number, hi: number): Predicted => ({ op: 'within', lo, hi });

/** C3's non-inferiority margin: 10 % of the calibrated 0.146 log points a year of `market`. */
export const NON_INFERIORITY_MARGIN = -0.015;
/** C4's bound on the money gap: money within a factor 1.2 of k days of flow. */
export const MONEY_GAP_BOUND = Math.log(1.2);
/** The point of C5's participation test. */
export const PI_FALL_POINT = { key: 'participation.piMin', value: 0.5 } as const;

/**
 * The statistics whose tests use every run, viable or not (MODEL.md section 9): their failure is the
 * question (a return ratio far from 1, producers leaving, sales drifting away). Every other test uses
 * only the seeds where each run it pairs is viable.
 */
export const ALL_RUNS_STATISTICS: ReadonlySet<StatisticName> = new Set(['stat_rho_median', 'stat_out_max', 'stat_sales_trend']);

export const CLAIMS: readonly ClaimDef[] = [
  {
    id: 'C1', title: 'giving away is unsustainable',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `gift - ${p}: goods per head`, statistic: 'stat_goods_per_head', presets: ['gift', p], predicted: below(0) },
      { label: `gift - ${p}: mean log cost_index over P`, statistic: 'stat_cost_mean_log', presets: ['gift', p], predicted: above(0) },
    ]),
  },
  {
    id: 'C2', title: 'the only profit is from efficiency',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `${p}: Spearman(rho, efficiency) across producers`, statistic: 'stat_rho_spearman', presets: [p], predicted: above(0.5) },
      { label: `${p}: rho of the middle efficiency quintile - 1`, statistic: 'stat_rho_mid_gap', presets: [p], predicted: within(-0.1, 0.1) },
    ]),
  },
  {
    id: 'C3', title: 'the economy is driven to efficiency',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `${p} - gift: fall rate of cost_index over P`, statistic: 'stat_cost_fall_rate', presets: [p, 'gift'], predicted: above(0) },
      { label: `${p} - market: fall rate of cost_index over P (non-inferiority)`, statistic: 'stat_cost_fall_rate', presets: [p, 'market'], predicted: above(NON_INFERIORITY_MARGIN) },
    ]),
  },
  {
    id: 'C4', title: 'the Peer Bank tracks capacity',
    tests: [
      { label: `${S3}: abs(ln(money_ch / (k x flow_ema_ch))), below ln 1.2`, statistic: 'stat_money_gap_ch', presets: [S3], predicted: below(MONEY_GAP_BOUND) },
      { label: `${S3}: abs(ln(money_mh / (k x flow_ema_mh))), below ln 1.2`, statistic: 'stat_money_gap_mh', presets: [S3], predicted: below(MONEY_GAP_BOUND) },
      { label: `${S3}: trend of funded_share, %/year`, statistic: 'stat_sales_trend', presets: [S3], predicted: within(-2, 2) },
      { label: 'market: trend of the currency price of a good, %/year', statistic: 'stat_goods_price_trend', presets: ['market'], predicted: below(0) },
    ],
  },
  {
    id: 'C5', title: 'price can approach cost',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `${p} - market: markup`, statistic: 'stat_markup', presets: [p, 'market'], predicted: below(0) },
      { label: `${p}: change of the markup since days 90-454`, statistic: 'stat_markup_change', presets: [p], predicted: below(0) },
      { label: `${p}: rho_median, within 0.1 of 1`, statistic: 'stat_rho_median', presets: [p], predicted: within(0.9, 1.1) },
      { label: `${p}: largest drop-out share`, statistic: 'stat_out_max', presets: [p], predicted: below(0.2) },
      { label: `${p} at piMin 0.5: fall of pi_mean`, statistic: 'stat_pi_fall', presets: [p], predicted: atMost(0.05), at: PI_FALL_POINT },
    ]),
  },
];

export interface DirectionDef {
  /** The direction's name in claims.json. */
  name: string;
  /** The swept key that moves this direction for a preset, or undefined when none does. */
  keyFor: (preset: string) => string | undefined;
  /**
   * The values MODEL.md fixes (sigma 1); undefined: every value of the key at a sensitivity point of the
   * judged point in the sweep, as the viability scan wrote them into the sweep file.
   */
  values?: readonly number[];
  /**
   * A value the sweep always holds for another test (C5's piMin 0.5), which is this direction's value
   * only when the scan chose it (then it is the key's only value): MODEL.md section 9 names one piMin,
   * "the lowest of 0.75, 0.5, 0.25 that passes (plus 0.5 for C5's participation test, always run)".
   */
  besides?: number;
}

/** MODEL.md section 9: piMin, the quantity of money (bank.k for S3, credit.lambdaDays for S2), sigma 1. */
export const DIRECTIONS: readonly DirectionDef[] = [
  { name: 'participation.piMin', keyFor: () => 'participation.piMin', besides: PI_FALL_POINT.value },
  { name: 'quantity of money: bank.k (peer-bank) / credit.lambdaDays (two-token)', keyFor: (p) => (p === S3 ? 'bank.k' : p === S2 ? 'credit.lambdaDays' : undefined) },
  { name: 'production.sigma', keyFor: () => 'production.sigma', values: [1] },
];

/** Directions that must hold, beside the defaults, for "supported". */
export const DIRECTIONS_NEEDED = 2;
/** A point is judged when at least this share of the runs of each preset its tests name are viable. */
export const VIABLE_SHARE_NEEDED = 0.9;
