/**
 * sim/report/sweep/read: a sweep folder in the formats of docs/sweeps.md is read whole (plan, runs,
 * the fan rows of the reference point, run manifests), and every malformed input is a ReportError that
 * names the file and the field or line.
 */
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportError } from '../../../sim/report/errors.js';
import { FAN_METRICS } from '../../../sim/report/sweep/metrics.js';
import { readSweepFolder } from '../../../sim/report/sweep/read.js';
import { csvObjects, fixtureDir } from './helpers.js';

const dirs: string[] = [];
const fresh = (grid?: Record<string, number[]>): string => {
  const dir = fixtureDir({ presets: ['gift', 'two-token'], ...(grid === undefined ? {} : { grid }), replicates: 2, days: 30, everyDays: 3 });
  dirs.push(dirname(dir));
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const message = async (dir: string): Promise<string> => {
  try {
    await readSweepFolder(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return (error as Error).message;
  }
  return 'no error';
};

describe('report/sweep/read', () => {
  it('reads the plan, every run of runs.csv, and the fan rows of the reference point only', async () => {
    const dir = fresh({ 'bank.k': [7, 30] });
    const data = await readSweepFolder(dir);
    expect(data.plan.points.map((p) => p.id)).toEqual(['p000', 'p001']);
    expect(data.refPoint).toBe('p000');
    expect(data.runs).toHaveLength(csvObjects(join(dir, 'runs.csv')).length);
    const expected = csvObjects(join(dir, 'summary.csv')).filter((r) => r['point'] === 'p000' && FAN_METRICS.has(r['metric'] ?? ''));
    expect(data.fan).toHaveLength(expected.length);
    expect(data.fan[0]).toEqual({ preset: expected[0]?.['preset'], metric: expected[0]?.['metric'], day: 0, n: 2,
      mean: Number(expected[0]?.['mean']), lo: Number(expected[0]?.['ci95_lo']), hi: Number(expected[0]?.['ci95_hi']) });
    expect(data.runManifests.size).toBe(data.plan.runs.length);
    expect(data.runs[0]?.failed).toEqual(['producers out', 'funded share']);
    expect(data.runs[0]?.viable).toBe(false);
    expect(data.runs[0]?.values.get('money_ch')).toBeNaN(); // gift has no money: an empty cell
  });

  it('a folder without summary.csv is refused, naming what a sweep folder has', async () => {
    const dir = fresh();
    unlinkSync(join(dir, 'summary.csv'));
    expect(await message(dir)).toMatch(/summary\.csv: missing \(a sweep folder has sweep\.json, runs\.csv and summary\.csv/);
  });

  it('a malformed sweep.json names the field and what was expected', async () => {
    const dir = fresh();
    const plan = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    plan.points[0].kind = 'gird';
    delete plan.replicates;
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(plan));
    const text = await message(dir);
    expect(text).toContain('sweep.json: replicates: expected a number, got nothing (the field is missing)');
    expect(text).toContain('sweep.json: points[0].kind: expected "grid" or "sensitivity" or "sample", got "gird"; did you mean "grid"?');
  });

  it('runs.csv with a missing column, a point not in the plan, or a bad number names the line', async () => {
    const dir = fresh();
    const text = readFileSync(join(dir, 'runs.csv'), 'utf8');
    writeFileSync(join(dir, 'runs.csv'), text.replace('viable,', 'viabel,'));
    expect(await message(dir)).toBe('runs.csv: missing column viable (docs/sweeps.md lists the columns)');
    writeFileSync(join(dir, 'runs.csv'), text.replace(',base,', ',bsae,'));
    expect(await message(dir)).toBe('runs.csv line 2: point "bsae" is not in sweep.json; did you mean "base"?');
    const lines = text.split('\n');
    lines[2] = lines[2]!.replace(/,1,,/, ',yes,,');
    writeFileSync(join(dir, 'runs.csv'), lines.join('\n'));
    expect(await message(dir)).toBe('runs.csv line 3: viable: expected 1 or 0, got "yes"');
  });

  it('summary.csv without its statistics columns is refused', async () => {
    const dir = fresh();
    const text = readFileSync(join(dir, 'summary.csv'), 'utf8');
    writeFileSync(join(dir, 'summary.csv'), text.replace('ci95_lo', 'lo95'));
    expect(await message(dir)).toBe('summary.csv: missing column ci95_lo (docs/sweeps.md lists the columns)');
  });
});
