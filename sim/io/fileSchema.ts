/**
 * Reading an output file back through its zod schema, with errors worded as the scenario loader words
 * them: `<file>: <field path>: expected ..., got ...`, with a did-you-mean for a mistyped choice. Every
 * reader of sim/io uses it, so a damaged manifest.json, sweep.json or claims.json is reported the same
 * way by `report`, `compare` and `sweep --resume`.
 */
import type { z } from 'zod';
import { quoteChoices, show } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';

/** `claims[0].tests[1].n` from zod's path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

type Issue = z.core.$ZodIssue & { input?: unknown };

function issueText(issue: Issue): string {
  const got = issue.input === undefined ? 'nothing (the field is missing)' : show(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}, got ${got}`;
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

/** `data` parsed by `schema`, or an Error listing every issue (at most 10), each naming `file` and the field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const lines = zodLines(file, r.error);
  const more = lines.length > 10 ? [`... and ${lines.length - 10} more`] : [];
  throw new Error([...lines.slice(0, 10), ...more].join('\n'));
}

/** JSON text parsed by `schema`; an Error naming `file` when it is not JSON or not of the schema. */
export function parseJsonWith<S extends z.ZodType>(schema: S, text: string, file: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseWith(schema, data, file);
}
