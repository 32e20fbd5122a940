/**
 * The sweep files the viability scan writes (MODEL.md section 9): the claims file and its small copy,
 * each the file it replaces (or the project's own) with its `sensitivity` set to the chosen values and a
 * comment block on top that shows the scan's table, why each value was kept, and the command that
 * made it. The block's first line is SCAN_MARKER, by which the scan knows a file as its own.
 *
 *   sweepFileText(template, sensitivity, comment) -> text   (YAML; sequences in flow style)
 *   scanComment(summary, protocol)                -> comment lines (scanResult: the table and the choice)
 *   overwriteProblem(path, existing, ownPaths)    -> why a file may not be replaced, or undefined
 *
 * Pure: sim/cli/scanDirections.ts reads the templates and writes the files.
 */
import { Document, visit } from 'yaml';
import type { Mapping } from '../scenario/keys.js';
import { FIXED_DIRECTIONS, type DirectionChoice } from './scan.js';

/** The first line of every file the scan writes. */
export const SCAN_MARKER = '# Written by abundance scan-directions';

/** A key of `sensitivity` with its values in the order written. */
export interface SensitivityKey { key: string; values: readonly unknown[] }

/** What the scan ran and what it chose, for the comment block. */
export interface ScanSummary {
  /** The command line that made the files. */
  command: string;
  presets: readonly string[];
  baseSeed: number;
  replicates: number;
  /** The scan's seeds, replicateSeed(baseSeed, r). */
  seeds: readonly number[];
  /** Seeds the scan shares with the claims file (MODEL.md wants none). */
  sharedSeeds: readonly number[];
  agents: number;
  days: number;
  /** Each scanned key's value at the claims' defaults. */
  defaults: Readonly<Record<string, number>>;
  choices: readonly DirectionChoice[];
}

/** The sweep file as the claims protocol runs it. */
export interface ProtocolText { name: string; presets: readonly string[]; replicates: number; baseSeed: number; agents: number; days: number; points: number; path: string }

/** The `sensitivity` the claims sweep runs: the scanned keys with their chosen values, then the fixed ones, then the template's others. */
export function sensitivityOf(choices: readonly DirectionChoice[], others: readonly SensitivityKey[] = []): SensitivityKey[] {
  const ours = [...choices.map((c) => ({ key: c.key, values: c.values })), ...FIXED_DIRECTIONS];
  return [...ours, ...others.filter((o) => !ours.some((k) => k.key === o.key))].filter((k) => k.values.length > 0);
}

/**
 * The template's keys in their order with `sensitivity` (nested or dotted) replaced by `sensitivity`,
 * as YAML under the comment lines. Keys with no values are left out (a sweep file has no empty lists).
 */
export function sweepFileText(template: Mapping, sensitivity: readonly SensitivityKey[], comment: readonly string[]): string {
  const body: Mapping = {};
  const section = Object.fromEntries(sensitivity.filter((s) => s.values.length > 0).map((s) => [s.key, [...s.values]]));
  for (const [key, value] of Object.entries(template)) {
    if (key === 'sensitivity' || key.startsWith('sensitivity.')) body['sensitivity'] ??= section;
    else body[key] = value;
  }
  if (Object.keys(section).length > 0) body['sensitivity'] ??= section;
  else delete body['sensitivity'];
  const doc = new Document(body);
  visit(doc, { Seq: (_, node) => void (node.flow = true) });
  return `${comment.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}

const list = (xs: readonly unknown[]): string => xs.map(String).join(', ');
const thousands = (n: number): string => n.toLocaleString('en-US');

/** The scan's table: one row per key and value, one column per preset (viable runs / runs). */
export function scanTable(s: ScanSummary): string[] {
  const head = `| key | value | ${s.presets.join(' | ')} | passes | kept, and why |`;
  const rule = `|---|---|${s.presets.map(() => '---:').join('|')}|---|---|`;
  const rows = s.choices.flatMap((c) => c.decisions.map((d) => {
    const value = d.candidate.factor === undefined ? String(d.candidate.value) : `${d.candidate.value} (${d.candidate.factor} of ${s.defaults[c.key] ?? '?'})`;
    const cells = s.presets.map((p) => (d.cells[p] === undefined ? '-' : `${d.cells[p].viable}/${d.cells[p].runs}`));
    return `| ${c.key} | ${value} | ${cells.join(' | ')} | ${d.passes ? 'yes' : 'no'} | ${d.chosen ? '**kept**: ' : ''}${d.why} |`;
  }));
  return [head, rule, ...rows];
}

/** The comment block of a file the scan writes, SCAN_MARKER first (without the leading `# `). */
export function scanComment(s: ScanSummary, p: ProtocolText): string[] {
  const years = (s.days / 365).toFixed(1).replace(/\.0$/, '');
  const runs = p.presets.length * p.points * p.replicates;
  const seedsText = s.sharedSeeds.length === 0
    ? "none of them a seed of the claims file (MODEL.md: seeds disjoint from the claims')"
    : `sharing ${list(s.sharedSeeds)} with the claims file, though MODEL.md asks for seeds disjoint from the claims'`;
  return [
    `${SCAN_MARKER.slice(2)} (sim/cli/scanDirections.ts), which rewrites this file whole:`,
    'to change it, change the scan (MODEL.md section 9, "Sensitivity directions") and run it again.',
    '',
    `  ${s.command}`,
    '',
    ...wrap(`${p.name}: the claims protocol of MODEL.md section 9. The presets ${list(p.presets)} on the same ${p.replicates} seeds `
      + `(base seed ${p.baseSeed}), ${p.agents} agents x ${p.days} days, at the defaults and in the sensitivity directions below, one key `
      + `at a time: ${p.presets.length} presets x ${p.points} points x ${p.replicates} replicates = ${thousands(runs)} runs.`),
    '',
    `  npx abundance sweep ${p.path}`,
    '',
    ...wrap(`The viability scan that chose the values: ${list(s.presets)}, ${s.agents} agents x ${s.days} days, on the ${s.replicates} `
      + `seeds of a sweep with seed: ${s.baseSeed}, seeds: ${s.replicates} (replicateSeed(${s.baseSeed}, r) for r = 0..${s.replicates - 1}), ${seedsText}:`),
    ...wrap(list(s.seeds), 98, '  '),
    ...wrap('A run is viable when every criterion of MODEL.md section 13 holds over its days (sim/metrics/viability.ts); '
      + `these runs are ${years} years long, not the 10 of section 13. A value passes when at least 90 % of the runs of every `
      + 'preset are viable. Cells: viable runs / runs.'),
    '',
    ...scanResult(s),
    '',
  ];
}

/** The scan's table, then the chosen values and the sides without a point. */
export function scanResult(s: ScanSummary): string[] {
  const chosen = [...s.choices.map((c) => `${c.key} ${c.values.length > 0 ? list(c.values) : '(no point)'}`), ...FIXED_DIRECTIONS.map((f) => `${f.key} ${list(f.values)} (fixed by MODEL.md, not scanned)`)];
  return [...scanTable(s), '', ...wrap(`Chosen: ${chosen.join('; ')}.`), ...s.choices.flatMap((c) => c.notes.flatMap((n) => wrap(n)))];
}

/** `text` in lines of at most `width` characters (a longer word stays whole), each after `indent`. */
export function wrap(text: string, width = 98, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/**
 * Why the scan may not replace `path`, or undefined when it may: when there is no file, when the file
 * starts with the marker line (the scan wrote it), or when it is one of the project's own claims files
 * (`ownPaths`, absolute: the files MODEL.md says the scan writes, hand-written before the first scan).
 */
export function overwriteProblem(path: string, existing: string | undefined, ownPaths: readonly string[]): string | undefined {
  if (existing === undefined || ownPaths.includes(path)) return undefined;
  if (existing.startsWith(SCAN_MARKER)) return undefined;
  return `${path} exists and was not written by abundance scan-directions (its first line is not "${SCAN_MARKER} ..."); `
    + 'the scan replaces only its own files and the project\'s scenarios/sweeps/claims.yaml and claims-small.yaml: remove the file or write elsewhere (--out, --small-out)';
}
