/**
 * The forms a swept key's values may take in a sweep file (docs/sweeps.md), expanded to a list:
 *
 *   bank.k: [7, 30, 90]                                   a bare list
 *   bank.k: { values: [7, 30, 90] }                       the same, spelled out
 *   demurrage.rate: { linspace: [0, 0.12, 4] }            n evenly spaced values, both ends included
 *   demurrage.rate: { arange: [0, 0.12, 0.04] }           from, from + step, ... with `to` excluded
 *   pricing.mu0: { sample: { n: 8, from: 0.01, to: 0.2, scale: log-uniform } }   random draws
 *
 * Generated numbers are rounded to 12 significant digits (so 0.1 + 0.2 is 0.3, not float noise) and
 * samples to 6 (what runs.csv shows is exactly what ran); on an integer field they are rounded to whole
 * numbers and repeats dropped. A sample is drawn from the stream `sweep/<base seed>/sample/<key>`, so it
 * depends on the file's base seed and the key alone. Pure: the caller checks values against the schema.
 */
import seedrandom from 'seedrandom';
import { quoteChoices, show } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import { isMapping } from '../scenario/keys.js';

/** A problem at a dotted path of the sweep file (`sweep.bank.k.values[0]`). */
export interface SweepProblem { path: string; text: string }

/** One expanded value and where it came from, so a bad value can be named by its place in the file. */
export interface FormValue { value: unknown; at: string }

/** The most values one key may take: a limit on everything, against a typo such as `n: 1e9`. */
export const MAX_VALUES = 10_000;

export const FORM_KEYS = ['values', 'linspace', 'arange', 'sample'] as const;
const SAMPLE_KEYS = ['n', 'from', 'to', 'scale'] as const;
export const SCALES = ['uniform', 'log-uniform'] as const;
export type Scale = (typeof SCALES)[number];

/** `v` as a scale, or a problem at `at` (with a did-you-mean) and undefined. */
export function checkScale(v: unknown, at: string, problems: SweepProblem[]): Scale | undefined {
  if ((SCALES as readonly unknown[]).includes(v)) return v as Scale;
  const guess = typeof v === 'string' ? closest(v, SCALES) : [];
  problems.push({ path: at, text: `expected one of ${SCALES.join(', ')}, got ${show(v)}${guess.length ? `; did you mean ${quoteChoices(guess)}?` : ''}` });
  return undefined;
}

/** The value at u in [0, 1] of [lo, hi], uniform or on the logs, to 6 digits and kept inside [lo, hi]
 * (six digits may round up to `hi` itself). */
export function scaledValue(u: number, lo: number, hi: number, scale: Scale): number {
  const x = scale === 'log-uniform' ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
  return Math.min(Math.max(tidy(x, 6), lo), hi);
}

/** Round away float noise: 0.30000000000000004 -> 0.3. */
export const tidy = (x: number, digits = 12): number => {
  const r = Number(x.toPrecision(digits));
  return r === 0 ? 0 : r;
};

export interface ExpandContext {
  /** The dotted scenario key (`bank.k`). */
  key: string;
  /** Where the entry sits in the file (`sweep.bank.k`). */
  path: string;
  /** The file's base seed (for `sample`). */
  baseSeed: number;
  /** The field takes whole numbers only. */
  integer: boolean;
}

/** Expand one entry; problems are pushed, and the values found so far returned. */
export function expandForm(raw: unknown, ctx: ExpandContext, problems: SweepProblem[]): FormValue[] {
  if (Array.isArray(raw)) return listValues(raw, ctx.path, problems);
  if (!isMapping(raw)) {
    problems.push({ path: ctx.path, text: `expected a list of values or one of {values: [...]}, {linspace: [from, to, n]}, {arange: [from, to, step]}, {sample: {n, from, to, scale}}, got ${show(raw)} (a value that stays fixed goes at the top level, outside sweep)` });
    return [];
  }
  const keys = Object.keys(raw);
  const unknown = keys.filter((k) => !(FORM_KEYS as readonly string[]).includes(k));
  for (const k of unknown) {
    const guess = closest(k, FORM_KEYS);
    problems.push({ path: `${ctx.path}.${k}`, text: `unknown form${guess.length ? `; did you mean ${guess.map((g) => `"${g}"`).join(' or ')}?` : ''} Forms: ${FORM_KEYS.join(', ')}.` });
  }
  const forms = keys.filter((k) => (FORM_KEYS as readonly string[]).includes(k));
  if (forms.length > 1) {
    problems.push({ path: ctx.path, text: `give one form, not ${forms.length} (${forms.join(', ')})` });
    return [];
  }
  const form = forms[0];
  if (form === undefined) {
    if (unknown.length === 0) problems.push({ path: ctx.path, text: `expected one of ${FORM_KEYS.join(', ')}, got an empty mapping` });
    return [];
  }
  const at = `${ctx.path}.${form}`;
  const body = raw[form];
  switch (form) {
    case 'values': return Array.isArray(body) ? listValues(body, at, problems) : (problems.push({ path: at, text: `expected a list of values, got ${show(body)}` }), []);
    case 'linspace': return generated(linspace(body, at, problems), at, ctx.integer);
    case 'arange': return generated(arange(body, at, problems), at, ctx.integer);
    case 'sample': return generated(sample(body, at, ctx, problems), at, ctx.integer);
  }
  return [];
}

/** A written list: every item a value, at least one, at most MAX_VALUES, none twice. */
function listValues(list: unknown[], at: string, problems: SweepProblem[]): FormValue[] {
  if (list.length === 0) problems.push({ path: at, text: 'expected at least one value, got an empty list' });
  if (list.length > MAX_VALUES) {
    problems.push({ path: at, text: `expected at most ${MAX_VALUES} values, got ${list.length}` });
    return [];
  }
  const out: FormValue[] = [];
  list.forEach((value, i) => {
    const first = list.findIndex((v) => v === value);
    if (first < i) problems.push({ path: `${at}[${i}]`, text: `${show(value)} is already ${at}[${first}]; each value once` });
    else out.push({ value, at: `${at}[${i}]` });
  });
  return out;
}

/** Numbers of a generated form, rounded to integers for an integer field, repeats dropped. */
function generated(values: number[], at: string, integer: boolean): FormValue[] {
  const seen = new Set<number>();
  const out: FormValue[] = [];
  values.forEach((x, i) => {
    const v = integer ? Math.round(x) : x;
    if (seen.has(v)) return;
    seen.add(v);
    out.push({ value: v, at: `${at} (value ${i + 1} of ${values.length})` });
  });
  return out;
}

/** A finite number at `at`, or a problem. */
function finite(x: unknown, at: string, what: string, problems: SweepProblem[]): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  problems.push({ path: at, text: `expected ${what} (a finite number), got ${show(x)}` });
  return undefined;
}

/** A count n: an integer from 1 to MAX_VALUES. */
function count(x: unknown, at: string, problems: SweepProblem[]): number | undefined {
  if (typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= MAX_VALUES) return x;
  problems.push({ path: at, text: `expected an integer from 1 to ${MAX_VALUES}, got ${show(x)}` });
  return undefined;
}

/** `[a, b, c]` with exactly three items, or a problem. */
function triple(body: unknown, at: string, names: string, problems: SweepProblem[]): [unknown, unknown, unknown] | undefined {
  if (Array.isArray(body) && body.length === 3) return [body[0], body[1], body[2]];
  problems.push({ path: at, text: `expected [${names}], got ${show(body)}` });
  return undefined;
}

/** n evenly spaced numbers from `from` to `to`, both included (n = 1 gives [from]). */
export function linspace(body: unknown, at: string, problems: SweepProblem[]): number[] {
  const t = triple(body, at, 'from, to, n', problems);
  if (!t) return [];
  const from = finite(t[0], `${at}[0]`, 'from', problems);
  const to = finite(t[1], `${at}[1]`, 'to', problems);
  const n = count(t[2], `${at}[2]`, problems);
  if (from === undefined || to === undefined || n === undefined) return [];
  if (n === 1) return [tidy(from)];
  return Array.from({ length: n }, (_, i) => tidy(i === n - 1 ? to : from + ((to - from) * i) / (n - 1)));
}

/** from, from + step, ... while short of `to` (excluded, as numpy's arange); step may be negative. */
export function arange(body: unknown, at: string, problems: SweepProblem[]): number[] {
  const t = triple(body, at, 'from, to, step', problems);
  if (!t) return [];
  const from = finite(t[0], `${at}[0]`, 'from', problems);
  const to = finite(t[1], `${at}[1]`, 'to', problems);
  const step = finite(t[2], `${at}[2]`, 'step', problems);
  if (from === undefined || to === undefined || step === undefined) return [];
  if (step === 0) return void problems.push({ path: `${at}[2]`, text: 'expected a step other than 0, got 0' }), [];
  const q = (to - from) / step;
  // A quotient a hair above a whole number (float steps: 0.3 / 0.1) must not add `to` itself.
  const n = Math.ceil(q - 1e-9 * Math.max(1, Math.abs(q)));
  if (n < 1) return void problems.push({ path: at, text: `no values: from ${from} to ${to} by ${step} is empty (to is excluded)` }), [];
  if (n > MAX_VALUES) return void problems.push({ path: at, text: `expected at most ${MAX_VALUES} values, got ${n}` }), [];
  return Array.from({ length: n }, (_, i) => tidy(from + i * step));
}

/** n draws from [from, to), uniform or log-uniform, from the stream of the base seed and the key. */
export function sample(body: unknown, at: string, ctx: Pick<ExpandContext, 'key' | 'baseSeed'>, problems: SweepProblem[]): number[] {
  if (!isMapping(body)) return void problems.push({ path: at, text: `expected {n, from, to, scale}, got ${show(body)}` }), [];
  for (const k of Object.keys(body)) {
    if ((SAMPLE_KEYS as readonly string[]).includes(k)) continue;
    const guess = closest(k, SAMPLE_KEYS);
    problems.push({ path: `${at}.${k}`, text: `unknown key${guess.length ? `; did you mean ${quoteChoices(guess)}?` : '.'} Keys of sample: ${SAMPLE_KEYS.join(', ')}.` });
  }
  const n = count(body['n'], `${at}.n`, problems);
  const from = finite(body['from'], `${at}.from`, 'from', problems);
  const to = finite(body['to'], `${at}.to`, 'to', problems);
  const scale = checkScale(body['scale'] ?? 'uniform', `${at}.scale`, problems);
  if (scale === undefined) return [];
  if (n === undefined || from === undefined || to === undefined) return [];
  if (!(from < to)) return void problems.push({ path: at, text: `expected from < to, got from ${from}, to ${to}` }), [];
  if (scale === 'log-uniform' && !(from > 0)) return void problems.push({ path: `${at}.from`, text: `log-uniform needs from > 0, got ${from}` }), [];
  const rng = seedrandom.alea(`sweep/${ctx.baseSeed}/sample/${ctx.key}`);
  return Array.from({ length: n }, () => scaledValue(rng(), from, to, scale));
}
