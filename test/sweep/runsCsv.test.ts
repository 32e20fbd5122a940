import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { runLine, runsHeader } from '../../sim/sweep/runsCsv.js';
import type { RunColumnProvider } from '../../sim/sweep/runColumns.js';
import { syntheticTable } from '../report/synthetic.js';

const scenario = loadScenarioFile('gift').scenario;
const run = { run: 'runs/gift/p001/r002', preset: 'gift', point: 'p001', replicate: 2, seed: 77, params: { 'bank.k': 7, calibration: '2020s' } };
const table = syntheticTable(200, { shift: 0, money: false });

describe('sweep/runsCsv', () => {
  it('writes run, preset, point, replicate, seed, the swept values, viability, then the metrics', () => {
    expect(runsHeader(['bank.k', 'calibration', 'sale'], ['goods_total', 'cost_index'], [])).toEqual(
      ['run', 'preset', 'point', 'replicate', 'seed', 'bank.k', 'calibration', 'sale', 'viable', 'viability_failed', 'goods_total', 'cost_index']);
    const cells = runLine({ run, dir: '/nowhere', table, scenario }, ['bank.k', 'calibration', 'sale'], ['goods_total', 'cost_index'], []).split(',');
    expect(cells.slice(0, 8)).toEqual(['runs/gift/p001/r002', 'gift', 'p001', '2', '77', '7', '2020s', '']);
    const days = table.rows.filter((r) => r[table.columns.indexOf('day')]! >= 90);
    const mean = days.reduce((s, r) => s + r[table.columns.indexOf('cost_index')]!, 0) / days.length;
    expect(Number(cells[11])).toBeCloseTo(mean, 5);
  });

  it('names the failed viability criteria', () => {
    // A synthetic table has no hours traded: with money, "trade every day" fails.
    const two = loadScenarioFile('two-token').scenario;
    const cells = runLine({ run, dir: '/nowhere', table: syntheticTable(200, { shift: 0, money: true }), scenario: two }, [], [], []).split(',');
    expect(cells[5]).toBe('0');
    expect(cells[6]!.split(';')).toContain('trade every day');
  });

  it('appends the columns of extra providers (the stat_* extension point), from the run context', () => {
    const seen: string[] = [];
    const provider: RunColumnProvider = {
      columns: ['stat_rows', 'stat_dir'],
      values: (ctx) => (seen.push(ctx.run.run), [ctx.table.rows.length, ctx.dir]),
    };
    expect(runsHeader([], ['goods_total'], [provider]).slice(-2)).toEqual(['stat_rows', 'stat_dir']);
    expect(runLine({ run, dir: 'a,b', table, scenario }, [], ['goods_total'], [provider]).endsWith(',200,"a,b"')).toBe(true);
    expect(runLine({ run, dir: 'd', table, scenario }, [], [], [provider]).endsWith(',200,d')).toBe(true);
    expect(seen).toEqual([run.run, run.run]);
    const wrong: RunColumnProvider = { columns: ['stat_a', 'stat_b'], values: () => [1] };
    expect(() => runLine({ run, dir: 'd', table, scenario }, [], [], [wrong])).toThrow(/gave 1 values for 2 columns \(runs\/gift\/p001\/r002\)/);
  });
});
