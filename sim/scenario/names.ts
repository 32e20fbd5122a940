/**
 * Names that become folder names: a scenario's `name` (runs/<name>-s<seed>, and a sweep's preset label
 * when it extends a file) and a sweep file's `name` (runs/<name>). One home for the rule, so the schema
 * and the sweep file say the same thing.
 *
 * The rule: some text, at most MAX_NAME_LENGTH characters, no `/` or `\` (a name is one folder, not a
 * path), not `.` or `..`, and printable (no control, format or unassigned characters, which a file
 * system may refuse or a terminal may act on). Measured: a 300-character name made `abundance run`
 * fail with ENAMETOOLONG after creating runs/ (exit 1), since most file systems allow 255 bytes per
 * folder name; 200 leaves room for `-s<seed>` and the sweep's `-<point id>` parts. Pure: no node import.
 */
import { show } from './errors.js';

/** Longest name: a folder name is at most 255 bytes on ext4, APFS and NTFS; see the module comment. */
export const MAX_NAME_LENGTH = 200;

/** What is wrong with `name` as a folder name, in the words of a message, or undefined if nothing. */
export function folderNameProblem(name: string): string | undefined {
  if (name.trim() === '') return `expected a non-empty text, got ${show(name)}`;
  // UTF-16 units, as zod's max() counts them, so the schema and a sweep file agree on a name's length.
  if (name.length > MAX_NAME_LENGTH) return `expected at most ${MAX_NAME_LENGTH} characters (it becomes a folder name), got ${name.length}`;
  if (/[/\\]/.test(name)) return `expected a name without / or \\ (it becomes one folder name, not a path), got ${show(name)}`;
  if (name === '.' || name === '..') return `expected a name other than "${name}" (it becomes a folder name)`;
  const bad = [...name].find((c) => /\p{C}/u.test(c));
  if (bad !== undefined) return `expected printable characters, got U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (a control or unprintable character; it becomes a folder name)`;
  return undefined;
}

/**
 * A name as a folder: letters, digits, dot, dash and underscore kept, runs of others made one `-`;
 * `fallback` when nothing (or only dots, which would name this or the parent folder) is left.
 */
export function folderSafe(name: string, fallback: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe === '' || /^\.+$/.test(safe) ? fallback : safe;
}
