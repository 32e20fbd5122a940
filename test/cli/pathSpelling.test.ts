/**
 * Outputs do not depend on how the scenario path was typed: `sc/x.yaml`, `./sc/x.yaml`, the absolute
 * path and `sc/../sc/x.yaml` give the same run manifest origin, the same report.html and the same
 * sweep.json, through the real binary, each in its own temporary folder.
 */
import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, tempDir } from './exec.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(file: string, text: string): string {
  const cwd = tempDir('path-spelling');
  made.push(cwd);
  mkdirSync(join(cwd, 'sc'));
  writeFileSync(join(cwd, 'sc', file), text);
  return cwd;
}
const spellings = (cwd: string, file: string): string[] => [`sc/${file}`, `./sc/${file}`, join(cwd, 'sc', file), `sc/../sc/${file}`];

describe('path spelling', { timeout: 300_000 }, () => {
  it('run: the same origin in manifest.json and the same report.html', () => {
    const cwd = folder('x.yaml', 'extends: gift\nagents: 5\ndays: 5\n');
    const outs = spellings(cwd, 'x.yaml').map((path, i) => {
      const r = abundance(['run', path, '--out', `o${i}`, '--quiet'], cwd);
      expect(r.code, r.stderr).toBe(0);
      return {
        origin: JSON.parse(readFileSync(join(cwd, `o${i}`, 'manifest.json'), 'utf8')).origin as string,
        html: readFileSync(join(cwd, `o${i}`, 'report.html'), 'utf8'),
      };
    });
    expect(outs.map((o) => o.origin)).toEqual(['sc/x.yaml', 'sc/x.yaml', 'sc/x.yaml', 'sc/x.yaml']);
    for (const o of outs.slice(1)) expect(o.html === outs[0]!.html).toBe(true);
  });

  it('sweep: the same sweep.json and runs.csv', () => {
    const cwd = folder('s.yaml', 'compare: [gift]\nseeds: 1\nagents: 5\ndays: 5\n');
    const outs = spellings(cwd, 's.yaml').map((path, i) => {
      const r = abundance(['sweep', path, '--out', `w${i}`, '--quiet'], cwd);
      expect(r.code, r.stderr).toBe(0);
      return ['sweep.json', 'runs.csv'].map((f) => readFileSync(join(cwd, `w${i}`, f), 'utf8')).join('\n');
    });
    expect(JSON.parse(outs[0]!.split('\n}\n')[0]! + '\n}').file).toBe('sc/s.yaml');
    for (const o of outs.slice(1)) expect(o).toBe(outs[0]);
  });
});
