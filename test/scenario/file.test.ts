/** loadScenarioFile: real files, `extends` paths relative to the extending file, and bare preset names. */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, loadScenarioFile } from '../../sim/scenario/file.js';
import { scenarioError, tempFiles } from './helpers.js';

describe('scenario/file', () => {
  it('a bare preset name loads the preset without a file', () => {
    const r = loadScenarioFile('gift');
    expect(r).toMatchObject({ preset: 'gift', chain: ['gift'], origin: 'gift' });
    expect(r.scenario.institutions.money).toBe('none');
  });

  it('a bare preset name takes overrides and --set like a file', () => {
    const r = loadScenarioFile('two-token', { overrides: { seed: 7, days: 730, agents: 500 }, set: ['demurrage.rate=0.08'] });
    expect(r.scenario).toMatchObject({ seed: 7, days: 730, agents: 500, demurrage: { rate: 0.08 }, name: 'two-token' });
  });

  it('extends by relative path is read relative to the extending file, not the working folder', () => {
    const root = tempFiles({
      'base/gift-base.yaml': 'extends: gift\nagents: 40\n',
      'runs/mine.yaml': 'extends: ../base/gift-base.yaml\ndays: 90\n',
    });
    const r = loadScenarioFile(join(root, 'runs/mine.yaml'));
    expect(r.scenario).toMatchObject({ agents: 40, days: 90, name: 'gift' });
    expect(r.chain).toEqual(['gift', join(root, 'base/gift-base.yaml'), join(root, 'runs/mine.yaml')]);
  });

  it('a cycle across files is detected', () => {
    const root = tempFiles({ 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n' });
    const e = scenarioError(() => loadScenarioFile(join(root, 'a.yaml')));
    expect(e.message).toBe(`${join(root, 'b.yaml')}: extends: cycle: ${join(root, 'a.yaml')} -> ${join(root, 'b.yaml')} -> ${join(root, 'a.yaml')}`);
  });

  it('a missing file says so', () => {
    const root = tempFiles({});
    const path = join(root, 'nope.yaml');
    const e = scenarioError(() => loadScenarioFile(path));
    expect(e.message).toBe(`${path}: file not found`);
    expect(e.file).toBe(path);
  });

  it('a missing file named by extends names the extending file and the missing one', () => {
    const root = tempFiles({ 'a.yaml': 'extends: ./gone.yaml\n' });
    const e = scenarioError(() => loadScenarioFile(join(root, 'a.yaml')));
    expect(e.message).toBe(`${join(root, 'a.yaml')}: extends: file not found: ${join(root, 'gone.yaml')}`);
    expect(e.fieldPath).toBe('extends');
  });

  it('a name that is neither a file nor a preset lists the presets', () => {
    expect(scenarioError(() => loadScenarioFile('gfit')).message).toBe(
      'gfit: no such file, and unknown preset "gfit"; did you mean "gift"? (known presets: gift, market, market-k, two-token, peer-bank; a file path needs ./ or a .yaml extension)',
    );
  });

  it('broken YAML in a file gives its line and column', () => {
    const root = tempFiles({ 'bad.yaml': 'seed: 1\ndemurrage:\n  rate: [0.1\n' });
    expect(scenarioError(() => loadScenarioFile(join(root, 'bad.yaml'))).message).toMatch(
      new RegExp(`^${join(root, 'bad.yaml')}:\\d+:\\d+: invalid YAML at line \\d+, column \\d+: `),
    );
  });

  it('a JSON file loads like YAML', () => {
    const root = tempFiles({ 'run.json': '{"extends": "gift", "seed": 9, "demurrage.rate": 0.1}' });
    expect(loadScenarioFile(join(root, 'run.json')).scenario).toMatchObject({ seed: 9, name: 'gift', demurrage: { rate: 0.1 } });
  });

  it('an empty file is the default preset', () => {
    const root = tempFiles({ 'empty.yaml': '# nothing but a comment\n' });
    expect(loadScenarioFile(join(root, 'empty.yaml'))).toMatchObject({ preset: 'two-token', scenario: { name: 'two-token' } });
  });

  it('records a path however it was typed: relative to the working folder inside it, else absolute', () => {
    const cwd = process.cwd();
    for (const typed of ['scenarios/x.yaml', './scenarios/x.yaml', join(cwd, 'scenarios', 'x.yaml'), 'scenarios/../scenarios/x.yaml']) {
      expect(displayPath(typed), typed).toBe('scenarios/x.yaml');
    }
    const outside = join(dirname(cwd), 'elsewhere', 'x.yaml');
    expect(displayPath(outside)).toBe(outside);
    expect(displayPath('../elsewhere/x.yaml')).toBe(outside);
  });
});
