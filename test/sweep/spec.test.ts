import { describe, expect, it } from 'vitest';
import { sweepSpecReader } from '../helpers/sweepSpec.js';

const { spec, lines } = sweepSpecReader('f.yaml', 'f');

describe('sweep/spec: the keys of a sweep file', () => {
  it('reads every key, with the defaults of docs/sweeps.md', () => {
    const s = spec('compare: [gift, peer-bank]\nseeds: 30\nseed: 5\nagents: 150\ndemurrage.rate: 0.1\nsweep:\n  bank.k: { values: [7, 30] }\nsensitivity:\n  production.sigma: [1]\naggregate:\n  everyDays: 7\n');
    expect(s).toMatchObject({ name: 'f', mode: 'compare', bases: ['gift', 'peer-bank'], replicates: 30, baseSeed: 5, everyDays: 7, fixed: { agents: 150, 'demurrage.rate': 0.1 } });
    expect(s.grid).toEqual([{ key: 'bank.k', values: [{ value: 7, at: 'sweep.bank.k.values[0]' }, { value: 30, at: 'sweep.bank.k.values[1]' }] }]);
    expect(s.sensitivity.map((k) => k.key)).toEqual(['production.sigma']);
    expect(spec('name: x\n')).toMatchObject({ name: 'x', mode: 'extends', bases: ['two-token'], replicates: 10, baseSeed: 1, everyDays: 1, grid: [], sensitivity: [] });
    expect(spec('extends: ./base.yaml\naggregate.everyDays: 30\n')).toMatchObject({ bases: ['./base.yaml'], everyDays: 30 });
  });

  it('checks the name as the folder name it becomes (runs/<name>), as the scenario name is checked', () => {
    expect(lines(`name: ${'s'.repeat(201)}\n`)).toEqual(['f.yaml: name: expected at most 200 characters (it becomes a folder name), got 201']);
    expect(lines('name: ../up\n')).toEqual(['f.yaml: name: expected a name without / or \\ (it becomes one folder name, not a path), got "../up"']);
    expect(lines('name: ".."\n')).toEqual(['f.yaml: name: expected a name other than ".." (it becomes a folder name)']);
    expect(lines('name: "x\\ty"\n')).toEqual(['f.yaml: name: expected printable characters, got U+0009 (a control or unprintable character; it becomes a folder name)']);
    expect(lines('name: " "\n')).toEqual(['f.yaml: name: expected a non-empty text, got " "']);
    expect(spec(`name: ${'s'.repeat(200)}\n`).name).toHaveLength(200);
  });

  it('takes swept keys dotted or nested in their group, in the order written', () => {
    const s = spec('sweep:\n  bank:\n    k: [7]\n    emaDays: [14, 28]\n  demurrage.rate: [0, 0.1]\n  calibration: [2009, 2020s]\n');
    expect(s.grid.map((k) => k.key)).toEqual(['bank.k', 'bank.emaDays', 'demurrage.rate', 'calibration']);
    expect(s.grid[3]?.values.map((v) => v.value)).toEqual(['2009', '2020s']);
  });

  it('reports every problem at once, with the field path, what was expected and a did-you-mean', () => {
    expect(lines([
      'compare: [gift, two-tokn]',
      'sweeps: {}',
      'seeds: 0',
      'sweep:',
      '  bank.k: { values: [-1, 30] }',
      '  bank.kk: [1]',
      '  demurrage.rate: { linspace: [0, 2, 3] }',
      'sensitivity:',
      '  participation.piMn: [0.5]',
      'aggregate: { everyDay: 7 }',
    ].join('\n'))).toEqual([
      'f.yaml: sweeps: unknown key; did you mean "sweep"? A sweep file takes name, extends, compare, seeds, seed, sweep, sensitivity, sample, aggregate and any scenario field (fixed for every run).',
      'f.yaml: seeds: expected an integer from 1 to 10000, got 0',
      'f.yaml: aggregate.everyDay: unknown key; did you mean "everyDays"? Keys of aggregate: everyDays.',
      'f.yaml: compare[1]: unknown preset "two-tokn"; did you mean "two-token"? (known presets: gift, market, market-k, two-token, peer-bank)',
      'f.yaml: sweep.bank.k.values[0]: expected a number > 0 and <= 3650, got -1',
      'f.yaml: sweep.bank.kk: unknown scenario key; did you mean "bank.k"? (the keys of docs/scenarios.md, dotted, e.g. bank.k)',
      'f.yaml: sweep.demurrage.rate.linspace (value 3 of 3): expected a number from 0 to 1, got 2',
      'f.yaml: sensitivity.participation.piMn: unknown scenario key; did you mean "participation.piMin"? (the keys of docs/scenarios.md, dotted, e.g. bank.k)',
    ]);
  });

  it('refuses extends with compare, a key both fixed and swept or swept and varied, and sweeping the seed', () => {
    expect(lines('extends: gift\ncompare: [gift]\n')[0]).toMatch(/^f.yaml: compare: extends and compare exclude each other/);
    expect(lines('bank: { k: 30 }\nsweep: { bank.k: [7] }\n')[0]).toBe('f.yaml: bank.k: bank.k is fixed here and also swept; keep one of the two');
    expect(lines('sweep: { bank.k: [7] }\nsensitivity: { bank.k: [90] }\n')[0]).toMatch(/^f.yaml: sensitivity.bank.k: bank.k is already swept/);
    expect(lines('sweep: { seed: [1, 2] }\n')[0]).toMatch(/^f.yaml: sweep.seed: the seed of each run comes from the base seed/);
    expect(lines('compare: [gift, gift]\n')[0]).toBe('f.yaml: compare[1]: "gift" is listed twice');
    expect(lines('sweep: { bank: [1] }\n')[0]).toMatch(/bank is a group of fields; sweep one of its keys \(bank.rule, bank.k/);
    expect(lines('- 1\n- 2\n')[0]).toMatch(/^f.yaml: expected a mapping of sweep keys/);
  });
});
