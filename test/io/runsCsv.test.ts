import { describe, expect, it } from 'vitest';
import { digestRun } from '../../sim/analysis/runDigest.js';
import { STATISTIC_NAMES } from '../../sim/analysis/statistics.js';
import { parseCsv } from '../../sim/io/csvRecords.js';
import { parseRunsCsv, runLine, runsHeader, SWEEP_METRICS } from '../../sim/io/runsCsv.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { syntheticTable } from '../report/synthetic.js';

const gift = loadScenarioFile('gift').scenario;
const run = { run: 'runs/gift/p001/r002', preset: 'gift', point: 'p001', replicate: 2, seed: 77, params: { 'bank.k': 7, calibration: '2020s' } };
const table = syntheticTable(200, { shift: 0, money: false });
const keys = ['bank.k', 'calibration', 'sale'];

describe('io/runsCsv', () => {
  it('writes run, preset, point, replicate, seed, the swept values, viability, the metrics, then the claim statistics', () => {
    expect(runsHeader(keys)).toEqual(
      ['run', 'preset', 'point', 'replicate', 'seed', ...keys, 'viable', 'viability_failed', ...SWEEP_METRICS, ...STATISTIC_NAMES]);
    const cells = runLine(run, digestRun(table, undefined, gift), keys).split(',');
    expect(cells).toHaveLength(runsHeader(keys).length);
    expect(cells.slice(0, 8)).toEqual(['runs/gift/p001/r002', 'gift', 'p001', '2', '77', '7', '2020s', '']);
    // A run of 200 days: W, the last 365 days, is the whole run.
    const mean = table.rows.reduce((s, r) => s + r[table.columns.indexOf('cost_index')]!, 0) / table.rows.length;
    expect(Number(cells[runsHeader(keys).indexOf('cost_index')])).toBeCloseTo(mean, 5);
    expect(cells[runsHeader(keys).indexOf('stat_rho_spearman')]).toBe(''); // no agents.csv: an empty cell
    expect(cells[runsHeader(keys).indexOf('stat_money_gap_ch')]).toBe(''); // gift has no money
    expect(Number(cells[runsHeader(keys).indexOf('stat_rho_median')])).toBeGreaterThan(0);
    expect(cells).not.toContain('NaN');
  });

  it('names the failed viability criteria', () => {
    // A synthetic table has no hours traded: with money, "trade every day" fails.
    const two = loadScenarioFile('two-token').scenario;
    const cells = runLine(run, digestRun(syntheticTable(200, { shift: 0, money: true }), undefined, two), []).split(',');
    expect(cells[5]).toBe('0');
    expect(cells[6]!.split(';')).toContain('trade every day');
  });

  it('reads back what it writes: places, viability and every metric, stat_ columns left aside', () => {
    const digest = digestRun(table, undefined, gift);
    const text = [runsHeader(keys).join(','), runLine(run, digest, keys)].join('\n') + '\n';
    const { runs, metrics } = parseRunsCsv(parseCsv(text, 'runs.csv'), { presets: ['gift'], points: [{ id: 'p001' }] });
    expect(metrics).toEqual(SWEEP_METRICS);
    expect(runs[0]).toMatchObject({ run: run.run, preset: 'gift', point: 'p001', replicate: 2, viable: digest.viabilityFailed.length === 0, failed: digest.viabilityFailed });
    expect(runs[0]!.values.get('cost_index')).toBeCloseTo(digest.windowMeans['cost_index']!, 5);
    expect(() => parseRunsCsv(parseCsv(text, 'runs.csv'), { presets: ['gif'], points: [{ id: 'p001' }] }))
      .toThrow(/runs.csv line 2: preset "gift" is not in sweep.json; did you mean "gif"\?/);
  });
});
