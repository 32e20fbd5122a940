/**
 * Test helper: a fresh temporary folder that is removed when its test file ends, passed or failed.
 * vitest evaluates a test file's imports while it collects that file's tests (each file in its own
 * module graph), so the `afterAll` below is registered on the file's root suite and removes the folders
 * made for that file. Before it, `npm test` left about a hundred `abundance-*` folders in the system's
 * temporary folder at every run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder `abundance-<tag>-XXXXXX` in the system's temporary folder, removed after the file's tests. */
export function tempFolder(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `abundance-${tag}-`));
  made.push(dir);
  return dir;
}
