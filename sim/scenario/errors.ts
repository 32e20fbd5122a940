/**
 * ScenarioError: the one error type the scenario loader throws, and the helpers that word its lines.
 *
 * A user who mistypes a scenario should learn everything wrong with it in one go, so an error carries
 * all issues of a file, one per line, each naming the file (or flag), the dotted field path, what was
 * expected and what was found. The CLI prints `message` and exits with `exitCode`.
 */

/** One thing wrong with a scenario: where it came from, which field, and the line to print. */
export interface ScenarioIssue {
  /** The scenario file the issue belongs to (for a flag: the file the flag was applied to). */
  file: string;
  /** Dotted field path, '' for the file as a whole. */
  fieldPath: string;
  /** The full line, already prefixed with the file or flag. */
  line: string;
}

export class ScenarioError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    public readonly file: string,
    public readonly fieldPath: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** One error out of several issues: the message has one line per issue; file and path are the first's. */
export function errorOf(issues: readonly ScenarioIssue[]): ScenarioError {
  const first = issues[0];
  if (!first) return new ScenarioError('invalid scenario', '', '');
  return new ScenarioError(issues.map((i) => i.line).join('\n'), first.file, first.fieldPath);
}

/** An issue whose line reads `<where>: <fieldPath>: <text>` (the path is left out when empty). */
export function issueAt(file: string, fieldPath: string, text: string, where: string = file): ScenarioIssue {
  return { file, fieldPath, line: fieldPath ? `${where}: ${fieldPath}: ${text}` : `${where}: ${text}` };
}

/** A value as the user would have written it in YAML: strings quoted, .inf and .nan for the odd numbers. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (value === null) return 'null (nothing)';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list (${value.length} ${value.length === 1 ? 'item' : 'items'})`;
  if (typeof value === 'object') return `a mapping {${Object.keys(value).slice(0, 5).join(', ')}}`;
  return String(value);
}

/** Up to a few candidates, quoted and joined with "or": `"a" or "b"`. */
export function quoteChoices(choices: readonly string[]): string {
  return choices.map((c) => `"${c}"`).join(' or ');
}
