/**
 * validateMerged(merged, source, fallback) -> Scenario or issues: the schema's verdict on the merged
 * layers, each complaint prefixed with the file or flag that set the value.
 *
 * The schema's cross-field checks (institutions, liked genres, PC ages, the hours of a day, exact sums)
 * are judged only once every field is valid on its own: zod may run them on a value out of its own
 * bounds, so their complaints (marked crossField) are set aside while any field is wrong. To still
 * report everything at once, a failed parse is retried with the bad values left to their defaults, and
 * the cross-field complaints of that retry are added, except in groups where a value was dropped (there
 * the check would judge a default the user did not choose).
 */
import type { z } from 'zod';
import { issueAt, type ScenarioIssue } from './errors.js';
import { isMapping, sourceOf, type Mapping } from './keys.js';
import { issueProblems, type FieldProblem } from './messages.js';
import { ScenarioSchema, type Scenario } from './schema.js';

/** Where a merged value came from: its file, the prefix of its messages, and its place in the order. */
export interface Layer { file: string; where: string; rank: number }

/** An issue with the rank of its layer, so issues can be listed in the order of the layers. */
export interface RankedIssue { rank: number; issue: ScenarioIssue }

export function validateMerged(merged: Mapping, source: Map<string, Layer>, fallback: Layer): { scenario?: Scenario; issues: RankedIssue[] } {
  const first = ScenarioSchema.safeParse(merged, { reportInput: true });
  if (first.success) return { scenario: first.data, issues: [] };
  // zod may also run the cross-field checks on values out of their own bounds (bank.k: 1e300 in the
  // money-days check): with any field wrong on its own, those are left to the retry.
  const own = first.error.issues.filter((i) => !isCrossField(i));
  const problems = (own.length > 0 ? own : first.error.issues).flatMap(issueProblems);
  const dropped = problems.map((p) => p.path);
  const retry = own.length > 0 ? ScenarioSchema.safeParse(without(merged, dropped), { reportInput: true }) : undefined;
  if (retry && !retry.success) {
    const touched = (path: string): boolean => dropped.some((d) => d.split('.')[0] === path.split('.')[0]);
    const crossField = retry.error.issues.filter(isCrossField).flatMap(issueProblems);
    problems.push(...crossField.filter((p) => !touched(p.path)));
  }
  return { issues: problems.map((p: FieldProblem) => {
    const layer = sourceOf(p.path, source) ?? fallback;
    return { rank: layer.rank, issue: issueAt(layer.file, p.path, p.text, layer.where) };
  }) };
}

/** An issue of the schema's cross-field checks (crossFieldIssues), which mark theirs. */
const isCrossField = (i: z.core.$ZodIssue): boolean =>
  i.code === 'custom' && (i as { params?: { crossField?: unknown } }).params?.crossField === true;

/** A deep copy of `data` without the values at the given dotted paths. */
function without(data: Mapping, paths: readonly string[]): Mapping {
  const copy = structuredClone(data);
  for (const path of paths) {
    const segments = path.split('.');
    const last = segments.pop();
    let at: unknown = copy;
    for (const s of segments) at = isMapping(at) ? at[s] : undefined;
    if (isMapping(at) && last !== undefined) delete at[last];
  }
  return copy;
}
