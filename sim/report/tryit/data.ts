/**
 * What a page's "try it" panel needs, built in Node when the report is written (zod and the presets are
 * used here, never in the page): the fields it offers, described from the scenario schema (fields.ts:
 * bounds, options, unit, meaning), and the resolved scenarios it starts from (the report's own runs,
 * then every preset at the report's size and seed), embedded as JSON.
 */
import { fieldAt, type Bound } from '../../scenario/fields.js';
import { PRESET_NAMES } from '../../scenario/presets.js';
import { resolveScenario } from '../../scenario/resolve.js';
import type { Scenario } from '../../scenario/schema.js';

/** The fields the panel offers, in order: the run's size and seed, then the knobs. */
export const TRYIT_PATHS = ['agents', 'days', 'seed', 'demurrage.rate', 'credit.lambdaDays', 'bank.k', 'bank.rule',
  'pricing.mu0', 'demand.freeRide', 'participation.piMin', 'production.sigma'] as const;

/** The most agents a browser run may have: a run of 2,000 agents and 3 years takes about a minute there. */
export const TRYIT_MAX_AGENTS = 2000;

/** One field of the panel: what the page shows beside it and checks before a run. */
export interface TryField {
  path: string;
  unit: string;
  description: string;
  /** What it accepts, in words (the schema's, or the panel's narrower range). */
  expected: string;
  integer: boolean;
  options?: readonly string[];
  min?: Bound;
  max?: Bound;
}

/** A scenario the panel can start from. */
export interface TryScenario { label: string; scenario: Scenario }

/** Where a report's panel starts: its own runs' scenarios, and the size and seed to give the presets. */
export interface TryitStart {
  scenarios: TryScenario[];
  size?: { agents: number; days: number; seed: number };
}

export interface TryitData { fields: TryField[]; scenarios: TryScenario[] }

export function tryitFields(): TryField[] {
  return TRYIT_PATHS.map((path) => {
    const f = fieldAt(path);
    if (f === undefined) throw new Error(`try it: the scenario has no field ${path}`);
    const field: TryField = {
      path, unit: f.unit, description: f.description, expected: f.expected, integer: f.integer,
      ...(f.options === undefined ? {} : { options: f.options }),
      ...(f.min === undefined ? {} : { min: f.min }),
      ...(f.max === undefined ? {} : { max: f.max }),
    };
    if (path === 'agents' && (f.max === undefined || f.max.value > TRYIT_MAX_AGENTS)) {
      field.max = { value: TRYIT_MAX_AGENTS, inclusive: true };
      field.expected = `an integer from ${f.min?.value ?? 1} to ${TRYIT_MAX_AGENTS} in the browser (the command line allows ${f.max?.value ?? 'more'})`;
    }
    return field;
  });
}

/** The panel's data: the fields, the report's scenarios, then each preset that resolves at the report's size. */
export function tryitData(start: TryitStart = { scenarios: [] }): TryitData {
  const size = start.size ?? (start.scenarios[0] === undefined ? undefined
    : { agents: start.scenarios[0].scenario.agents, days: start.scenarios[0].scenario.days, seed: start.scenarios[0].scenario.seed });
  const presets = PRESET_NAMES.flatMap((p): TryScenario[] => {
    try {
      return [{ label: `preset ${p}`, scenario: resolveScenario({ extends: p }, p, size === undefined ? {} : { overrides: { ...size } }).scenario }];
    } catch {
      return []; // a preset that this size breaks (the engine's exactness bound) is not offered
    }
  });
  return { fields: tryitFields(), scenarios: [...start.scenarios, ...presets] };
}
