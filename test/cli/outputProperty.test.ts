/**
 * Property: for any `--out` drawn from dangerous and ordinary paths (empty, `.`, `..`, the working
 * folder, a parent, a file, a fifo, a folder of unrelated files, the folder holding the scenario, a
 * symbolic link to an earlier run, a dangling link, a fresh path, an earlier run folder, a nested new path; typed plain, with `./` or with a trailing `/`),
 * `abundance run` exits 0 for the acceptable ones and 2 for the others, and nothing outside the new
 * output changes (every entry of the temporary tree compared by kind, size and sha256; only the output
 * and the folders made to hold it may appear). Each case runs in its own temporary folder.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abundance, tempDir } from './exec.js';
import { outside, snapshot } from './snapshot.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SCENARIO = 'extends: gift\nagents: 5\ndays: 5\n';
let earlierRun = '';

beforeAll(() => {
  const d = tempDir('prop-prev');
  made.push(d);
  writeFileSync(join(d, 's.yaml'), SCENARIO);
  const r = abundance(['run', 's.yaml', '--out', 'prev', '--no-report', '--quiet', '--seed', '9'], d);
  expect(r.code, r.stderr).toBe(0);
  earlierRun = join(d, 'prev');
}, 120_000);

/** root/work is the working folder: sc/s.yaml, file.txt, a fifo, notes/, an earlier run prev/, a link to it, a dangling link. */
function world(): { root: string; cwd: string } {
  const root = tempDir('prop');
  made.push(root);
  const cwd = join(root, 'work');
  mkdirSync(join(cwd, 'sc'), { recursive: true });
  mkdirSync(join(cwd, 'notes'));
  writeFileSync(join(cwd, 'sc', 's.yaml'), SCENARIO);
  writeFileSync(join(cwd, 'notes', 'todo.md'), 'keep me');
  writeFileSync(join(cwd, 'file.txt'), 'mine');
  writeFileSync(join(root, 'beside.txt'), 'beside the working folder');
  execFileSync('mkfifo', [join(cwd, 'fifo')]);
  cpSync(earlierRun, join(cwd, 'prev'), { recursive: true });
  symlinkSync(join(cwd, 'prev'), join(cwd, 'to-prev'));
  symlinkSync(join(cwd, 'nowhere'), join(cwd, 'dangling'));
  return { root, cwd };
}

/** A case: the path (given the working folder), whether it is acceptable, and where the output lands (relative to root). */
const CASES: Record<string, { path: (cwd: string) => string; ok: boolean; lands?: string }> = {
  empty: { path: () => '', ok: false },
  dot: { path: () => '.', ok: false },
  dotdot: { path: () => '..', ok: false },
  cwd: { path: (cwd) => cwd, ok: false },
  parent: { path: (cwd) => dirname(cwd), ok: false },
  file: { path: () => 'file.txt', ok: false },
  fifo: { path: () => 'fifo', ok: false },
  unrelated: { path: () => 'notes', ok: false },
  scenarioFolder: { path: () => 'sc', ok: false },
  linkToEarlierRun: { path: () => 'to-prev', ok: false }, // it would replace the link with a folder
  danglingLink: { path: () => 'dangling', ok: false },
  fresh: { path: () => 'fresh', ok: true, lands: 'work/fresh' },
  earlierRun: { path: () => 'prev', ok: true, lands: 'work/prev' },
  nested: { path: () => 'a/b/c', ok: true, lands: 'work/a/b/c' },
};

function typed(path: string, form: 'plain' | 'dot-slash' | 'trailing-slash'): string {
  if (path === '' || path.startsWith('/')) return form === 'trailing-slash' && path !== '' ? `${path}/` : path;
  if (form === 'dot-slash') return `./${path}`;
  if (form === 'trailing-slash') return `${path}/`;
  return path;
}

describe('run --out: property', { timeout: 600_000 }, () => {
  it('exits 2 for a dangerous path and 0 for an acceptable one, and changes nothing outside the new output', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(CASES)),
        fc.constantFrom('plain' as const, 'dot-slash' as const, 'trailing-slash' as const),
        (name, form) => {
          const c = CASES[name]!;
          const { root, cwd } = world();
          const out = typed(c.path(cwd), form);
          const before = snapshot(root);
          const r = abundance(['run', 'sc/s.yaml', '--out', out, '--no-report', '--quiet'], cwd);
          const after = snapshot(root);
          expect(r.code, `${name} ${JSON.stringify(out)}: ${r.stderr}`).toBe(c.ok ? 0 : 2);
          if (!c.ok) {
            expect(r.stderr).toContain(`output folder ${JSON.stringify(out)}`);
            expect(after).toEqual(before);
            return;
          }
          expect(outside(after, c.lands)).toEqual(Object.fromEntries(
            Object.entries(outside(before, c.lands)).concat(
              // the folders made to hold a nested output
              Object.keys(after).filter((k) => !(k in before) && k !== c.lands && `${c.lands}/`.startsWith(`${k}/`)).map((k) => [k, 'dir']),
            ),
          ));
          expect(after[`${c.lands}/manifest.json`]).toMatch(/^file /);
        },
      ),
      { numRuns: 18 },
    );
  });
});
