/**
 * sim/report/output: a report's files replace the old report in a folder that holds other things:
 * charts/ is swapped whole (stale charts go), report files are renamed over, other files stay, and no
 * temporary folder is left, whether the write succeeds or fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReportFiles } from '../../sim/report/output.js';

describe('report/output', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'abundance-output-'));
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, 'charts', 'old.svg'), 'old chart');
    writeFileSync(join(dir, 'report.md'), 'old report');
    writeFileSync(join(dir, 'metrics.csv'), 'day\n0\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces charts/ and the report files, keeps the rest, and leaves no temporary folder', () => {
    const files = writeReportFiles(dir, new Map<string, string | Uint8Array>([
      ['charts/a.svg', '<svg/>'], ['charts/a.png', new Uint8Array([1, 2, 3])], ['report.md', '# new'], ['report.html', '<html>'],
    ]));
    expect(files.sort()).toEqual(['charts/a.png', 'charts/a.svg', 'report.html', 'report.md'].map((f) => join(dir, f)));
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['a.png', 'a.svg']);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('# new');
    expect([...readFileSync(join(dir, 'charts', 'a.png'))]).toEqual([1, 2, 3]);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe('day\n0\n');
    expect(readdirSync(dir).sort()).toEqual(['charts', 'metrics.csv', 'report.html', 'report.md']);
  });

  it('changes nothing when a file cannot be written', () => {
    // a path that is both a file and a folder cannot be written: the error comes before any move
    expect(() => writeReportFiles(dir, new Map([['charts/x', 'a'], ['charts/x/y', 'b'], ['report.md', 'new']]))).toThrow();
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('old report');
    expect(readdirSync(join(dir, 'charts'))).toEqual(['old.svg']);
    expect(readdirSync(dir).sort()).toEqual(['charts', 'metrics.csv', 'report.md']);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });
});
