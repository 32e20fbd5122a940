/**
 * The viability criteria of MODEL.md section 13, measured on one run's metrics: the presets are only
 * worth comparing if each is a working economy. Every criterion is judged after the first 90 days;
 * "every year" means each 365-day year of the run, the first one counted from day 90.
 *
 * Pure: it reads a metrics table (column names + rows, NaN = empty) and returns each criterion with its
 * measured value, so the CLI prints it and tests assert it.
 */
export interface Criterion {
  readonly name: string;
  readonly rule: string;
  readonly measured: string;
  readonly pass: boolean;
  /** False where the criterion does not apply to the preset (e.g. rates in gift). */
  readonly applies: boolean;
}

export interface MetricsLike {
  columns: readonly string[];
  rows: readonly Float64Array[];
}

export const BURN_IN_DAYS = 90;

export function viability(table: MetricsLike, opts: { money: boolean; exchange: boolean }): Criterion[] {
  const col = (name: string): number => {
    const i = table.columns.indexOf(name);
    if (i < 0) throw new Error(`metrics have no column "${name}"`);
    return i;
  };
  const rows = table.rows.filter((r) => r[col('day')]! >= BURN_IN_DAYS);
  const v = (r: Float64Array, name: string): number => r[col(name)]!;
  const out: Criterion[] = [];
  const na = (name: string, rule: string): Criterion => ({ name, rule, measured: 'n/a', pass: true, applies: false });
  const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');

  // 1. An exchange rate on >= 90 % of days, always within [1/100, 100] x e_ref.
  if (opts.exchange) {
    let withRate = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      const e = v(r, 'exchange_rate');
      if (!Number.isFinite(e)) continue;
      withRate++;
      const rel = e / v(r, 'exchange_rate_ref');
      lo = Math.min(lo, rel);
      hi = Math.max(hi, rel);
    }
    const share = rows.length > 0 ? withRate / rows.length : 0;
    out.push({ name: 'exchange rate', rule: 'a rate on >= 90 % of days', measured: `${(100 * share).toFixed(1)} % of days`, pass: share >= 0.9, applies: true });
    out.push({ name: 'rate in range', rule: 'rate / e_ref within [0.01, 100]', measured: withRate > 0 ? `${fmt(lo)}-${fmt(hi)} x e_ref` : 'no rate', pass: withRate > 0 && lo >= 0.01 && hi <= 100, applies: true });
  } else {
    out.push(na('exchange rate', 'a rate on >= 90 % of days'), na('rate in range', 'rate / e_ref within [0.01, 100]'));
  }

  const years = byYear(rows, (r) => v(r, 'day'));
  // 2. Funded share of campaigns in [0.2, 0.98] in every year.
  if (opts.money) {
    const shares = years.map((ys) => {
      let funded = 0;
      let closed = 0;
      for (const r of ys) {
        const f = v(r, 'campaigns_funded');
        const rf = v(r, 'campaigns_refunded');
        if (Number.isFinite(f)) funded += f;
        if (Number.isFinite(f)) closed += f;
        if (Number.isFinite(rf)) closed += rf;
      }
      return closed > 0 ? funded / closed : NaN;
    });
    const [lo, hi] = range(shares);
    out.push({ name: 'funded share', rule: 'in [0.2, 0.98] every year', measured: `${fmt(lo)}-${fmt(hi)}`, pass: shares.every((s) => s >= 0.2 && s <= 0.98), applies: true });
    // 3. rho_median in [0.5, 2] in every year after the first.
    const rhos = years.slice(1).map((ys) => mean(ys.map((r) => v(r, 'rho_median'))));
    const [rlo, rhi] = range(rhos);
    out.push({ name: 'rho median', rule: 'yearly mean in [0.5, 2] after year 1', measured: rhos.length > 0 ? `${fmt(rlo)}-${fmt(rhi)}` : 'run < 2 years', pass: rhos.every((x) => x >= 0.5 && x <= 2), applies: true });
    // 4. Hours traded every day; idle hours below half of all hours.
    let tradeDays = 0;
    let maxIdle = 0;
    for (const r of rows) {
      if (v(r, 'traded_share_ch') > 0 && v(r, 'traded_share_mh') > 0) tradeDays++;
      const idle = (v(r, 'idle_ch') * v(r, 'exchange_rate_ref') + v(r, 'idle_mh')) / (v(r, 'capacity_ch') * v(r, 'exchange_rate_ref') + v(r, 'capacity_mh'));
      const ch = v(r, 'idle_ch') / v(r, 'capacity_ch');
      const mh = v(r, 'idle_mh') / v(r, 'capacity_mh');
      maxIdle = Math.max(maxIdle, Number.isFinite(ch) ? ch : 0, Number.isFinite(mh) ? mh : 0, Number.isFinite(idle) ? idle : 0);
    }
    out.push({ name: 'trade every day', rule: 'CH and MH delivered between agents on every day', measured: `${tradeDays} of ${rows.length} days`, pass: tradeDays === rows.length, applies: true });
    out.push({ name: 'idle hours', rule: 'idle < half of the hours, per input, every day', measured: `max ${fmt(maxIdle)}`, pass: maxIdle < 0.5, applies: true });
  } else {
    out.push(na('funded share', 'in [0.2, 0.98] every year'), na('rho median', 'yearly mean in [0.5, 2] after year 1'));
    out.push(na('trade every day', 'CH and MH delivered between agents on every day'), na('idle hours', 'idle < half of the hours, per input, every day'));
  }
  // 5. Fewer than 20 % of producers out at any time.
  const maxOut = Math.max(0, ...rows.map((r) => v(r, 'dropout_share')));
  out.push({ name: 'producers out', rule: '< 20 % at any time', measured: `max ${fmt(maxOut)}`, pass: maxOut < 0.2, applies: true });
  out.push(demandCapped(table, opts.money));
  out.push({ name: 'money identities', rule: 'exact every day', measured: 'checked daily (the run completed)', pass: true, applies: opts.money });
  return out;
}

/** The most the demand.maxCampaigns guard may bind: below 1 % of the pledging agents' days. */
export const DEMAND_CAPPED_MAX = 0.01;

/**
 * How often the demand.maxCampaigns guard stopped a pledging agent with budget and campaigns left (presets
 * with money): the mean of the daily `demand_capped_share` over the run. 'n/a' on an older metrics.csv
 * without the column (it cannot fail there); a run with no pledging day (per-copy sales) passes.
 */
function demandCapped(table: MetricsLike, money: boolean): Criterion {
  const name = 'demand capped share';
  const rule = 'demand_capped_share < 1 % over the run (mean of the daily shares)';
  const j = table.columns.indexOf('demand_capped_share');
  if (!money) return { name, rule, measured: 'n/a', pass: true, applies: false };
  if (j < 0) return { name, rule, measured: 'n/a (metrics.csv has no demand_capped_share column)', pass: true, applies: false };
  const share = mean(table.rows.map((r) => r[j]!));
  if (!Number.isFinite(share)) return { name, rule, measured: 'no day with pledging agents', pass: true, applies: true };
  return { name, rule, measured: `mean ${(100 * share).toFixed(2)} %`, pass: share < DEMAND_CAPPED_MAX, applies: true };
}

function byYear(rows: readonly Float64Array[], day: (r: Float64Array) => number): Float64Array[][] {
  const years: Float64Array[][] = [];
  for (const r of rows) {
    const y = Math.floor(day(r) / 365);
    (years[y] ??= []).push(r);
  }
  return years.filter((y) => y !== undefined && y.length > 0);
}

function mean(xs: number[]): number {
  const f = xs.filter(Number.isFinite);
  return f.length > 0 ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
}

function range(xs: number[]): [number, number] {
  const f = xs.filter(Number.isFinite);
  return f.length > 0 ? [Math.min(...f), Math.max(...f)] : [NaN, NaN];
}
