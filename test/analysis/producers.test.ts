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

  it('reads any agents.csv text as splitting every line would: CRLF or LF, blank lines, short rows, a day that is not a number', () => {
    // The plain reading the function replaced: split every line, take the largest day.
    const plain = (text: string): unknown => {
      const lines = text.split(/\r?\n/).filter((l) => l !== '');
      const header = (lines[0] ?? '').split(',');
      const at = (name: string): number => header.indexOf(name);
      const rows = lines.slice(1).map((l) => l.split(','));
      const num = (cell: string | undefined): number => (cell === undefined || cell.trim() === '' ? NaN : Number(cell));
      let last = -Infinity;
      for (const r of rows) last = Math.max(last, num(r[at('day')]));
      return rows.filter((r) => num(r[at('day')]) === last && ['producer', 're-entered'].includes(r[at('status')] ?? ''))
        .map((r) => ({ agent: num(r[at('agent')]), rho: num(r[at('rho')]), efficiency: num(r[at('efficiency')]) }))
        .filter((p) => Number.isFinite(p.rho) && Number.isFinite(p.efficiency));
    };
    const cell = fc.oneof(fc.constantFrom('', ' ', 'x', 'NaN', '1e3'), fc.integer({ min: -2, max: 3 }).map(String), fc.double({ noNaN: true, min: -5, max: 5 }).map(String));
    const status = fc.constantFrom('producer', 're-entered', 'dropped-pc', '');
    const row = fc.tuple(fc.integer({ min: 0, max: 3 }).map(String), cell, status, cell, cell, fc.boolean())
      .map(([day, agent, st, rho, eff, short]) => (short ? [day, agent, st] : [day, agent, st, rho, eff]).join(','));
    const header = fc.constantFrom('day,agent,status,rho,efficiency', 'agent,day,status,efficiency,rho');
    const text = fc.tuple(header, fc.array(fc.oneof(row, fc.constant(''), fc.constant('x,1,producer,1,1')), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([h, rows, eol, end]) => [h, ...rows].join(eol) + (end ? eol : ''));
    fc.assert(fc.property(text, (t) => { expect(lastSnapshotProducers(t)).toEqual(plain(t)); }), { numRuns: 2000 });
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
