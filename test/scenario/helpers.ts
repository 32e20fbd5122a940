/**
 * Test helpers for the scenario loader: an in-memory file system for `extends`, a temporary folder
 * for the node loader, and the message of a ScenarioError (failing loudly if something else is thrown).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { tempFolder } from '../helpers/tempFolders.js';

/** A loadRef over a map of path -> parsed content, resolving refs like a POSIX path join. */
export function memoryLoader(files: Record<string, unknown>) {
  return (ref: string, from: string): { input: unknown; origin: string } => {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const parts = [...(dir ? dir.split('/') : []), ...ref.split('/')].filter((p) => p !== '.');
    const out: string[] = [];
    for (const p of parts) if (p === '..') out.pop(); else out.push(p);
    const origin = out.join('/');
    if (!(origin in files)) throw new ScenarioError(`${from}: extends: file not found: ${origin}`, from, 'extends');
    return { input: files[origin], origin };
  };
}

/** The ScenarioError `fn` throws (the test fails if it throws anything else or nothing). */
export function scenarioError(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}

/** Write files (path -> text) into a fresh temporary folder (removed when the test file ends) and return the folder. */
export function tempFiles(files: Record<string, string>): string {
  const root = tempFolder('scenario');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
