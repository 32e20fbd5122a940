import { describe, expect, it } from 'vitest';
import { loadScenario, run, viability, COLUMNS, listPresets } from '../sim/index.js';

describe('sim/index', () => {
  it('loads a preset, runs it in memory and judges its viability through the public verbs', () => {
    const { scenario } = loadScenario('two-token', { overrides: { agents: 80, days: 120, seed: 2 } });
    const r = run(scenario);
    expect(r.table.rows).toHaveLength(120);
    expect(r.table.columns).toEqual(COLUMNS.map((c) => c.name));
    const criteria = viability(r.table, { money: true, exchange: true });
    expect(criteria.find((c) => c.name === 'exchange rate')?.pass).toBe(true);
    expect(listPresets().map((p) => p.name)).toEqual(expect.arrayContaining(['gift', 'two-token']));
  });
});
