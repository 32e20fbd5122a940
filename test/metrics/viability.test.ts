import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../sim/metrics/columns.js';
import { viability } from '../../sim/metrics/viability.js';

const names = COLUMNS.map((c) => c.name);

/** A synthetic run of `days` days; `set(day)` returns the cells of that day. */
function table(days: number, set: (day: number) => Record<string, number | undefined>) {
  const rows = Array.from({ length: days }, (_, day) => {
    const r = new Float64Array(names.length).fill(NaN);
    const cells: Record<string, number | undefined> = {
      day, exchange_rate: 0.8, exchange_rate_ref: 1, campaigns_funded: 8, campaigns_refunded: 2, rho_median: 0.9,
      traded_share_ch: 0.2, traded_share_mh: 0.2, idle_ch: 1, idle_mh: 1, capacity_ch: 100, capacity_mh: 100,
      dropout_share: 0.05, demand_capped_share: 0, ...set(day),
    };
    for (const [k, v] of Object.entries(cells)) if (v !== undefined) r[names.indexOf(k)] = v;
    return r;
  });
  return { columns: names, rows };
}
const get = (cs: ReturnType<typeof viability>, name: string) => cs.find((c) => c.name === name)!;

describe('metrics/viability', () => {
  it('a healthy two-token run passes every criterion', () => {
    const cs = viability(table(800, () => ({})), { money: true, exchange: true });
    expect(cs.filter((c) => !c.pass)).toEqual([]);
    expect(get(cs, 'funded share').measured).toBe('0.800-0.800');
  });

  it('a rate on fewer than 90 % of the days after the burn-in fails', () => {
    // Days 90..799: 710 judged days; no rate on 80 of them = 88.7 %.
    const cs = viability(table(800, (d) => (d >= 720 ? { exchange_rate: NaN } : {})), { money: true, exchange: true });
    expect(get(cs, 'exchange rate').pass).toBe(false);
    expect(get(cs, 'exchange rate').measured).toBe('88.7 % of days');
  });

  it('the burn-in is not judged: no rate in the first 90 days still passes', () => {
    const cs = viability(table(800, (d) => (d < 90 ? { exchange_rate: NaN, dropout_share: 0.5 } : {})), { money: true, exchange: true });
    expect(get(cs, 'exchange rate').pass).toBe(true);
    expect(get(cs, 'producers out').pass).toBe(true);
  });

  it('one year with a funded share above 0.98 fails the campaigns criterion', () => {
    const cs = viability(table(800, (d) => (d >= 365 && d < 730 ? { campaigns_refunded: 0 } : {})), { money: true, exchange: true });
    expect(get(cs, 'funded share').pass).toBe(false);
    expect(get(cs, 'funded share').measured).toBe('0.800-1.000');
  });

  it('rho is judged only after the first year', () => {
    const cs = viability(table(800, (d) => (d < 365 ? { rho_median: 0.1 } : {})), { money: true, exchange: true });
    expect(get(cs, 'rho median').pass).toBe(true);
    const bad = viability(table(800, (d) => (d >= 365 ? { rho_median: 2.5 } : {})), { money: true, exchange: true });
    expect(get(bad, 'rho median').pass).toBe(false);
  });

  it('a day without trade, or with most hours idle, or 20 % out, fails', () => {
    const cs = viability(table(400, (d) => (d === 200 ? { traded_share_mh: 0, idle_ch: 60, dropout_share: 0.2 } : {})), { money: true, exchange: true });
    expect(get(cs, 'trade every day').pass).toBe(false);
    expect(get(cs, 'idle hours').pass).toBe(false);
    expect(get(cs, 'producers out').pass).toBe(false);
  });

  it('in gift only the drop-out criterion applies', () => {
    const cs = viability(table(400, () => ({ exchange_rate: NaN, campaigns_funded: NaN, campaigns_refunded: NaN })), { money: false, exchange: false });
    expect(cs.filter((c) => c.applies).map((c) => c.name)).toEqual(['producers out']);
    expect(cs.every((c) => c.pass)).toBe(true);
  });

  it('demand_capped_share is the mean of the daily shares over the whole run, and fails at 1 %', () => {
    // 1.2 % on the first 400 days, 0 after: a mean of 0.6 % over 800 days passes...
    const ok = viability(table(800, (d) => ({ demand_capped_share: d < 400 ? 0.012 : 0 })), { money: true, exchange: true });
    expect(get(ok, 'demand capped share')).toMatchObject({ pass: true, applies: true, measured: 'mean 0.60 %' });
    // ...and the burn-in counts: 90 days at 12 % are a mean of 1.35 % over 800 days.
    const early = viability(table(800, (d) => ({ demand_capped_share: d < 90 ? 0.12 : 0 })), { money: true, exchange: true });
    expect(get(early, 'demand capped share')).toMatchObject({ pass: false, measured: 'mean 1.35 %' });
    // Either side of 1 %.
    const share = (x: number) => get(viability(table(400, () => ({ demand_capped_share: x })), { money: true, exchange: true }), 'demand capped share').pass;
    expect([share(0.0099), share(0.0101)]).toEqual([true, false]);
  });

  it('days without pledging agents do not count towards the capped share', () => {
    const cs = viability(table(400, (d) => ({ demand_capped_share: d % 2 === 0 ? NaN : 0.005 })), { money: true, exchange: true });
    expect(get(cs, 'demand capped share')).toMatchObject({ pass: true, measured: 'mean 0.50 %' });
  });

  it('an old metrics table without demand_capped_share measures the criterion as n/a and does not fail', () => {
    const t = table(800, () => ({}));
    const j = t.columns.indexOf('demand_capped_share');
    const old = { columns: t.columns.filter((_, i) => i !== j), rows: t.rows.map((r) => r.filter((_, i) => i !== j)) };
    const cs = viability(old, { money: true, exchange: true });
    expect(get(cs, 'demand capped share')).toMatchObject({ measured: 'n/a (metrics.csv has no demand_capped_share column)', pass: true, applies: false });
    expect(cs.filter((c) => !c.pass)).toEqual([]);
  });

  it('the capped share is not a criterion of gift', () => {
    const cs = viability(table(400, () => ({ demand_capped_share: 0.5 })), { money: false, exchange: false });
    expect(get(cs, 'demand capped share')).toMatchObject({ applies: false, pass: true });
  });
});
