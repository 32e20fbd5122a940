/**
 * lockOutput(out): one writer at a time for an output folder that is filled in place (a sweep folder:
 * plain, --resume or --replace). The lock is a sibling file `<out>.lock`, not a file inside the folder,
 * so it also covers --replace (which builds the new folder in a temporary sibling and renames it over
 * `<out>`) and the folder's contents stay exactly the sweep's.
 *
 * The lock holds `{ pid, host, since }`. It is made complete under a temporary name and hard-linked to
 * `<out>.lock`, which fails if the lock exists, so no reader ever sees half a lock. An existing lock of a
 * process that is no longer alive on this host (killed outright, SIGKILL) is stale and taken over;
 * otherwise the second writer is refused with an OutputPathError (exit 2) naming the folder and the
 * holder. A takeover renames the stale lock to a name of its own (only one process wins that rename),
 * deletes it if it is still the dead holder's (a live one is linked back), then competes for the lock
 * like any new writer. The lock is keyed by the folder's real path, so another spelling of the same
 * folder (through a symlinked parent, say) meets the same lock.
 *
 * The returned function releases the lock (and the parent folders made for it, while empty); it also
 * runs on SIGINT/SIGTERM/SIGHUP. A lock not ours (taken over meanwhile) is left alone.
 */
import { removeStaleTemps, tempSibling } from './atomic.js';
import { linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { onInterrupt } from './interrupt.js';
import { OutputPathError, realTarget } from './outputPath.js';
import { processAlive } from './pid.js';

interface Holder { pid: number; host: string; since: string }

function readHolder(lock: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string') return undefined;
    return { pid: h.pid, host: h.host, since: String(h.since ?? '') };
  } catch {
    return undefined;
  }
}

/** Create `lock` holding `body` iff it does not exist (atomically, complete); false if it exists. */
function tryCreate(lock: string, body: string): boolean {
  const tmp = tempSibling(lock);
  writeFileSync(tmp, body);
  try {
    linkSync(tmp, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Take the lock of the output folder `out` (see the module comment); returns its release. */
export function lockOutput(out: string): () => void {
  // Keyed by the real path (symlinks in the parents followed), so two spellings of one folder share a lock.
  const target = realTarget(out).real;
  const lock = `${target}.lock`;
  removeStaleTemps(lock); // half-made locks of killed processes
  const parent = dirname(target);
  const created = mkdirSync(parent, { recursive: true });
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const body = JSON.stringify(me) + '\n';
  const isMine = (): boolean => {
    const h = readHolder(lock);
    return h !== undefined && h.pid === me.pid && h.host === me.host && h.since === me.since;
  };
  const undoParents = (): void => {
    if (created === undefined) return;
    for (let d = parent; d.length >= created.length; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        return;
      }
    }
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lock, body)) break;
    const holder = readHolder(lock);
    if (holder === undefined) {
      undoParents();
      throw new OutputPathError(out, `${lock} exists and is not a lock this program wrote; if it is yours, delete it`);
    }
    const stale = holder.host === me.host && !processAlive(holder.pid);
    if (!stale || attempt >= 3) {
      undoParents();
      const who = `process ${holder.pid} on ${holder.host}${holder.since === '' ? '' : ` since ${holder.since}`}`;
      throw new OutputPathError(out, `is being written by another sweep (${who}, lock ${lock}); wait for it to finish${holder.host === me.host ? '' : ', or delete the lock if that process is gone'}`);
    }
    // Stale: the holder is dead. Move the lock aside under a name of ours (one process wins the rename),
    // then delete it only if it is still the dead holder's; a live lock moved by mistake goes back.
    const grabbed = tempSibling(lock);
    try {
      renameSync(lock, grabbed);
    } catch {
      continue; // gone already: compete for it again
    }
    const got = readHolder(grabbed);
    if (got === undefined || got.pid !== holder.pid || got.host !== holder.host || got.since !== holder.since) {
      try {
        linkSync(grabbed, lock);
      } catch {
        // a new lock is already there: its holder keeps it
      }
    }
    rmSync(grabbed, { force: true });
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    if (isMine()) rmSync(lock, { force: true });
    undoParents();
  };
  const dispose = onInterrupt(release);
  return () => {
    dispose();
    release();
  };
}
