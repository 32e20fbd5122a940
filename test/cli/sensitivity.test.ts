/**
 * `abundance sensitivity` end to end: the real binary on tiny sampled sweeps of real engine runs (20
 * agents, 60 days, 2 seeds; a sobol design of 3 factors, N = 4, and a morris one). It writes
 * sensitivity.csv with the documented columns, byte-identical on a second call; refuses a sweep without
 * a design, an unknown metric and a foreign --out file (exit 2, nothing written).
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENSITIVITY_HEADER } from '../../sim/io/sensitivityCsv.js';
import { abundance, tempDir, writeScenario } from './exec.js';

const cwd = tempDir('cli-sensitivity');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const FACTORS = ['pricing.mu0', 'demand.freeRide', 'consumption.attention'];
const base = 'extends: two-token\nseeds: 2\nagents: 20\ndays: 60\naggregate.everyDays: 30\n';
const params = '  params:\n    pricing.mu0: [0.01, 0.3]\n    demand.freeRide: [0, 0.5]\n    consumption.attention: [1, 6]\n  scale: { pricing.mu0: log-uniform }\n';

describe('cli/sensitivity', { timeout: 600_000 }, () => {
  beforeAll(() => {
    writeScenario(cwd, 'sobol.yaml', `${base}sample:\n  method: sobol\n  n: 4\n${params}`);
    writeScenario(cwd, 'morris.yaml', `${base}sample:\n  method: morris\n  n: 3\n  levels: 4\n${params}`);
    writeScenario(cwd, 'grid.yaml', `${base}sweep:\n  pricing.mu0: [0.05]\n`);
    for (const name of ['sobol', 'morris', 'grid']) {
      const r = abundance(['sweep', `${name}.yaml`, '--out', name, '--workers', '1', '--quiet'], cwd);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 600_000);

  it('writes sensitivity.csv: S1 and ST of every factor for every claim statistic and headline metric, byte-identical when run again', () => {
    const r = abundance(['sensitivity', 'sobol', '--bootstrap', '50'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Sobol' indices of the mean over seeds");
    const file = join(cwd, 'sobol', 'sensitivity.csv');
    const text = readFileSync(file, 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header!.split(',')).toEqual([...SENSITIVITY_HEADER]);
    const metrics = new Set(rows.map((l) => l.split(',')[1]));
    expect([...metrics]).toEqual(expect.arrayContaining(['stat_goods_per_head', 'stat_markup', 'goods_released', 'cost_index']));
    expect(rows).toHaveLength(metrics.size * FACTORS.length);
    expect(new Set(rows.map((l) => l.split(',')[3]))).toEqual(new Set(FACTORS));
    // goods_released varies with the factors: its indices and points are there.
    const goods = rows.filter((l) => l.split(',')[1] === 'goods_released').map((l) => l.split(','));
    for (const cells of goods) {
      expect(cells[2]).toBe('sobol');
      expect(Number.isFinite(Number(cells[7]))).toBe(true); // ST
      expect(cells[19]).toBe('20'); // n_points: 4 rows x (3 + 2): A, B and the three AB_i (BA_i only for S2)
      expect(cells[20]).toBe('2'); // n_seeds
    }
    expect(abundance(['sensitivity', 'sobol', '--bootstrap', '50'], cwd).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('adds the second-order rows on request, and takes any runs.csv column as a metric', () => {
    const out = join(cwd, 's2.csv');
    const r = abundance(['sensitivity', 'sobol', '--metrics', 'goods_released,viable', '--second-order', '--bootstrap', '20', '--out', 's2.csv'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.filter((c) => c[2] === 'sobol-s2').map((c) => `${c[1]} ${c[3]}`)).toEqual([
      'goods_released pricing.mu0*demand.freeRide', 'goods_released pricing.mu0*consumption.attention', 'goods_released demand.freeRide*consumption.attention',
      'viable pricing.mu0*demand.freeRide', 'viable pricing.mu0*consumption.attention', 'viable demand.freeRide*consumption.attention',
    ]);
    // n_points: S1 and ST use A, B and the AB_i (4 rows x 5); S2 also the BA_i (4 rows x 8).
    expect(new Set(rows.filter((c) => c[1] === 'goods_released').map((c) => `${c[2]} ${c[19]}`))).toEqual(new Set(['sobol 20', 'sobol-s2 32']));
  });

  it('prints the indices without intervals under --bootstrap 0', () => {
    const r = abundance(['sensitivity', 'sobol', '--metrics', 'goods_released', '--bootstrap', '0', '--out', 'b0.csv'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('no intervals: --bootstrap 0');
    expect(r.stdout).not.toContain('[');
    const cells = readFileSync(join(cwd, 'b0.csv'), 'utf8').trimEnd().split('\n')[1]!.split(',');
    expect(Number.isFinite(Number(cells[7]))).toBe(true); // ST
    expect([cells[8], cells[9]]).toEqual(['', '']); // no bounds
  });

  it('gives Morris mu*, mu and sigma for a morris design', () => {
    const r = abundance(['sensitivity', 'morris', '--metrics', 'goods_released', '--bootstrap', '20'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Morris screening');
    const rows = readFileSync(join(cwd, 'morris', 'sensitivity.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((c) => [c[2], c[3]])).toEqual(FACTORS.map((f) => ['morris', f]));
    for (const c of rows) {
      expect(Number(c[13])).toBeGreaterThanOrEqual(0); // mu_star
      expect(c[4]).toBe(''); // no S1 in a morris design
      expect(c[19]).toBe('12'); // 3 trajectories x 4 points
    }
  });

  it('gives the sweep report a Sensitivity section: computes sensitivity.csv when there is none, reads the one there when there is', () => {
    // morris/ has the sensitivity.csv of goods_released only (the test above): the report keeps it.
    const before = readFileSync(join(cwd, 'morris', 'sensitivity.csv'), 'utf8');
    const r = abundance(['report', 'morris'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'morris', 'sensitivity.csv'), 'utf8')).toBe(before);
    const md = readFileSync(join(cwd, 'morris', 'report.md'), 'utf8');
    expect(md).toContain('## Sensitivity');
    // The answer is the factors that decide each metric; a sample design has no base point, so no claim is judged.
    const answer = md.slice(md.indexOf('## Answer'), md.indexOf('## Try it'));
    expect(answer).toMatch(/A Morris sample design: its answer is which factors decide each metric/);
    expect(answer).toMatch(/\| goods_released \| two-token \| /);
    expect(md).not.toContain('## Claims in detail');
    // A Morris step moves one factor: the old per-parameter slice through the first point drew a chart of two points.
    expect(md).not.toContain('## Per swept parameter');
    expect(existsSync(join(cwd, 'morris', 'claims.json'))).toBe(false);
    const spec = JSON.parse(readFileSync(join(cwd, 'morris', 'charts', 'morris-goods_released.vl.json'), 'utf8'));
    expect(spec.concat[0].layer.map((l: { mark: { type: string } }) => l.mark.type)).toEqual(['rule', 'point', 'text']);
    expect(existsSync(join(cwd, 'morris', 'charts', 'morris-goods_released.svg'))).toBe(true);
    // A sobol sweep without sensitivity.csv: the report computes it with the defaults and writes it.
    rmSync(join(cwd, 'sobol', 'sensitivity.csv'));
    expect(abundance(['report', 'sobol'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'sobol', 'sensitivity.csv'), 'utf8').split('\n', 1)[0]).toBe(SENSITIVITY_HEADER.join(','));
    const sobolSpec = JSON.parse(readFileSync(join(cwd, 'sobol', 'charts', 'sensitivity-goods_released.vl.json'), 'utf8'));
    expect(sobolSpec.concat[0].layer.map((l: { mark: { type: string } }) => l.mark.type)).toEqual(['bar', 'rule']);
    expect(new Set(sobolSpec.data.values.map((v: { index: string }) => v.index))).toEqual(new Set(['S1', 'ST']));
    // Beside the indices, the metric against its top factors: a dot per design point, at the mean over
    // its seeds of runs.csv's values (recomputed here); pricing.mu0 was drawn log-uniformly: a log axis.
    const scatter = JSON.parse(readFileSync(join(cwd, 'sobol', 'charts', 'scatter-goods_released.vl.json'), 'utf8'));
    expect(existsSync(join(cwd, 'sobol', 'charts', 'scatter-goods_released.svg'))).toBe(true);
    const panels = scatter.concat as { title: { text: string }; encoding: { x: { scale: { type: string } } } }[];
    expect(new Set(panels.map((p) => p.title.text))).toEqual(new Set(FACTORS));
    expect(Object.fromEntries(panels.map((p) => [p.title.text, p.encoding.x.scale.type]))).toEqual({ 'pricing.mu0': 'log', 'demand.freeRide': 'linear', 'consumption.attention': 'linear' });
    const [head, ...lines] = readFileSync(join(cwd, 'sobol', 'runs.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const at = (name: string): number => head!.indexOf(name);
    const byPoint = new Map<string, { x: number; ys: number[] }>();
    for (const c of lines) {
      const p = byPoint.get(c[at('point')]!) ?? { x: Number(c[at('demand.freeRide')]), ys: [] };
      p.ys.push(Number(c[at('goods_released')]));
      byPoint.set(c[at('point')]!, p);
    }
    const mean = (ys: number[]): number => ys.reduce((a, b) => a + b, 0) / ys.length;
    const dots = scatter.data.values as { point: string; factor: string; x: number; y: number }[];
    for (const d of dots) expect(d.y).toBeCloseTo(mean(byPoint.get(d.point)!.ys), 4);
    // Every point is drawn (points at the same place share one dot).
    const freeRide = dots.filter((d) => d.factor === 'demand.freeRide');
    for (const { x, ys } of byPoint.values()) expect(freeRide.some((d) => Math.abs(d.x - x) < 1e-6 && Math.abs(d.y - mean(ys)) < 1e-4)).toBe(true);
  });

  it('refuses a sweep without a sample design, an unknown metric and a foreign --out file: exit 2, nothing written', () => {
    const grid = abundance(['sensitivity', 'grid'], cwd);
    expect(grid.code).toBe(2);
    expect(grid.stderr).toMatch(/^grid: its sweep \(grid\.yaml\) has no sample design; abundance sensitivity needs a sweep file with sample:/);
    expect(existsSync(join(cwd, 'grid', 'sensitivity.csv'))).toBe(false);
    const metric = abundance(['sensitivity', 'morris', '--metrics', 'stat_markupp'], cwd);
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain('--metrics: "stat_markupp" is not a column of runs.csv (did you mean "stat_markup"?');
    writeFileSync(join(cwd, 'notes.csv'), 'mine\n');
    const foreign = abundance(['sensitivity', 'morris', '--out', 'notes.csv'], cwd);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('notes.csv: exists and is not a sensitivity.csv');
    expect(readFileSync(join(cwd, 'notes.csv'), 'utf8')).toBe('mine\n');
    const folder = abundance(['sensitivity', 'morris', '--out', 'grid'], cwd);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('grid: is a folder; --out names the file to write');
    const none = abundance(['sensitivity', 'morris', '--metrics', ','], cwd);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--metrics: expected at least one column of runs.csv');
    // A sweep.json whose design names a factor it does not have: exit 2, naming the file.
    cpSync(join(cwd, 'morris'), join(cwd, 'morris-bad'), { recursive: true });
    rmSync(join(cwd, 'morris-bad', 'sensitivity.csv'), { force: true });
    const plan = JSON.parse(readFileSync(join(cwd, 'morris-bad', 'sweep.json'), 'utf8'));
    plan.points[1].design.param = 'bogus';
    writeFileSync(join(cwd, 'morris-bad', 'sweep.json'), JSON.stringify(plan));
    const bad = abundance(['sensitivity', 'morris-bad'], cwd);
    expect(bad.code, bad.stderr).toBe(2);
    expect(bad.stderr).toMatch(/morris-bad.sweep\.json: point morris-t01-s01: its design names factor "bogus"/);
    expect(existsSync(join(cwd, 'morris-bad', 'sensitivity.csv'))).toBe(false);
    // A runs.csv cell that is not a number: exit 2, naming its line and column.
    cpSync(join(cwd, 'morris'), join(cwd, 'morris-cell'), { recursive: true });
    rmSync(join(cwd, 'morris-cell', 'sensitivity.csv'), { force: true });
    const csv = readFileSync(join(cwd, 'morris-cell', 'runs.csv'), 'utf8').split('\n');
    const at = csv[0]!.split(',').indexOf('goods_released');
    csv[1] = csv[1]!.split(',').map((c, j) => (j === at ? 'oops' : c)).join(',');
    writeFileSync(join(cwd, 'morris-cell', 'runs.csv'), csv.join('\n'));
    const cell = abundance(['sensitivity', 'morris-cell', '--metrics', 'goods_released'], cwd);
    expect(cell.code, cell.stderr).toBe(2);
    expect(cell.stderr).toMatch(/runs\.csv line 2, column goods_released: "oops" is not a number/);
    expect(existsSync(join(cwd, 'morris-cell', 'sensitivity.csv'))).toBe(false);
  });
});
