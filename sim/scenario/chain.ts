/**
 * The `extends` chain of a scenario: from the file, through the files it extends, up to a preset.
 *
 * `extends: gift` names a preset; `extends: ./base.yaml` names a file, read through the caller's
 * `loadRef` (the core has no file system: the node loader in file.ts passes one, a browser may pass
 * its own). A file without `extends` builds on the default preset. Cycles and runaway chains stop
 * with a message that shows the whole loop.
 */
import { ScenarioError, errorOf, issueAt, show } from './errors.js';
import { isMapping, type Mapping } from './keys.js';
import { DEFAULT_PRESET, PLANNED_PRESETS, PRESET_NAMES } from './presets.js';
import { closest } from './suggest.js';

/** Reads the file an `extends` path names, relative to the file that names it. */
export type LoadRef = (ref: string, fromOrigin: string) => { input: unknown; origin: string };

/** One file of the chain: its fields (without `extends`) and where it came from. */
export interface ChainFile { fields: Mapping; origin: string }

/** Longer chains than this are surely a mistake (a loop through differently spelled paths). */
const MAX_DEPTH = 32;

const fail = (file: string, path: string, text: string): ScenarioError => errorOf([issueAt(file, path, text)]);

/** An `extends` value that names a file rather than a preset. */
export const looksLikePath = (ref: string): boolean => /[/\\]/.test(ref) || ref.startsWith('.') || /\.(ya?ml|json)$/i.test(ref);

/** The message for a name that is no preset: planned, a near miss, or simply unknown. */
export function unknownPresetText(name: string): string {
  const known = `known presets: ${PRESET_NAMES.join(', ')}`;
  if (PLANNED_PRESETS.includes(name)) return `preset "${name}" is not available yet (${known})`;
  const guess = closest(name, PRESET_NAMES);
  const mean = guess.length ? `; did you mean ${guess.map((g) => `"${g}"`).join(' or ')}?` : '';
  return `unknown preset "${name}"${mean} (${known}; a file path needs ./ or a .yaml extension)`;
}

/** A file's parsed content as a mapping: an empty file is {}; a list or a scalar is an error. */
export function asMapping(input: unknown, origin: string): Mapping {
  if (input === null || input === undefined) return {};
  if (isMapping(input)) return input;
  // A text is said by its length only: the file may be no scenario at all, and its content is not ours to echo.
  const got = typeof input === 'string' ? `a text of ${input.length} characters` : show(input);
  throw fail(origin, '', `expected a mapping of scenario fields (key: value lines), got ${got}`);
}

/** Follow `extends` from the file to a preset; the files come back root first. */
export function collectChain(input: unknown, origin: string, loadRef?: LoadRef): { files: ChainFile[]; preset: string } {
  const files: ChainFile[] = [];
  const seen: string[] = [];
  let current = { input, origin };
  while (seen.length < MAX_DEPTH) {
    seen.push(current.origin);
    const { extends: ref, ...fields } = asMapping(current.input, current.origin);
    files.unshift({ fields, origin: current.origin });
    if (ref === undefined) return { files, preset: DEFAULT_PRESET };
    if (typeof ref !== 'string' || ref.trim() === '') {
      throw fail(current.origin, 'extends', `expected a preset name (${PRESET_NAMES.join(', ')}) or a file path (.yaml, .yml, .json), got ${show(ref)}`);
    }
    if (PRESET_NAMES.includes(ref)) return { files, preset: ref };
    if (!looksLikePath(ref)) throw fail(current.origin, 'extends', unknownPresetText(ref));
    if (!loadRef) throw fail(current.origin, 'extends', `"${ref}" is a file path, but no file loader was given; presets: ${PRESET_NAMES.join(', ')}`);
    current = load(loadRef, ref, current.origin);
    if (seen.includes(current.origin)) {
      throw fail(seen.at(-1) ?? origin, 'extends', `cycle: ${[...seen, current.origin].join(' -> ')}`);
    }
  }
  throw fail(origin, 'extends', `a chain of more than ${MAX_DEPTH} files: ${seen.join(' -> ')}`);
}

function load(loadRef: LoadRef, ref: string, from: string): { input: unknown; origin: string } {
  try {
    return loadRef(ref, from);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw fail(from, 'extends', `cannot load "${ref}": ${error instanceof Error ? error.message : String(error)}`);
  }
}
