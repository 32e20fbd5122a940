/**
 * The words of every scenario complaint: zod issues become `<field path>: expected ..., got ...`, and
 * an unknown key gets a did-you-mean and the valid keys of its group.
 *
 * Like vega-lite's `log/message.ts`, the messages live in one place so they read alike. Nothing here
 * knows files or flags: the resolver prefixes each text with where the value came from.
 */
import type { z } from 'zod';
import { quoteChoices, show } from './errors.js';
import { ALL_PATHS, fieldAt, groupAt, keysUnder } from './fields.js';
import { closest } from './suggest.js';

/** One complaint about one field: the dotted path and the text after it. */
export interface FieldProblem { path: string; text: string }

const lastSegment = (p: string): string => p.slice(p.lastIndexOf('.') + 1);
const join = (group: string, key: string): string => (group ? `${group}.${key}` : key);

/**
 * Where the user probably meant an unknown key to go, as full dotted paths: a near key in the same
 * group first, then the same key in another group (`rate` -> `demurrage.rate`), then a near one there.
 */
export function suggestPath(group: string, key: string): string[] {
  if (key.includes('.')) {
    const whole = closest(join(group, key), ALL_PATHS);
    if (whole.length) return whole;
  }
  const here = (keysUnder(group) ?? []).map((k) => join(group, k));
  const elsewhere = ALL_PATHS.filter((p) => !here.includes(p));
  const near = (list: string[], exactOnly: boolean): string[] =>
    closest(key, list, 3, lastSegment).filter((p) => !exactOnly || lastSegment(p).toLowerCase() === key.toLowerCase());
  for (const [list, exactOnly] of [[here, true], [elsewhere, true], [here, false], [elsewhere, false]] as const) {
    const found = near(list, exactOnly);
    if (found.length) return found;
  }
  return [];
}

/** The valid keys where an unknown key was found, for the end of its message. */
export function validKeysText(group: string): string {
  const keys = keysUnder(group);
  if (!keys) return '';
  return group ? ` Valid keys of ${group}: ${keys.join(', ')}.` : ` Valid top-level keys: ${keys.join(', ')}.`;
}

/** `unknown key; did you mean "demurrage"?` plus the valid keys of the group. */
export function unknownKeyText(group: string, key: string): string {
  const guess = suggestPath(group, key);
  const sweep = group === '' && SWEEP_KEYS.includes(key) ? `; ${key} belongs in a sweep file (a scenario file is one run)` : '';
  return `unknown key${sweep}${guess.length ? `; did you mean ${quoteChoices(guess)}?` : '.'}${validKeysText(group)}`;
}

/** Keys of sweep files (MODEL.md section 11), which a one-run scenario file does not take. */
const SWEEP_KEYS: readonly string[] = ['compare', 'seeds', 'sweep'];

/** A mapping given to a plain field (`agents: {cpuRichShare: 0.4}`): where its keys belong. */
function misplacedGroup(input: unknown): string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return '';
  const guesses = [...new Set(Object.keys(input).flatMap((k) => suggestPath('', k)))].slice(0, 3);
  return guesses.length ? `; did you mean ${quoteChoices(guesses)}?` : '';
}

type Issue = z.core.$ZodIssue & { input?: unknown; received?: unknown };

/** What was found: the input when zod kept it, or zod's name for it (Infinity, NaN). */
function found(issue: Issue): string {
  if (issue.received === 'Infinity') return '.inf';
  if (issue.received === 'NaN') return '.nan';
  return show(issue.input);
}

function expectedAt(path: string): string {
  const field = fieldAt(path);
  if (field) return field.expected;
  const group = groupAt(path);
  return group ? `a group of fields (${group.keys.join(', ')})` : 'a mapping of scenario fields';
}

/** The text of one zod issue at its dotted path; several for several unknown keys. */
export function issueProblems(issue: Issue): FieldProblem[] {
  const path = issue.path.map(String).join('.');
  const field = fieldAt(path);
  const got = found(issue);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: join(path, key), text: unknownKeyText(path, key) }));
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? ` (${issue.input.length} characters)` : '';
        return [{ path, text: `expected ${expectedAt(path)}, got ${got}${length}` }];
      }
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      // Both bounds, so the user sees the whole range at once (bank.emaDays: a number from 1 to 3650).
      if (field) return [{ path, text: `expected ${field.expected}, got ${got}` }];
      // No field known (a nested path of no scenario field): the side that was crossed.
      return [{ path, text: `expected a number ${op} ${String(bound)}, got ${got}` }];
    }
    case 'invalid_type':
      if (issue.received === 'Infinity' || issue.received === 'NaN') return [{ path, text: `expected a finite number, got ${got}` }];
      if (issue.expected === 'int') return [{ path, text: `expected an integer, got ${got}` }];
      return [{ path, text: `expected ${expectedAt(path)}, got ${got}${misplacedGroup(field ? issue.input : undefined)}` }];
    case 'invalid_value':
    case 'invalid_union': {
      const options = field?.options;
      const guess = options && typeof issue.input === 'string' ? closest(issue.input, options) : [];
      const mean = guess.length ? `; did you mean ${quoteChoices(guess)}?` : '';
      return [{ path, text: `expected ${expectedAt(path)}, got ${got}${mean}` }];
    }
    case 'custom':
      return [{ path, text: issue.message }];
    default:
      return [{ path, text: `${issue.message}, got ${got}` }];
  }
}

