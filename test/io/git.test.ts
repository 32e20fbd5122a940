/**
 * sim/io/git: the project's commit and whether tracked files differ from it, recorded in run and sweep
 * manifests; nothing outside a checkout, or in a checkout the project merely sits inside.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitProvenance, gitProvenanceOf } from '../../sim/io/git.js';
import { PROJECT_ROOT } from '../../sim/io/manifest.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-git-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const git = (cwd: string, ...args: string[]): string => {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};

describe('io/git', () => {
  it('names the commit of a checkout, clean until a tracked file changes; untracked files do not count', () => {
    const repo = join(root, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'a.txt'), 'a\n');
    git(repo, 'add', 'a.txt');
    git(repo, 'commit', '-qm', 'a');
    const head = git(repo, 'rev-parse', 'HEAD');
    writeFileSync(join(repo, 'new.txt'), 'untracked\n');
    expect(gitProvenanceOf(repo)).toEqual({ commit: head, dirty: false });
    writeFileSync(join(repo, 'a.txt'), 'changed\n');
    expect(gitProvenanceOf(repo)).toEqual({ commit: head, dirty: true });
  });

  it('says nothing outside a checkout, or for a folder inside someone else\'s checkout', () => {
    const plain = join(root, 'plain');
    mkdirSync(plain);
    expect(gitProvenanceOf(plain)).toBeUndefined();
    const inner = join(root, 'repo', 'installed');
    mkdirSync(inner);
    expect(gitProvenanceOf(inner)).toBeUndefined();
  });

  it('gives this project\'s own commit when run from its checkout', () => {
    const head = spawnSync('git', ['-C', PROJECT_ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
    if (head.status !== 0) return; // not a checkout (a tarball): nothing to compare
    expect(gitProvenance()?.commit).toBe(head.stdout.trim());
  });
});
