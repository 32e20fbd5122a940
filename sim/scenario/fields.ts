/**
 * The scenario's fields, read once from the zod schema: every group and every leaf with its dotted
 * path, default, unit, meaning and what it accepts in words.
 *
 * The messages (valid keys, did-you-mean, "expected an integer >= 1"), the dotted-key checks of flags
 * and the generated docs all need this view, and the schema stays the single source of it.
 */
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';

export interface Field {
  /** Dotted path, e.g. 'demurrage.rate'. */
  path: string;
  /** The group's key ('' for a top-level field). */
  group: string;
  default: unknown;
  unit: string;
  description: string;
  /** What it accepts, in words: 'an integer from 1 to 255', 'one of source, 2009, 2020s'. */
  expected: string;
  /** The allowed strings of an option field. */
  options?: readonly string[];
  /** A number field's bounds (the browser's "try it" panel checks them). */
  min?: Bound;
  max?: Bound;
  integer: boolean;
  /** Accepts text only: a YAML number written here is read as its text (calibration: 2009). */
  textOnly: boolean;
}

export interface Group {
  key: string;
  description: string;
  keys: string[];
}

type AnyZod = z.ZodType;

/** Default value and the schema under .default()/.prefault(). */
function unwrap(s: AnyZod): { inner: AnyZod; def: unknown } {
  if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault) return { inner: s.unwrap() as AnyZod, def: s.def.defaultValue };
  return { inner: s, def: undefined };
}

export interface Bound { value: number; inclusive: boolean }
/** The integer flag and the bounds of a number schema, from its checks. */
export function numberChecks(n: z.ZodNumber): { integer: boolean; min?: Bound; max?: Bound } {
  const out: { integer: boolean; min?: Bound; max?: Bound } = { integer: false };
  for (const c of n.def.checks ?? []) {
    const d = c._zod.def as { check: string; value?: unknown; inclusive?: boolean; format?: string };
    if (d.check === 'number_format' && d.format?.includes('int')) out.integer = true;
    if (typeof d.value !== 'number') continue;
    if (d.check === 'greater_than') out.min = { value: d.value, inclusive: d.inclusive ?? false };
    if (d.check === 'less_than') out.max = { value: d.value, inclusive: d.inclusive ?? false };
  }
  return out;
}

function describeNumber(n: z.ZodNumber): string {
  const { integer, min, max } = numberChecks(n);
  const noun = integer ? 'an integer' : 'a number';
  if (min?.inclusive && max?.inclusive) return `${noun} from ${min.value} to ${max.value}`;
  const parts = [min ? `${min.inclusive ? '>=' : '>'} ${min.value}` : '', max ? `${max.inclusive ? '<=' : '<'} ${max.value}` : ''];
  return [noun, parts.filter(Boolean).join(' and ')].filter(Boolean).join(' ');
}

/** What a leaf schema accepts, in words, and its options if it is a choice of strings. */
function describe(s: AnyZod): { expected: string; options?: string[]; integer: boolean; textOnly: boolean; min?: Bound; max?: Bound } {
  if (s instanceof z.ZodNumber) {
    const { integer, min, max } = numberChecks(s);
    return { expected: describeNumber(s), integer, textOnly: false, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  }
  if (s instanceof z.ZodEnum || s instanceof z.ZodLiteral) {
    const options = (s instanceof z.ZodEnum ? s.options : [...s.values]).map(String);
    return { expected: `one of ${options.join(', ')}`, options, integer: false, textOnly: true };
  }
  if (s instanceof z.ZodString) {
    const text = (s.minLength ?? 0) > 0 ? 'a non-empty text' : 'a text';
    return { expected: s.maxLength === null ? text : `${text} of at most ${s.maxLength} characters`, integer: false, textOnly: true };
  }
  if (s instanceof z.ZodUnion) {
    const parts = (s.options as AnyZod[]).map((o) => describe(o));
    const words = parts.map((p) => (p.options?.length === 1 ? `"${p.options[0]}"` : p.expected));
    return { expected: words.join(' or '), integer: false, textOnly: false };
  }
  return { expected: 'a value', integer: false, textOnly: false };
}

function leaf(path: string, group: string, s: AnyZod): Field {
  const { inner, def } = unwrap(s);
  const meta = (z.globalRegistry.get(s) ?? {}) as { unit?: unknown; description?: unknown };
  return {
    path,
    group,
    default: def,
    unit: typeof meta.unit === 'string' ? meta.unit : '',
    description: typeof meta.description === 'string' ? meta.description : (s.description ?? ''),
    ...describe(inner),
  };
}

function build(): { fields: Field[]; groups: Group[]; topKeys: string[] } {
  const fields: Field[] = [];
  const groups: Group[] = [];
  const shape = ScenarioSchema.shape as Record<string, AnyZod>;
  for (const [key, s] of Object.entries(shape)) {
    const { inner } = unwrap(s);
    if (inner instanceof z.ZodObject) {
      const sub = inner.shape as Record<string, AnyZod>;
      groups.push({ key, description: s.description ?? '', keys: Object.keys(sub) });
      for (const [k, f] of Object.entries(sub)) fields.push(leaf(`${key}.${k}`, key, f));
    } else fields.push(leaf(key, '', s));
  }
  return { fields, groups, topKeys: Object.keys(shape) };
}

const built = build();
/** Every leaf field, in schema order. */
export const FIELDS: readonly Field[] = built.fields;
/** Every group (a key whose value is a mapping of fields), in schema order. */
export const GROUPS: readonly Group[] = built.groups;
/** The keys a scenario file may have at its top level ('extends' included). */
export const TOP_KEYS: readonly string[] = ['extends', ...built.topKeys];

const byPath = new Map(FIELDS.map((f) => [f.path, f]));
const groupByKey = new Map(GROUPS.map((g) => [g.key, g]));

export const fieldAt = (path: string): Field | undefined => byPath.get(path);
export const groupAt = (key: string): Group | undefined => groupByKey.get(key);

/** The valid keys under a dotted group path ('' = the top level), or undefined if it is no group. */
export function keysUnder(groupPath: string): readonly string[] | undefined {
  return groupPath === '' ? TOP_KEYS : groupAt(groupPath)?.keys;
}

/** Every path a flag may set: all leaves, and the groups themselves. */
export const ALL_PATHS: readonly string[] = [...FIELDS.map((f) => f.path), ...GROUPS.map((g) => g.key)];

/** The value of a resolved scenario at a field's dotted path (`bank.k` -> scenario.bank.k); undefined if none. */
export function valueAt(scenario: object, path: string): unknown {
  let v: unknown = scenario;
  for (const part of path.split('.')) v = typeof v === 'object' && v !== null && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}
