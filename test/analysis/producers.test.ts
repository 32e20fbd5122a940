import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastSnapshotProducers, middleQuintile, middleQuintileRho, rhoEfficiencySpearman } from '../../sim/analysis/producers.js';
import { agentsCsv } from './fixture.js';

describe('analysis/producers', () => {
  it('takes the last snapshot only, producers and re-entered agents only, and only those with a rho', () => {
    const text = agentsCsv(364, [[0, 1, 9, 'producer']]) + agentsCsv(729, [
      [0, 1, 1.1, 'producer'], [1, 2, 1.2, 're-entered'], [2, 3, 5, 'dropped-pc'], [3, 4, 5, 'dropped-default'], [4, 5, NaN, 'producer'],
    ]).split('\n').slice(1).join('\n');
    expect(lastSnapshotProducers(text)).toEqual([
      { agent: 0, rho: 1.1, efficiency: 1 },
      { agent: 1, rho: 1.2, efficiency: 2 },
    ]);
  });

  it('reads any agents.csv text as splitting every line would: CRLF, LF or mixed, blank lines (before the header too), short and long rows, a day that is empty or not a number', () => {
    // The plain reading the function replaced (as it was at 33471bd): split every line, take the largest day.
    const plain = (text: string): unknown => {
      const lines = text.split(/\r?\n/).filter((l) => l !== '');
      const header = (lines[0] ?? '').split(',');
      const at = (name: string): number => {
        const j = header.indexOf(name);
        if (j < 0) throw new Error(`agents.csv has no column "${name}"`);
        return j;
      };
      const [jDay, jAgent, jRho, jEff, jStatus] = ['day', 'agent', 'rho', 'efficiency', 'status'].map(at) as [number, number, number, number, number];
      const rows = lines.slice(1).map((l) => l.split(','));
      const num = (cell: string | undefined): number => (cell === undefined || cell.trim() === '' ? NaN : Number(cell));
      let last = -Infinity;
      for (const r of rows) last = Math.max(last, num(r[jDay]));
      const out: { agent: number; rho: number; efficiency: number }[] = [];
      for (const r of rows) {
        if (num(r[jDay]) !== last || !['producer', 're-entered'].includes(r[jStatus] ?? '')) continue;
        const p = { agent: num(r[jAgent]), rho: num(r[jRho]), efficiency: num(r[jEff]) };
        if (Number.isFinite(p.rho) && Number.isFinite(p.efficiency)) out.push(p);
      }
      return out;
    };
    const cell = fc.oneof(fc.constantFrom('', ' ', 'x', 'NaN', '1e3'), fc.integer({ min: -2, max: 3 }).map(String), fc.double({ noNaN: true, min: -5, max: 5 }).map(String));
    const status = fc.constantFrom('producer', 're-entered', 'dropped-pc', '');
    const day = fc.oneof(fc.integer({ min: 0, max: 3 }).map(String), fc.constantFrom('', ' ', 'x', '2.0', '3\r'));
    const row = fc.tuple(day, cell, status, cell, cell, fc.constantFrom('short', 'whole', 'long'))
      .map(([d, agent, st, rho, eff, shape]) => (shape === 'short' ? [d, agent, st] : shape === 'long' ? [d, agent, st, rho, eff, '9'] : [d, agent, st, rho, eff]).join(','));
    const header = fc.constantFrom('day,agent,status,rho,efficiency', 'agent,day,status,efficiency,rho');
    const eol = fc.constantFrom('\n', '\r\n', '\r\r\n');
    // Blank lines (or a lone \r) may come before the header; lines end alike or in a mix.
    const text = fc.tuple(fc.array(fc.constantFrom('', '\r'), { maxLength: 2 }), header, fc.array(fc.oneof(row, fc.constant(''), fc.constant('\r')), { maxLength: 12 }), fc.array(eol, { minLength: 16, maxLength: 16 }), fc.constantFrom('', '\n', '\r'))
      .map(([before, h, rows, ends, end]) => [...before, h, ...rows].map((l, k) => l + ends[k % ends.length]!).join('') + end);
    const outcome = (read: (t: string) => unknown, t: string): unknown => {
      try {
        return read(t);
      } catch (error) {
        return (error as Error).message; // a header without a column is refused alike
      }
    };
    fc.assert(fc.property(text, (t) => { expect(outcome(lastSnapshotProducers, t)).toEqual(outcome(plain, t)); }), { numRuns: 2000 });
  });

  it('Spearman is 1 for any increasing relation and -1 for a decreasing one', () => {
    const ps = [1, 2, 3, 4, 5, 6].map((e) => ({ agent: e, efficiency: e, rho: Math.exp(e) }));
    expect(rhoEfficiencySpearman(ps)).toBeCloseTo(1, 12);
    expect(rhoEfficiencySpearman(ps.map((p) => ({ ...p, rho: -p.rho })))).toBeCloseTo(-1, 12);
    expect(rhoEfficiencySpearman(ps.slice(0, 2))).toBeNaN();
  });

  it('the middle quintile of 10 producers is the 5th and 6th most efficient, and its rho is their median', () => {
    const ps = [9, 3, 7, 1, 5, 10, 2, 8, 4, 6].map((e) => ({ agent: e, efficiency: e, rho: e / 10 }));
    expect(middleQuintile(ps).map((p) => p.efficiency)).toEqual([5, 6]);
    expect(middleQuintileRho(ps)).toBeCloseTo(0.55, 12);
    expect(middleQuintileRho([])).toBeNaN();
  });
});
