/**
 * The claims of MODEL.md section 9 as data: each claim is a list of tests, each test one statistic of
 * sim/analysis/statistics.ts, on one preset (the value across seeds) or on a pair (`a - b`, paired by
 * seed), with its predicted side. Nothing here knows an answer: the verdict is computed from the runs
 * (sim/analysis/claims.ts). The sensitivity directions are data too: a key per preset, and the values
 * MODEL.md names.
 */
import type { Predicted } from './predicted.js';
import type { StatisticName } from './statistics.js';

export interface TestDef {
  label: string;
  statistic: StatisticName;
  /** [preset]: the preset's values; [a, b]: the paired differences a - b. */
  presets: readonly [string] | readonly [string, string];
  predicted: Predicted;
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
const atLeast = (bound: number): Predicted => ({ op: '>=', bound });
const within = (half: number): Predicted => ({ op: 'within', lo: -half, hi: half });

const C1_STATS = [
  ['stat_goods_growth', 'goods_total growth'],
  ['stat_copies_per_capita', 'copies_per_capita'],
  ['stat_cost_fall_annual', 'annual fall of cost_index'],
] as const;

export const CLAIMS: readonly ClaimDef[] = [
  {
    id: 'C1', title: 'giving away is unsustainable',
    tests: TOKENS.flatMap((p) => C1_STATS.map(([statistic, what]): TestDef => ({ label: `gift - ${p}: ${what}`, statistic, presets: ['gift', p], predicted: below(0) }))),
  },
  {
    id: 'C2', title: 'the only profit is from efficiency',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `${p}: Spearman(rho, efficiency) across producers`, statistic: 'stat_rho_spearman', presets: [p], predicted: above(0.5) },
      { label: `${p}: rho of the middle efficiency quintile - (1 + mu0)`, statistic: 'stat_rho_mid_gap', presets: [p], predicted: within(0.1) },
    ]),
  },
  {
    id: 'C3', title: 'the economy is driven to efficiency',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `${p} - gift: annual fall of cost_index`, statistic: 'stat_cost_fall_annual', presets: [p, 'gift'], predicted: above(0) },
      { label: `${p} - market: annual fall of cost_index`, statistic: 'stat_cost_fall_annual', presets: [p, 'market'], predicted: atLeast(0) },
    ]),
  },
  {
    id: 'C4', title: 'the Peer Bank tracks capacity',
    tests: [
      { label: `${S3}: mean abs(money / flow_ema - k) / k`, statistic: 'stat_money_gap', presets: [S3], predicted: below(0.2) },
      { label: `${S3}: trend of price_level, %/year`, statistic: 'stat_price_trend_pct', presets: [S3], predicted: within(2) },
      { label: 'market: trend of price_level, %/year', statistic: 'stat_price_trend_pct', presets: ['market'], predicted: below(0) },
    ],
  },
  {
    id: 'C5', title: 'price can approach cost',
    tests: TOKENS.flatMap((p): TestDef[] => [
      { label: `${p}: trend of price_hours_per_good over the run, %/year`, statistic: 'stat_price_hours_trend_pct', presets: [p], predicted: below(0) },
      { label: `${p}: rho_median`, statistic: 'stat_rho_median', presets: [p], predicted: atLeast(1) },
      { label: `${p}: fall of pi_mean`, statistic: 'stat_pi_fall', presets: [p], predicted: atMost(0.05) },
    ]),
  },
];

export interface DirectionDef {
  /** The direction's name in claims.json. */
  name: string;
  /** The swept key that moves this direction for a preset, or undefined when none does. */
  keyFor: (preset: string) => string | undefined;
  /** The values of MODEL.md section 9 away from the defaults; each must have a sensitivity point. */
  values: readonly number[];
}

/** MODEL.md section 9: piMin in {0.5, 0.25}; k (S3) and lambda (S2) in {7, 90}; sigma 1 (0.5 is the default). */
export const DIRECTIONS: readonly DirectionDef[] = [
  { name: 'participation.piMin', keyFor: () => 'participation.piMin', values: [0.5, 0.25] },
  {
    name: 'bank.k (peer-bank) / credit.lambdaDays (two-token)',
    keyFor: (p) => (p === S3 ? 'bank.k' : p === S2 ? 'credit.lambdaDays' : undefined),
    values: [7, 90],
  },
  { name: 'production.sigma', keyFor: () => 'production.sigma', values: [1] },
];

/** Directions that must hold, beside the defaults, for "supported". */
export const DIRECTIONS_NEEDED = 2;
