/**
 * What an interrupted or killed `abundance run` leaves, through the real binary: SIGHUP (a closed
 * terminal) is handled like SIGTERM (temporary folder removed, exit 129), and the temporary folder of a
 * process killed outright (SIGKILL) is removed by the next run into the same output, while one of a live
 * process stays. Each case runs in its own temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, interruptRun, listing, tempDir } from './exec.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const d = tempDir('leftovers');
  made.push(d);
  return d;
};

describe('cli/run leftovers', { timeout: 120_000 }, () => {
  it('SIGHUP in the middle of a run removes the temporary folder and exits 129', async () => {
    const dir = fresh();
    expect(await interruptRun(dir, 'SIGHUP')).toBe(129);
    expect(listing(dir)).toEqual([]);
  });

  it('the next run removes the temporary folders of a dead process, and leaves those of a live one', () => {
    const dir = fresh();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(dir, 'runs'));
    const stale = [`t.tmp-${dead}-0badf00d`, `t.tmp-old-${dead}-00c0ffee`];
    const live = `t.tmp-${process.pid}-1234abcd`;
    for (const name of [...stale, live]) {
      mkdirSync(join(dir, 'runs', name));
      writeFileSync(join(dir, 'runs', name, 'metrics.csv'), 'day\n1\n');
    }
    writeFileSync(join(dir, 's.yaml'), 'extends: gift\nagents: 5\ndays: 5\n');
    const r = abundance(['run', 's.yaml', '--out', 'runs/t', '--no-report', '--quiet'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listing(join(dir, 'runs'))).toEqual(['t', live]);
  });
});
