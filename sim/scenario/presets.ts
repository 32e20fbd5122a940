/**
 * Presets: named combinations of institutions (MODEL.md section 4), each a small diff on the defaults.
 *
 * A scenario file is a preset plus overrides (`extends: gift`); a file without `extends` builds on
 * `two-token`, the schema's defaults. Pure data, no node imports: the browser build uses it too.
 */
import type { ScenarioInput } from './schema.js';

interface Preset {
  description: string;
  overrides: ScenarioInput;
}

const PRESETS: Record<string, Preset> = {
  gift: {
    description: 'S0: no money; surplus hours are donated to producers who lack them; goods are released free',
    overrides: { name: 'gift', institutions: { money: 'none', inputs: 'donation', pricing: 'free' } },
  },
  market: {
    description: 'S1a: one currency, a fixed stock M0; input markets clear a wage and a CH price; goods cost plus an adaptive markup',
    overrides: { name: 'market', institutions: { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' } },
  },
  'market-k': {
    description: "S1b: as market, but the stock grows at the trend rate of real output (Friedman's k-percent rule), paid as an equal dividend",
    overrides: { name: 'market-k', institutions: { money: 'k-percent', inputs: 'auction', pricing: 'markup' } },
  },
  'two-token': {
    description: 'S2: CH and MH tokens as mutual credit; inputs at par; benchmark cost pricing and pledge campaigns',
    overrides: { name: 'two-token', institutions: { money: 'mutual-credit', inputs: 'par', pricing: 'benchmark' } },
  },
  'peer-bank': {
    description: 'S3: CH and MH tokens with positive balances; the Peer Bank issues new tokens in step with the delivered flow; demurrage burned',
    overrides: { name: 'peer-bank', institutions: { money: 'peer-bank', inputs: 'par', pricing: 'benchmark' } },
  },
};

/** The preset a file without `extends` builds on. */
export const DEFAULT_PRESET = 'two-token';

/** The presets there are, in the order of MODEL.md. */
export const PRESET_NAMES: readonly string[] = Object.freeze(Object.keys(PRESETS));

/** Presets of MODEL.md that are not available yet (so a message can say so instead of "unknown"). */
export const PLANNED_PRESETS: readonly string[] = Object.freeze([]);

/** The fields a preset sets (a fresh copy), or undefined for an unknown name. */
export function presetOverrides(name: string): ScenarioInput | undefined {
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  return preset ? structuredClone(preset.overrides) : undefined;
}

/** Every preset with a one-line description, for `abundance presets` and the docs. */
export function listPresets(): { name: string; description: string }[] {
  return Object.entries(PRESETS).map(([name, p]) => ({ name, description: p.description }));
}
