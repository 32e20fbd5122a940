/** Test helper: every file under a folder with its bytes, to check two folders byte for byte. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Relative path (with `/`) -> bytes of every file under `dir`, but the names in `except`. */
export function fileBytes(dir: string, except: readonly string[] = ['timings.json']): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort()) {
    if (except.includes(rel) || !statSync(join(dir, rel)).isFile()) continue;
    out.set(rel, readFileSync(join(dir, rel)));
  }
  return out;
}

/** The files that differ between two folders (missing on one side, or other bytes); [] when identical. */
export function treeDiff(a: string, b: string, except?: readonly string[]): string[] {
  const x = fileBytes(a, except);
  const y = fileBytes(b, except);
  const names = [...new Set([...x.keys(), ...y.keys()])].sort();
  return names.filter((n) => !(x.get(n)?.equals(y.get(n) ?? Buffer.alloc(0)) === true && y.has(n)));
}
