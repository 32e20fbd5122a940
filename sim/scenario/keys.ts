/**
 * Dotted keys and layering: `demurrage.rate: 0.08` at the top level means `demurrage: {rate: 0.08}`,
 * and mixing both forms for one group merges them. Layers (preset, files, overrides, --set) are
 * merged deep in order, and each leaf remembers which layer set it, so an error can name its source.
 *
 * Pure data plumbing; it knows the schema only through fields.ts (to read YAML numbers written in a
 * text field, such as `calibration: 2009`, as text, and an empty group `bank:` as no overrides).
 */
import { fieldAt, groupAt } from './fields.js';

export type Mapping = Record<string, unknown>;

export const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A problem found while expanding a layer: a dotted path and a text. */
export interface KeyProblem { path: string; text: string }

/** Put `value` at dotted `path` inside `target`, merging mappings; report a leaf given twice. */
function put(target: Mapping, segments: string[], value: unknown, problems: KeyProblem[], done: string[] = []): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const here = [...done, head].join('.');
  // Own keys only: a plain object inherits `toString`, `constructor`... which are no given value.
  const existing = Object.hasOwn(target, head) ? target[head] : undefined;
  if (rest.length > 0) {
    if (existing === undefined) target[head] = {};
    else if (!isMapping(existing)) return void problems.push({ path: here, text: 'given both as a value and as a group of fields' });
    put(target[head] as Mapping, rest, value, problems, [...done, head]);
    return;
  }
  if (existing === undefined) target[head] = isMapping(value) ? {} : value;
  else if (isMapping(existing) !== isMapping(value)) return void problems.push({ path: here, text: 'given both as a value and as a group of fields' });
  else if (!isMapping(value)) return void problems.push({ path: here, text: 'given twice (once as a dotted key, once inside its group)' });
  if (isMapping(value)) for (const [k, v] of Object.entries(value)) put(target[head] as Mapping, [k], v, problems, [...done, head]);
}

/** Expand every dotted key of a mapping (at any depth) into nested mappings. */
export function expandDotted(input: Mapping, problems: KeyProblem[], prefix: string[] = []): Mapping {
  const out: Mapping = {};
  for (const [key, raw] of Object.entries(input)) {
    const segments = key.split('.');
    if (segments.some((s) => s.trim() === '' || s === '__proto__')) {
      const why = segments.includes('__proto__') ? '__proto__ is not a field' : 'an empty name or dotted segment';
      problems.push({ path: prefix.join('.'), text: `malformed key ${JSON.stringify(key)} (${why})` });
      continue;
    }
    const value = isMapping(raw) ? expandDotted(raw, problems, [...prefix, ...segments]) : raw;
    put(out, segments, value, problems, prefix);
  }
  return out;
}

/** Read a YAML number in a text-only field as its text, and an empty group (`bank:`) as {}. */
export function normalize(input: Mapping): Mapping {
  const out: Mapping = {};
  for (const [key, value] of Object.entries(input)) {
    if (groupAt(key)) {
      if (value === null) continue;
      out[key] = isMapping(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(`${key}.${k}`, v)])) : value;
    } else out[key] = asText(key, value);
  }
  return out;
}

function asText(path: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) && fieldAt(path)?.textOnly ? String(value) : value;
}

/**
 * Merge `layer` into `target` (deep for mappings, replace otherwise) and record in `source` which
 * layer set each dotted path it touches (groups too: the last layer to touch a group owns its checks).
 */
export function mergeLayer<L>(target: Mapping, layer: Mapping, label: L, source: Map<string, L>, prefix = ''): void {
  for (const [key, value] of Object.entries(layer)) {
    const path = prefix ? `${prefix}.${key}` : key;
    source.set(path, label);
    if (isMapping(value)) {
      if (!isMapping(target[key])) target[key] = {};
      mergeLayer(target[key] as Mapping, value, label, source, path);
    } else target[key] = value;
  }
}

/** The layer that set `path` (or the nearest enclosing group), if any did. */
export function sourceOf<L>(path: string, source: Map<string, L>): L | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const label = source.get(p);
    if (label !== undefined) return label;
  }
  return undefined;
}
