/**
 * The viability scan of MODEL.md section 9 ("Sensitivity directions"), its pure part: which values to
 * try, and which to keep, from a table of viable runs per value and preset.
 *
 *   participation.piMin   the lowest of 0.75, 0.5, 0.25 that passes; 0.5 is kept in any case (C5's
 *                         participation test is run at piMin 0.5)
 *   bank.k                below the default the furthest of x1/2, x2/3 that passes, above it the
 *   credit.lambdaDays     furthest of x3/2, x2 (a side where none passes has no point)
 *   production.sigma      1, fixed by MODEL.md (not scanned)
 *
 * A value *passes* when at least 90 % of its runs of every preset are viable (MODEL.md section 13,
 * per run). "Furthest that passes" is read literally: x1/2 is kept when it passes even if x2/3 fails.
 * sim/cli/scanDirections.ts runs the scan; sim/sweep/scanFile.ts writes what it chose.
 */
import { tidy } from './forms.js';

/** Viable runs and runs of one preset at one value. */
export interface Cell { viable: number; runs: number }
/** One value's cells, by preset. */
export type Cells = Readonly<Record<string, Cell>>;

/** A value passes with at least 9 viable runs in 10 for every preset (9/10 is enough). */
export const PASS_SHARE = { viable: 9, of: 10 } as const;

/** Whether a cell has at least 90 % viable runs, in whole numbers (27/30 passes: no float rounding). */
export function cellPasses(c: Cell): boolean {
  return c.runs > 0 && PASS_SHARE.of * c.viable >= PASS_SHARE.viable * c.runs;
}

/** A value passes when every preset's cell passes; a preset without runs fails it. */
export function valuePasses(cells: Cells, presets: readonly string[]): boolean {
  return presets.length > 0 && presets.every((p) => cells[p] !== undefined && cellPasses(cells[p]));
}

/** A direction scanned for its quantity of money: factors of the default below and above it, each in ascending order. */
export interface QuantityDirection {
  kind: 'quantity';
  key: string;
  below: readonly Factor[];
  above: readonly Factor[];
}
/** A direction whose lowest passing value is kept, plus values run in any case. */
export interface LowestDirection {
  kind: 'lowest';
  key: string;
  values: readonly number[];
  always: readonly number[];
  /** Why the values in `always` are kept. */
  alwaysWhy: string;
}
export type ScanDirection = QuantityDirection | LowestDirection;
export interface Factor { num: number; den: number }

const half: Factor = { num: 1, den: 2 };
const twoThirds: Factor = { num: 2, den: 3 };
const threeHalves: Factor = { num: 3, den: 2 };
const twice: Factor = { num: 2, den: 1 };

/** The directions of MODEL.md section 9 the scan chooses values for, in the order the sweep file lists them. */
export const SCAN_DIRECTIONS: readonly ScanDirection[] = [
  { kind: 'lowest', key: 'participation.piMin', values: [0.75, 0.5, 0.25], always: [0.5], alwaysWhy: "C5's participation test" },
  { kind: 'quantity', key: 'bank.k', below: [half, twoThirds], above: [threeHalves, twice] },
  { kind: 'quantity', key: 'credit.lambdaDays', below: [half, twoThirds], above: [threeHalves, twice] },
];
/** Directions with fixed values, written after the scanned ones. */
export const FIXED_DIRECTIONS: readonly { key: string; values: readonly number[] }[] = [{ key: 'production.sigma', values: [1] }];

export const factorText = (f: Factor): string => `x${f.num}${f.den === 1 ? '' : `/${f.den}`}`;

/** One value to run: its key, its value, its side of the default and, for a quantity, its factor. */
export interface Candidate { key: string; value: number; side: 'below' | 'above' | 'lowest'; factor?: string }

/** The values a direction runs; `defaultValue` is the key's value at the claims' defaults. */
export function candidates(dir: ScanDirection, defaultValue: number): Candidate[] {
  if (dir.kind === 'lowest') return dir.values.map((value) => ({ key: dir.key, value, side: 'lowest' }));
  const at = (side: 'below' | 'above') => (f: Factor): Candidate => ({ key: dir.key, value: tidy((defaultValue * f.num) / f.den), side, factor: factorText(f) });
  return [...dir.below.map(at('below')), ...dir.above.map(at('above'))];
}

/** One candidate judged: its cells, whether it passes, whether it is kept, and why. */
export interface Decision { candidate: Candidate; cells: Cells; passes: boolean; chosen: boolean; why: string }

export interface DirectionChoice {
  key: string;
  decisions: Decision[];
  /** The values the claims sweep runs for this key (empty: no point), in the order written. */
  values: number[];
  /** Sides without a point, said in words. */
  notes: string[];
}

/** The presets under 90 %, as `two-token 7/10`. */
function shortOf(cells: Cells, presets: readonly string[]): string {
  return presets.filter((p) => cells[p] === undefined || !cellPasses(cells[p])).map((p) => `${p} ${cells[p]?.viable ?? 0}/${cells[p]?.runs ?? 0}`).join(', ');
}

/** Choose a direction's values from `cellsOf(value)` (the scan's counts for that value). */
export function chooseDirection(dir: ScanDirection, defaultValue: number, presets: readonly string[], cellsOf: (value: number) => Cells): DirectionChoice {
  const judged = candidates(dir, defaultValue).map((candidate) => {
    const cells = cellsOf(candidate.value);
    return { candidate, cells, passes: valuePasses(cells, presets) };
  });
  const fails = (d: { cells: Cells }): string => `fails: ${shortOf(d.cells, presets)} below 90 %`;
  if (dir.kind === 'lowest') {
    const lowest = [...judged].sort((a, b) => a.candidate.value - b.candidate.value).find((d) => d.passes);
    const decisions = judged.map((d): Decision => {
      const always = dir.always.includes(d.candidate.value);
      const chosen = d === lowest || always;
      const why = d === lowest ? 'the lowest that passes' : d.passes ? `passes; ${lowest!.candidate.value} is lower` : fails(d);
      return { ...d, chosen, why: always && d !== lowest ? `${dir.alwaysWhy}, always run (${why})` : why };
    });
    const values = [...new Set([...(lowest ? [lowest.candidate.value] : []), ...dir.always])].sort((a, b) => b - a);
    const notes = lowest ? [] : [`${dir.key}: no value of ${dir.values.join(', ')} passes; only ${dir.always.join(', ')} (${dir.alwaysWhy}) is run.`];
    return { key: dir.key, decisions, values, notes };
  }
  const decisions: Decision[] = [];
  const values: number[] = [];
  const notes: string[] = [];
  for (const side of ['below', 'above'] as const) {
    // Candidates are in ascending order: the furthest below is the first, the furthest above the last.
    const onSide = judged.filter((d) => d.candidate.side === side);
    const best = (side === 'below' ? onSide : [...onSide].reverse()).find((d) => d.passes);
    for (const d of onSide) {
      const why = d === best ? `the furthest ${side} the default that passes` : d.passes ? `passes; ${best!.candidate.factor} is further` : fails(d);
      decisions.push({ ...d, chosen: d === best, why });
    }
    if (best) values.push(best.candidate.value);
    else notes.push(`${dir.key}: no value ${side} the default (${defaultValue}) passes, so the direction has no point ${side} it.`);
  }
  return { key: dir.key, decisions, values, notes };
}
