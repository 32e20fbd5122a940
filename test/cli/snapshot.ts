/**
 * Test helper: everything under a folder as `relative path -> kind, size, sha256`, to assert that a
 * command changed nothing the user had (symlinks are recorded, never followed).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export type Snapshot = Record<string, string>;

export function snapshot(dir: string, prefix = ''): Snapshot {
  const out: Snapshot = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    const st = lstatSync(path);
    if (st.isSymbolicLink()) out[rel] = `link -> ${readlinkSync(path)}`;
    else if (st.isDirectory()) {
      out[rel] = 'dir';
      Object.assign(out, snapshot(path, rel));
    } else if (st.isFile()) out[rel] = `file ${st.size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    else out[rel] = `other ${st.mode.toString(8)}`;
  }
  return out;
}

/** The entries of `snap` outside `under` (a relative path): what a command must leave alone. */
export function outside(snap: Snapshot, under: string | undefined): Snapshot {
  if (under === undefined) return snap;
  return Object.fromEntries(Object.entries(snap).filter(([k]) => k !== under && !k.startsWith(`${under}/`)));
}
