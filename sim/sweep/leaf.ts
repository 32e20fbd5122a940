/**
 * One swept value against the scenario schema, on its own: `bank.k: -1` is wrong whatever else the
 * run has, so it is reported at its place in the sweep file (`sweep.bank.k.values[0]: expected a
 * number >= 1, got -1`) before anything is resolved or run. The words are the scenario loader's
 * (sim/scenario/messages.ts), so a sweep file and a scenario file complain alike.
 *
 * Checks that need the whole scenario (liked genres <= genres, institutions) are left to resolving
 * every run's scenario (sim/sweep/plan.ts).
 */
import { z } from 'zod';
import { fieldAt } from '../scenario/fields.js';
import { issueProblems } from '../scenario/messages.js';
import { ScenarioSchema } from '../scenario/schema.js';

const unwrapped = (s: z.ZodType): z.ZodType => (s instanceof z.ZodDefault || s instanceof z.ZodPrefault ? (s.unwrap() as z.ZodType) : s);

/** The schema of the leaf at a dotted path (with its default), or undefined if there is none. */
export function leafSchema(path: string): z.ZodType | undefined {
  if (fieldAt(path) === undefined) return undefined;
  const segments = path.split('.');
  let at: z.ZodType | undefined = ScenarioSchema;
  for (const s of segments) {
    const inner: z.ZodType | undefined = at === undefined ? undefined : unwrapped(at);
    at = inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>)[s] : undefined;
  }
  return at;
}

/** A value as the schema reads it: a YAML number in a text field (`calibration: 2009`) is its text. */
export function normalizeValue(path: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) && fieldAt(path)?.textOnly ? String(value) : value;
}

/** What is wrong with `value` for the field at `path` (texts such as `expected a number >= 1, got -1`). */
export function checkLeafValue(path: string, value: unknown): string[] {
  const schema = leafSchema(path);
  if (schema === undefined) return [`${path} is not a scenario field`];
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return [];
  const segments = path.split('.');
  return parsed.error.issues.flatMap((issue) => issueProblems({ ...issue, path: [...segments, ...issue.path] } as Parameters<typeof issueProblems>[0]).map((p) => p.text));
}
