/**
 * The daily invariants catch what they promise: a world run for some days in audit mode passes every
 * check; then one piece of state is broken by hand, and the check names the broken invariant.
 */
import { describe, expect, it } from 'vitest';
import { Invariants } from '../../sim/money/invariants.js';
import { InvariantViolation } from '../../sim/money/violation.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import { PHASES, WINDOWS } from '../../sim/engine/phases.js';
import { World } from '../../sim/engine/world.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { observe } from '../../sim/metrics/observe.js';
import { COLUMNS } from '../../sim/metrics/columns.js';

/** A world after `days` days as simulate() runs them (phases, check, windows, observe), and the next day's phases. */
function run(preset: 'two-token' | 'peer-bank', days = 25): { w: World; inv: Invariants } {
  const w = new World(loadScenarioFile(preset, { overrides: { agents: 60, days: days + 1, seed: 5 } }).scenario, true);
  const inv = new Invariants();
  const row = new Float64Array(COLUMNS.length);
  for (let day = 0; day <= days; day++) {
    if (day > 0) w.endDay();
    w.beginDay(day);
    if (day === 0) w.money.init(w);
    for (const phase of PHASES) for (const step of phase.steps) step(w);
    if (day < days) { inv.check(w); for (const step of WINDOWS.steps) step(w); observe(w, row); }
  }
  return { w, inv };
}

function violated(w: World, inv: Invariants): string {
  try {
    inv.check(w);
  } catch (error) {
    if (error instanceof InvariantViolation) return error.invariant;
    throw error;
  }
  return 'none';
}

describe('money/invariants', () => {
  it('a run of a preset with money passes every check', () => {
    for (const preset of ['two-token', 'peer-bank'] as const) {
      const { w, inv } = run(preset);
      expect(violated(w, inv)).toBe('none');
      expect(w.book.openCount).toBeGreaterThan(0); // campaigns and pledges were checked, not skipped
      expect(w.book.openPledges).toBeGreaterThan(0);
    }
  });

  it('1: tokens moved into escrow outside any posting break double entry', () => {
    const { w, inv } = run('two-token');
    w.ledger.balance[CUR.mh]![0]! -= 1000;
    w.ledger.balance[CUR.mh]![w.ledger.escrow]! += 1000;
    expect(violated(w, inv)).toBe('1/double-entry');
  });

  it('2: tokens minted in mutual credit break the money identity', () => {
    const { w, inv } = run('two-token');
    w.ledger.post(CUR.mh, KIND.issuance, w.ledger.bank, 0, 1000);
    expect(violated(w, inv)).toBe('2/money-identity');
  });

  it('3: a balance moved between agents without a posting fails the audit', () => {
    const { w, inv } = run('two-token');
    w.ledger.balance[CUR.ch]![1]! -= 7;
    w.ledger.balance[CUR.ch]![2]! += 7;
    expect(violated(w, inv)).toBe('3/stock-flow');
  });

  it('5: escrow that differs from the open pledges is caught', () => {
    const { w, inv } = run('peer-bank');
    const c = w.book.byGenre.flatMap((_, g) => w.book.listed(g)).find((id) => w.book.isOpen(id) && w.book.pledges(id) > 0)!;
    w.book.addPledge(c, 0, 5, 0, 5); // a pledge nobody paid into escrow
    expect(violated(w, inv)).toBe('5/escrow');
  });

  it('6: an hour that is neither used nor idle breaks the hours identity', () => {
    const { w, inv } = run('two-token');
    w.agents.idleMh[3]! += 1;
    expect(violated(w, inv)).toBe('6/hours');
  });

  it('7: an hour bought that nobody sold breaks par', () => {
    const { w, inv } = run('two-token');
    w.agents.boughtMh[2]! += 1;
    expect(violated(w, inv)).toBe('7/par');
  });

  it('8: a good counted as released without a release is caught', () => {
    const { w, inv } = run('peer-bank');
    w.goodsTotal += 1;
    expect(violated(w, inv)).toBe('8/goods');
  });

  it('10: a NaN, an infinity or a negative value in agent state is caught', () => {
    for (const [field, value] of [['pi', NaN], ['rmax', Infinity], ['progress', -1e-9]] as const) {
      const { w, inv } = run('two-token', 5);
      w.agents[field][4] = value;
      expect(violated(w, inv)).toBe('10/finite');
    }
  });
});
