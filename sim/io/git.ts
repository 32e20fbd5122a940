/**
 * gitProvenance() -> { commit, dirty } of the project's checkout, or undefined outside one (an npm
 * install, a tarball, no git on the PATH). Recorded in run and sweep manifests, so a result names the
 * code that made it.
 *
 * Asked of git itself (`git rev-parse HEAD`, `git status --porcelain --untracked-files=no`), once per
 * process: reading .git by hand would miss packed refs, worktrees and the index's view of "dirty".
 * `dirty` means a tracked file differs from the commit; untracked files (output folders, notes) do not
 * count. Called by io when it writes a manifest, never by the engine (which imports no Node module).
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project folder (sim/io/ is two levels down). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GitProvenance {
  commit: string;
  dirty: boolean;
}

let cached: GitProvenance | null | undefined;

function git(root: string, args: readonly string[]): string | undefined {
  try {
    const r = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return r.status === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** The project's provenance, asked once per process. */
export function gitProvenance(): GitProvenance | undefined {
  if (cached === undefined) cached = gitProvenanceOf(ROOT) ?? null;
  return cached ?? undefined;
}

/** The commit and dirtiness of the checkout whose top folder is `root`; undefined if `root` is not one. */
export function gitProvenanceOf(root: string): GitProvenance | undefined {
  // The project's own checkout only: not that of a repository it happens to be installed inside.
  const top = git(root, ['rev-parse', '--show-toplevel'])?.trim();
  let ours = false;
  try {
    ours = top !== undefined && realpathSync(top) === realpathSync(root);
  } catch {
    ours = false;
  }
  const commit = ours ? git(root, ['rev-parse', '--verify', 'HEAD'])?.trim() : undefined;
  const status = commit === undefined ? undefined : git(root, ['status', '--porcelain', '--untracked-files=no']);
  return commit !== undefined && /^[0-9a-f]{40,64}$/.test(commit) && status !== undefined ? { commit, dirty: status.trim() !== '' } : undefined;
}
