/** sim/cli/presets: `abundance presets` names every preset with its description, one per line. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { listPresets } from '../../sim/scenario/presets.js';
import { abundance, tempDir } from './exec.js';

const cwd = tempDir('cli-presets');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('cli/presets', { timeout: 60_000 }, () => {
  it('prints one line per preset with its name and description', () => {
    const r = abundance(['presets'], cwd);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const presets = listPresets();
    expect(lines).toHaveLength(presets.length);
    presets.forEach((p, i) => {
      expect(lines[i]?.startsWith(p.name)).toBe(true);
      expect(lines[i]).toContain(p.description);
    });
    expect(presets.map((p) => p.name)).toEqual(expect.arrayContaining(['gift', 'two-token']));
  });
});
