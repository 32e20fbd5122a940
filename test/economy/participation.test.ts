/**
 * sim/economy/participation.ts by hand: rho = net receipts / work value over the window; weekly
 * pi += gain (rho - 1) within [piMin, 1]; drop-out after outDays with a dead PC; re-entry after a wait.
 */
import { describe, expect, it } from 'vitest';
import { participation, rho } from '../../sim/economy/participation.js';
import { STATUS } from '../../sim/agents/table.js';
import { makeWorld } from '../helpers/world.js';

describe('economy/participation', () => {
  it('rho is net receipts over work value, NaN without work', () => {
    const w = makeWorld({ agents: 2 });
    w.workRho.push(Float64Array.from([2, 0]));
    w.netRho.push(Float64Array.from([1, 5]));
    expect(rho(w, 0)).toBe(0.5);
    expect(rho(w, 1)).toBeNaN();
  });

  it('weekly (day 6 mod 7), pi moves by gain x (rho - 1), clipped to [piMin, 1]', () => {
    const w = makeWorld({ agents: 4, participation: { piMin: 0.25, gain: 0.05 } });
    // rho 0.5, 3, 0 and undefined.
    w.workRho.push(Float64Array.from([2, 1, 1, 0]));
    w.netRho.push(Float64Array.from([1, 3, 0, 0]));
    w.agents.pi.set([1, 1, 0.26, 0.7]);
    w.beginDay(5);
    participation(w);
    expect([...w.agents.pi]).toEqual([1, 1, 0.26, 0.7]); // not the weekly day
    w.beginDay(6);
    participation(w);
    // 1 + 0.05 x (0.5 - 1) = 0.975; 1 + 0.05 x 2 = 1.1 -> 1; 0.26 - 0.05 = 0.21 -> 0.25; NaN: unchanged.
    expect(w.agents.pi[0]).toBeCloseTo(0.975, 12);
    expect([w.agents.pi[1], w.agents.pi[2], w.agents.pi[3]]).toEqual([1, 0.25, 0.7]);
  });

  it('with piMin 1 (the default) participation is fixed', () => {
    const w = makeWorld({ agents: 1 });
    w.workRho.push(Float64Array.from([2]));
    w.netRho.push(Float64Array.from([0]));
    w.beginDay(6);
    participation(w);
    expect(w.agents.pi[0]).toBe(1);
  });

  it('a PC dead for outDays (90) drops its owner; re-entry waits reentryDays, after a default credit.reentryDays', () => {
    const w = makeWorld({ agents: 4, participation: { reentryDays: 30 }, credit: { reentryDays: 60 } });
    const a = w.agents;
    a.pcAlive[0] = 0; a.pcDeadSince[0] = 10; // 90 days dead on day 100: out
    a.pcAlive[1] = 0; a.pcDeadSince[1] = 11; // 89: still in
    a.status[2] = STATUS.droppedPc; a.statusSince[2] = 70; // 30 days out with a working PC: back
    a.status[3] = STATUS.droppedDefault; a.statusSince[3] = 70; // 30 < 60 after a default: still out
    w.beginDay(100);
    participation(w);
    expect([...a.status]).toEqual([STATUS.droppedPc, STATUS.producer, STATUS.reentered, STATUS.droppedDefault]);
    expect([a.statusSince[0], a.statusSince[2], a.chooseGenre[2]]).toEqual([100, 100, 1]);
    a.statusSince[3] = 40; // 60 days out: back
    participation(w);
    expect(a.status[3]).toBe(STATUS.reentered);
  });
});
