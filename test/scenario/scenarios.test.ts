/**
 * Every scenario file shipped in scenarios/ is a test: each must resolve without error. Sweep files
 * (scenarios/sweeps/) are checked by test/sweep/files.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { REPO_ROOT } from '../../sim/scenario/generate.js';

const dir = join(REPO_ROOT, 'scenarios');
const files = (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml') && !f.split(sep).includes('sweeps'))
  .sort();

describe('scenarios/', () => {
  it('has the two preset files and some examples', () => {
    expect(files).toEqual(expect.arrayContaining(['gift.yaml', 'two-token.yaml']));
    expect(files.filter((f) => f.startsWith('examples')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s resolves without error', (file) => {
    const r = loadScenarioFile(join(dir, file));
    expect(r.scenario.name.length).toBeGreaterThan(0);
  });

  it('the preset files are exactly their presets', () => {
    expect(loadScenarioFile(join(dir, 'gift.yaml')).scenario).toEqual(loadScenarioFile('gift').scenario);
    expect(loadScenarioFile(join(dir, 'two-token.yaml')).scenario).toEqual(loadScenarioFile('two-token').scenario);
  });
});
