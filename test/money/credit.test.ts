import { describe, expect, it } from 'vitest';
import { STATUS } from '../../sim/agents/table.js';
import { defaults, limits, potentialCh, potentialMh } from '../../sim/money/credit.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import type { World } from '../../sim/engine/world.js';
import { balances, ledgerSum, makeWorld, openCredit, pay } from '../helpers/world.js';

const DEFAULT_DAYS = 3;

/** A world of n agents whose MH balances are set by postings from a helper agent (the last one). */
function indebted(mh: number[]): World {
  const w = makeWorld({ agents: mh.length + 1, seed: 2, credit: { defaultDays: DEFAULT_DAYS } });
  openCredit(w, 1e9);
  const bank = mh.length; // a plain agent that pays and is paid to set the others' balances
  mh.forEach((v, i) => { if (v > 0) pay(w, 'mh', bank, i, v); else if (v < 0) pay(w, 'mh', i, bank, -v); });
  return w;
}

/** Run the default check on `days` successive days. */
function runDefaults(w: World, days: number): void {
  for (let d = 0; d < days; d++) { w.beginDay(w.day + 1); defaults(w); }
}

/** Agent 0 owes 100 MH: 40 to agent 1 and 60 held in escrow; it has been at its limit for defaultDays. */
function escrowedDebtor() {
  const w = makeWorld({ agents: 2, seed: 2, credit: { defaultDays: DEFAULT_DAYS } });
  openCredit(w, 1e9);
  pay(w, 'mh', 0, 1, 40_000);
  w.ledger.post(CUR.mh, KIND.pledge, 0, w.ledger.escrow, 60_000);
  w.ledger.setFloor(CUR.mh, 0, -100_000);
  runDefaults(w, DEFAULT_DAYS);
  return w;
}

describe('money/credit', () => {
  it('a limit is lambda days of potential capacity per token, 0 after a default, half on re-entry', () => {
    const w = makeWorld({ agents: 3, seed: 1 });
    const a = w.agents;
    for (let i = 0; i < 3; i++) { a.rmax[i] = 1.25; a.workHours[i] = 8; }
    // potential CH = 1.25 GFLOPS x 8 h on = 10 CH = 10,000 milli; potential MH = 8 - 0.2 upkeep = 7.8 MH.
    expect(potentialCh(w, 0)).toBe(10_000);
    expect(potentialMh(w, 0)).toBe(7_800);
    a.status[1] = STATUS.droppedDefault;
    a.status[2] = STATUS.reentered; a.creditShare[2] = 0.5;
    limits(w);
    // lambda 30: floors -300,000 CH and -234,000 MH; the defaulter 0; half a limit -150,000 / -117,000.
    // (+ 0 makes the defaulter's -0 a plain 0.)
    expect([0, 1, 2].map((i) => w.ledger.floor[CUR.ch]![i]! + 0)).toEqual([-300_000, 0, -150_000]);
    expect([0, 1, 2].map((i) => w.ledger.floor[CUR.mh]![i]! + 0)).toEqual([-234_000, 0, -117_000]);
  });

  it('an agent at 95 % of its limit defaults after defaultDays days in a row, not before', () => {
    // Debtor -90 tokens, creditors +60 and +30 (3 agents plus the helper, whose balance is 0).
    const w = indebted([-90_000, 60_000, 30_000]);
    w.ledger.setFloor(CUR.mh, 0, -94_000); // 90/94 = 95.7 % of the limit: at the limit
    runDefaults(w, DEFAULT_DAYS - 1);
    expect(w.agents.status[0]).toBe(STATUS.producer);
    expect(w.agents.atLimitDays[0]).toBe(DEFAULT_DAYS - 1);
    runDefaults(w, 1);
    expect(w.agents.status[0]).toBe(STATUS.droppedDefault);
    expect(w.stats.defaults).toBe(1);
  });

  it('a debt below 95 % of the limit, or a day off the limit, does not count', () => {
    const w = indebted([-90_000, 90_000]);
    w.ledger.setFloor(CUR.mh, 0, -95_000); // 90/95 = 94.7 %: below the 95 % line
    runDefaults(w, DEFAULT_DAYS + 2);
    expect(w.agents.status[0]).toBe(STATUS.producer);
    expect(w.agents.atLimitDays[0]).toBe(0);
    // At the limit for 2 days, off it for one, then at it again for 2: never 3 in a row.
    w.ledger.setFloor(CUR.mh, 0, -94_000);
    runDefaults(w, DEFAULT_DAYS - 1);
    w.ledger.setFloor(CUR.mh, 0, -200_000);
    runDefaults(w, 1);
    w.ledger.setFloor(CUR.mh, 0, -94_000);
    runDefaults(w, DEFAULT_DAYS - 1);
    expect(w.agents.status[0]).toBe(STATUS.producer);
  });

  it('a default charges the whole debt to the creditors when they hold just that much (-90 vs +60, +30)', () => {
    const w = indebted([-90_000, 60_000, 30_000]);
    w.ledger.setFloor(CUR.mh, 0, -94_000);
    runDefaults(w, DEFAULT_DAYS);
    // Charged 90 pro rata to 60 : 30 -> 60 and 30: the creditors lose everything, the debtor is at 0.
    expect(balances(w, 'mh')).toEqual([0, 0, 0, 0]);
    expect(w.stats.writtenOff[CUR.mh]).toBe(90_000);
    expect(ledgerSum(w, 'mh')).toBe(0);
    expect(() => w.ledger.audit()).not.toThrow();
  });

  it('a default charges the debt pro rata to the positive balances, not to other debtors', () => {
    // Debtor -90; creditors +100 and +50; another debtor -60 (far from its limit); the helper +0.
    const w = indebted([-90_000, 100_000, 50_000, -60_000]);
    w.ledger.setFloor(CUR.mh, 0, -94_000);
    runDefaults(w, DEFAULT_DAYS);
    // 90 over 100 : 50 -> 60 and 30: they keep 40 and 20; the other debtor keeps its -60.
    expect(balances(w, 'mh')).toEqual([0, 40_000, 20_000, -60_000, 0]);
    expect(ledgerSum(w, 'mh')).toBe(0);
  });

  it('a haircut that does not divide evenly goes by largest remainder (10 milli over 30, 30, 30)', () => {
    const w = indebted([-10, 30, 30, 30, -80]);
    w.ledger.setFloor(CUR.mh, 0, -10);
    runDefaults(w, DEFAULT_DAYS);
    // exact 10/3 = 3.333 each: floors 3+3+3 = 9, the one left to the lowest index: 4, 3, 3.
    expect(balances(w, 'mh')).toEqual([0, 26, 27, 27, -80, 0]);
  });

  it('the defaulter drops out with a limit of 0 and keeps half its credit share for re-entry', () => {
    const w = indebted([-90_000, 60_000, 30_000]);
    w.ledger.setFloor(CUR.mh, 0, -94_000);
    runDefaults(w, DEFAULT_DAYS);
    expect(w.agents.status[0]).toBe(STATUS.droppedDefault);
    expect(w.agents.statusSince[0]).toBe(w.day);
    expect(w.ledger.floor[CUR.mh]![0]).toBe(0);
    expect(w.ledger.floor[CUR.ch]![0]).toBe(0);
    expect(w.agents.creditShare[0]).toBe(0.5);
    limits(w); // the next day's limits keep it at 0 while it is out
    expect(w.ledger.floor[CUR.mh]![0]! + 0).toBe(0);
    expect(w.ledger.floor[CUR.ch]![0]! + 0).toBe(0);
  });

  it('a default in both tokens writes off each token separately', () => {
    const w = indebted([-90_000, 60_000, 30_000]);
    pay(w, 'ch', 0, 2, 40_000);
    w.ledger.setFloor(CUR.mh, 0, -94_000);
    runDefaults(w, DEFAULT_DAYS);
    expect(balances(w, 'ch')).toEqual([0, 0, 0, 0]);
    expect(w.stats.writtenOff[CUR.ch]).toBe(40_000);
    expect(w.stats.writtenOff[CUR.mh]).toBe(90_000);
    expect(ledgerSum(w, 'ch')).toBe(0);
  });

  it('the write-off is capped by the other agents\' positive balances; the rest stays with the defaulter', () => {
    // Agent 0 owes 100: 40 to agent 1 and 60 in escrow (open pledges are not agents' balances).
    const w = escrowedDebtor();
    expect(balances(w, 'mh')).toEqual([-60_000, 0]);
    expect(w.stats.writtenOff[CUR.mh]).toBe(40_000);
    expect(ledgerSum(w, 'mh')).toBe(0);
  });

  it('a defaulter still out, with a debt no creditor could absorb, does not default again', () => {
    // As above: 60 of agent 0's debt stays with it after its default, and its limit is 0.
    const w = escrowedDebtor();
    const defaultedOn = w.day;
    expect(w.agents.status[0]).toBe(STATUS.droppedDefault);
    expect(w.agents.creditShare[0]).toBe(0.5);
    // While it is out (its limit 0, its balance -60 below it), the days at the "limit" must not count
    // as a new default: it would halve its share again and restart its wait to re-enter, every 90 days.
    for (let d = 0; d < DEFAULT_DAYS; d++) { w.beginDay(w.day + 1); limits(w); defaults(w); }
    expect(w.agents.creditShare[0]).toBe(0.5);
    expect(w.agents.statusSince[0]).toBe(defaultedOn);
  });
});
