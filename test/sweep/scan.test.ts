import { describe, expect, it } from 'vitest';
import { SCAN_DIRECTIONS, candidates, cellPasses, chooseDirection, valuePasses, type Cells, type ScanDirection } from '../../sim/sweep/scan.js';

const PRESETS = ['gift', 'two-token', 'peer-bank'];
const dir = (key: string): ScanDirection => SCAN_DIRECTIONS.find((d) => d.key === key)!;
/** Every preset 10/10, except the viable counts given per value and preset. */
const table = (counts: Record<number, Record<string, number>>, runs = 10) => (value: number): Cells =>
  Object.fromEntries(PRESETS.map((p) => [p, { viable: counts[value]?.[p] ?? runs, runs }]));

describe('sweep/scan', () => {
  it('passes at exactly 90 % (9/10, 27/30) and not below (8/10, 26/30)', () => {
    expect([9, 8].map((viable) => cellPasses({ viable, runs: 10 }))).toEqual([true, false]);
    expect([27, 26].map((viable) => cellPasses({ viable, runs: 30 }))).toEqual([true, false]);
    expect(cellPasses({ viable: 0, runs: 0 })).toBe(false);
  });

  it('a value passes only when every preset passes, and a preset without runs fails it', () => {
    expect(valuePasses({ gift: { viable: 10, runs: 10 }, 'two-token': { viable: 9, runs: 10 } }, ['gift', 'two-token'])).toBe(true);
    expect(valuePasses({ gift: { viable: 10, runs: 10 }, 'two-token': { viable: 8, runs: 10 } }, ['gift', 'two-token'])).toBe(false);
    expect(valuePasses({ gift: { viable: 10, runs: 10 } }, ['gift', 'two-token'])).toBe(false);
  });

  it('tries x1/2, x2/3, x3/2 and x2 of the default of bank.k and credit.lambdaDays, and piMin 0.75, 0.5, 0.25', () => {
    expect(candidates(dir('bank.k'), 30).map((c) => [c.value, c.side, c.factor])).toEqual([[15, 'below', 'x1/2'], [20, 'below', 'x2/3'], [45, 'above', 'x3/2'], [60, 'above', 'x2']]);
    expect(candidates(dir('credit.lambdaDays'), 7).map((c) => c.value)).toEqual([3.5, 4.66666666667, 10.5, 14]);
    expect(candidates(dir('participation.piMin'), 1).map((c) => c.value)).toEqual([0.75, 0.5, 0.25]);
  });

  it('keeps the furthest passing value on each side', () => {
    const c = chooseDirection(dir('bank.k'), 30, PRESETS, table({}));
    expect(c.values).toEqual([15, 60]);
    expect(c.decisions.map((d) => [d.candidate.value, d.chosen])).toEqual([[15, true], [20, false], [45, false], [60, true]]);
    expect(c.decisions[1]!.why).toBe('passes; x1/2 is further');
    expect(c.notes).toEqual([]);
  });

  it('falls back to the nearer value when the further one fails, naming the preset that failed it', () => {
    const c = chooseDirection(dir('bank.k'), 30, PRESETS, table({ 15: { 'peer-bank': 8 }, 60: { 'two-token': 3, gift: 0 } }));
    expect(c.values).toEqual([20, 45]);
    expect(c.decisions[0]!.why).toBe('fails: peer-bank 8/10 below 90 %');
    expect(c.decisions[3]!.why).toBe('fails: gift 0/10, two-token 3/10 below 90 %');
  });

  it('keeps the furthest passing value even when a nearer one fails', () => {
    expect(chooseDirection(dir('credit.lambdaDays'), 30, PRESETS, table({ 20: { 'two-token': 5 } })).values).toEqual([15, 60]);
  });

  it('gives a side where no value passes no point, and says so', () => {
    const c = chooseDirection(dir('credit.lambdaDays'), 30, PRESETS, table({ 15: { 'two-token': 8 }, 20: { 'two-token': 7 } }));
    expect(c.values).toEqual([60]);
    expect(c.notes).toEqual(['credit.lambdaDays: no value below the default (30) passes, so the direction has no point below it.']);
    expect(c.decisions.filter((d) => d.chosen).map((d) => d.candidate.value)).toEqual([60]);
  });

  it('keeps the lowest passing piMin, and 0.5 always', () => {
    const all = chooseDirection(dir('participation.piMin'), 1, PRESETS, table({}));
    expect(all.values).toEqual([0.5, 0.25]);
    expect(all.decisions.map((d) => [d.candidate.value, d.chosen, d.why])).toEqual([
      [0.75, false, 'passes; 0.25 is lower'],
      [0.5, true, "C5's participation test, always run (passes; 0.25 is lower)"],
      [0.25, true, 'the lowest that passes'],
    ]);
    // 0.25 fails: 0.5 is the lowest that passes.
    expect(chooseDirection(dir('participation.piMin'), 1, PRESETS, table({ 0.25: { 'two-token': 8 } })).values).toEqual([0.5]);
    // Only 0.75 passes: it is kept, and 0.5 is run anyway.
    const high = chooseDirection(dir('participation.piMin'), 1, PRESETS, table({ 0.25: { gift: 1 }, 0.5: { gift: 8 } }));
    expect(high.values).toEqual([0.75, 0.5]);
    expect(high.decisions[1]!.why).toBe("C5's participation test, always run (fails: gift 8/10 below 90 %)");
  });

  it('runs piMin 0.5 alone when no piMin passes, and says so', () => {
    const none = chooseDirection(dir('participation.piMin'), 1, PRESETS, table({ 0.75: { gift: 0 }, 0.5: { gift: 0 }, 0.25: { gift: 0 } }));
    expect(none.values).toEqual([0.5]);
    expect(none.notes).toEqual(["participation.piMin: no value of 0.75, 0.5, 0.25 passes; only 0.5 (C5's participation test) is run."]);
  });
});
