import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { memorySink, type MemoryRun } from '../../sim/engine/sink.js';
import { World } from '../../sim/engine/world.js';
import { COLUMNS } from '../../sim/metrics/columns.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { column } from '../helpers/metrics.js';

const here = dirname(fileURLToPath(import.meta.url));

function preset(name: 'gift' | 'two-token', overrides: Record<string, unknown>): Scenario {
  return loadScenarioFile(name, { overrides }).scenario;
}

function run(s: Scenario, audit = false): MemoryRun {
  const sink = memorySink();
  simulate(s, sink, { audit });
  return sink.run;
}

/** Rows as plain arrays with NaN as null, so toEqual compares them cell by cell. */
const plain = (rows: Float64Array[]): (number | null)[][] => rows.map((r) => Array.from(r, (v) => (Number.isNaN(v) ? null : v)));

describe('engine/simulate', () => {
  it('the same seed gives identical metrics, agents and flows; another seed differs', () => {
    const s = preset('two-token', { agents: 60, days: 100, seed: 11 });
    const a = run(s);
    const b = run(s);
    expect(plain(b.metrics)).toEqual(plain(a.metrics));
    expect(plain(b.agents)).toEqual(plain(a.agents));
    expect(b.flows).toEqual(a.flows);
    const c = run({ ...s, seed: 12 });
    expect(plain(c.metrics)).not.toEqual(plain(a.metrics));
    expect(column(c.metrics, 'goods_total')).not.toEqual(column(a.metrics, 'goods_total'));
  }, 20_000);

  it('audit mode changes nothing but the checking', () => {
    const s = preset('two-token', { agents: 40, days: 60, seed: 2 });
    expect(plain(run(s, true).metrics)).toEqual(plain(run(s, false).metrics));
  });

  it('gift and two-token start from the same population for the same seed', () => {
    const gift = new World(preset('gift', { agents: 200, seed: 8 }), false);
    const token = new World(preset('two-token', { agents: 200, seed: 8 }), false);
    const other = new World(preset('two-token', { agents: 200, seed: 9 }), false);
    for (const field of ['rmax', 'cpuRich', 'likedGenre', 'm', 'workHours', 'pcAgeDays'] as const) {
      expect(Array.from(gift.agents[field]), field).toEqual(Array.from(token.agents[field]));
    }
    expect(Array.from(other.agents.rmax)).not.toEqual(Array.from(token.agents.rmax));
    expect(gift.baseCh).toBe(token.baseCh);
  });

  it('gift and two-token have the same endowments on day 0', () => {
    const days = { agents: 80, days: 1, seed: 5 };
    const g = run(preset('gift', days)).metrics[0]!;
    const t = run(preset('two-token', days)).metrics[0]!;
    for (const name of ['capacity_ch', 'capacity_mh', 'rmax_mean', 'pcs_dead', 'base_ch_per_good']) {
      const k = COLUMNS.findIndex((c) => c.name === name);
      expect(g[k], name).toBe(t[k]);
    }
  });

  it('the sink gets a metrics row a day, agents rows every agentsEveryDays and at the end, and flow cells', () => {
    const s = preset('two-token', { agents: 30, days: 50, seed: 1, observe: { agentsEveryDays: 20 } });
    const r = run(s);
    expect(r.metrics).toHaveLength(50);
    expect(r.metrics.every((row) => row.length === COLUMNS.length)).toBe(true);
    // Snapshots after days 19, 39 and the last day 49: 3 x 30 rows.
    expect(r.agents).toHaveLength(90);
    // Every flow row of the day sums to zero per currency and kind (double entry).
    const sums = new Map<string, number>();
    for (const f of r.flows) sums.set(`${f.day}/${f.currency}/${f.kind}`, (sums.get(`${f.day}/${f.currency}/${f.kind}`) ?? 0) + f.amountMilli);
    expect([...sums.values()].every((v) => v === 0)).toBe(true);
    // Each cell's net amount is received - paid. Input payments (producer to producer) net to 0 in the
    // producers' column but show their gross amounts; the exchange ends each day empty (net 0).
    expect(r.flows.every((f) => f.amountMilli === f.receivedMilli - f.paidMilli)).toBe(true);
    const input = r.flows.filter((f) => f.kind === 'input');
    expect(input.length).toBeGreaterThan(0);
    // (Hours hired for R&D are paid through the exchange account, which passes them on the same day.)
    expect(input.every((f) => (f.sector === 'producers' || f.sector === 'exchange') && f.amountMilli === 0 && f.paidMilli > 0 && f.paidMilli === f.receivedMilli)).toBe(true);
    expect(r.flows.filter((f) => f.kind === 'exchange' && f.sector === 'exchange').every((f) => f.amountMilli === 0 && f.paidMilli > 0)).toBe(true);
    expect(r.flows.some((f) => f.kind === 'pledge' && f.sector === 'escrow' && f.amountMilli > 0)).toBe(true);
    expect(r.flows.some((f) => f.kind === 'release' && f.sector === 'producers' && f.amountMilli > 0)).toBe(true);
  });
});

// A golden run: pinned numbers that change only when the model's behaviour does. Regenerate with
// UPDATE_GOLDEN=1 after a deliberate change (and say why in the commit).
const GOLDEN = join(here, 'golden', 'two-token-60x120.json');
const GOLDEN_DAYS = [0, 30, 60, 119];
const GOLDEN_COLUMNS = ['goods_total', 'exchange_rate', 'money_mh', 'funded_share'];

interface Golden {
  scenario: { preset: string; agents: number; days: number; seed: number };
  days: number[];
  columns: Record<string, (number | null)[]>;
}

describe('engine/simulate golden run', () => {
  it('two-token, 60 agents, 120 days, seed 3 reproduces its pinned metrics', () => {
    const spec = { preset: 'two-token', agents: 60, days: 120, seed: 3 };
    const rows = run(preset('two-token', { agents: spec.agents, days: spec.days, seed: spec.seed }), true).metrics;
    const now: Golden = {
      scenario: spec,
      days: GOLDEN_DAYS,
      columns: Object.fromEntries(GOLDEN_COLUMNS.map((name) => {
        const values = column(rows, name);
        return [name, GOLDEN_DAYS.map((d) => (Number.isNaN(values[d]!) ? null : values[d]!))];
      })),
    };
    if (!existsSync(GOLDEN)) {
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${GOLDEN} is missing: run with UPDATE_GOLDEN=1 to write it`);
      writeFileSync(GOLDEN, `${JSON.stringify(now, null, 2)}\n`);
    } else if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, `${JSON.stringify(now, null, 2)}\n`);
    }
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
    expect(golden.scenario).toEqual(spec);
    expect(golden.days).toEqual(GOLDEN_DAYS);
    for (const name of GOLDEN_COLUMNS) {
      const pinned = golden.columns[name]!;
      const got = now.columns[name]!;
      expect(pinned, name).toHaveLength(GOLDEN_DAYS.length);
      GOLDEN_DAYS.forEach((day, k) => {
        const p = pinned[k]!;
        const g = got[k]!;
        if (p === null) expect(g, `${name} on day ${day}`).toBeNull();
        else expect(g, `${name} on day ${day}`).toBeCloseTo(p, 9);
      });
    }
    // The pinned run is not trivial: goods, a rate and money exist by the end.
    expect(golden.columns.goods_total!.at(-1)).toBeGreaterThan(0);
    expect(golden.columns.exchange_rate!.at(-1)).not.toBeNull();
    expect(golden.columns.money_mh!.at(-1)).toBeGreaterThan(0);
  });
});
