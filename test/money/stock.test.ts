import { describe, expect, it } from 'vitest';
import { mintStock, OutputTrend } from '../../sim/money/stock.js';
import { CUR } from '../../sim/money/ledger.js';
import { makeWorld, ledgerSum } from '../helpers/world.js';

describe('money/stock', () => {
  it('M0 is m0Days of day-0 capacity at 1 per hour, minted in equal shares', () => {
    const w = makeWorld({ agents: 3, institutions: { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' }, market: { m0Days: 2 } });
    let hours = 0;
    for (let i = 0; i < 3; i++) hours += w.agents.rmax[i]! * 8 + w.agents.workHours[i]! - 0.2;
    mintStock(w);
    const total = Math.floor(2 * hours * 1000);
    const b = Array.from(w.ledger.balance[CUR.cur]!.subarray(0, 3));
    expect(b.reduce((x, y) => x + y, 0)).toBe(total);
    expect(Math.max(...b) - Math.min(...b)).toBeLessThanOrEqual(1);
    expect(w.ledger.balance[CUR.cur]![w.ledger.bank]).toBe(-total);
    expect(w.ledger.balance[CUR.cur]!.reduce((s, v) => s + v, 0)).toBe(0);
    expect(ledgerSum(w, 'mh')).toBe(0);
  });

  it('the trend is 0 until its window is full, then the relative slope of output per day', () => {
    const trend = new OutputTrend(365);
    // Output grows 10 % a year, continuously: y(d) = 100 x 1.1^(d/365); its relative slope is ln(1.1)/365 a day.
    let g = 0;
    for (let d = 0; d < 365; d++) {
      g = trend.push(100 * Math.pow(1.1, d / 365));
      if (d < 364) expect(g).toBe(0);
    }
    expect(g * 365).toBeCloseTo(Math.log(1.1), 3);
  });

  it('a linear rise from 0 gives the bounded rate 2 / window a day, not an explosion', () => {
    const trend = new OutputTrend(100);
    let g = 0;
    // y = t: slope 1, mean 49.5 -> 1 / 49.5 a day.
    for (let d = 0; d < 100; d++) g = trend.push(d);
    expect(g).toBeCloseTo(1 / 49.5, 12);
  });

  it('a falling output gives no growth: the rule only adds money', () => {
    const trend = new OutputTrend(100);
    let g = 1;
    for (let d = 0; d < 100; d++) g = trend.push(1000 - d);
    expect(g).toBe(0);
  });
});
