/**
 * ReportError: what `abundance report` and `abundance publish` throw when their input is wrong (no such
 * folder, a folder that is not a run, comparison or sweep, a malformed sweep.json or claims.json). The
 * CLI prints the message and exits 2; nothing has been written by then, since every input is read and
 * checked before the first file is touched.
 *
 * `zodLines` words zod's issues as the scenario loader does: `<file>: <field path>: expected ..., got
 * ...`, with a did-you-mean for a mistyped choice.
 */
import type { z } from 'zod';
import { quoteChoices, show } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';

export class ReportError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** `claims[0].tests[1].n` from zod's path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

type Issue = z.core.$ZodIssue & { input?: unknown };

function issueText(issue: Issue): string {
  const got = issue.input === undefined ? 'nothing (the field is missing)' : show(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}, got ${got}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? closest(issue.input, options) : [];
      return `expected ${quoteChoices(options)}, got ${got}${guess.length > 0 ? `; did you mean ${quoteChoices(guess)}?` : ''}`;
    }
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'a list of at least' : 'at least'} ${String(issue.minimum)}, got ${got}`;
    default:
      return `${issue.message}, got ${got}`;
  }
}

/** One line per issue, each naming the file and the field. */
export function zodLines(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = pathText(issue.path);
    return `${file}: ${path === '' ? '' : `${path}: `}${issueText(issue as Issue)}`;
  });
}

/** Parse `data` with `schema`, or throw a ReportError listing every issue (at most 10). */
export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const lines = zodLines(file, r.error);
  const more = lines.length > 10 ? [`... and ${lines.length - 10} more`] : [];
  throw new ReportError([...lines.slice(0, 10), ...more].join('\n'));
}
