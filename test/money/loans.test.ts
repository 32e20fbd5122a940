import { describe, expect, it } from 'vitest';
import { LoanBook } from '../../sim/money/loans.js';
import { CUR } from '../../sim/money/ledger.js';
import { InvariantViolation } from '../../sim/money/violation.js';

/** A book of 3 agents: agent 0 borrowed 3,650 MH milli-tokens on day 10 from agents 1 (2/3) and 2 (1/3). */
function book(): LoanBook {
  const b = new LoanBook(3, 365);
  b.book(CUR.mh, 0, 3650, 10);
  b.claim[CUR.mh]![1] = 2433;
  b.claim[CUR.mh]![2] = 1217;
  return b;
}

describe('money/loans: the loan book', () => {
  it('schedules equal daily instalments, rounding up, and the whole debt at the end of the term', () => {
    const b = book();
    expect(b.behind(CUR.mh, 0, 10)).toBe(0);
    expect(b.behind(CUR.mh, 0, 11)).toBe(10);
    expect(b.behind(CUR.mh, 0, 11 + 36)).toBe(370);
    b.paid(CUR.mh, 0, 370);
    expect(b.behind(CUR.mh, 0, 11 + 36)).toBe(0);
    expect(b.behind(CUR.mh, 0, 375)).toBe(3650 - 370);
  });

  it('is overdue only at the end of its term with something still owed, and closes when paid', () => {
    const b = book();
    expect(b.overdue(CUR.mh, 0, 374)).toBe(false);
    expect(b.overdue(CUR.mh, 0, 375)).toBe(true);
    b.paid(CUR.mh, 0, 3650);
    expect(b.has(CUR.mh, 0)).toBe(false);
    expect(b.open).toBe(0);
    expect(b.overdue(CUR.mh, 0, 400)).toBe(false);
  });

  it('shares a repayment among the lenders pro rata to their claims, exactly', () => {
    const b = book();
    const idx = new Int32Array(3);
    const out = new Float64Array(3);
    b.paid(CUR.mh, 0, 100);
    const m = b.splitClaims(CUR.mh, 100, idx, out);
    expect(m).toBe(2);
    expect(Array.from(idx.subarray(0, m))).toEqual([1, 2]);
    expect(out[0]! + out[1]!).toBe(100);
    expect(out[0]).toBe(67); // 2433/3650 of 100 = 66.66
    expect(b.claim[CUR.mh]![1]! + b.claim[CUR.mh]![2]!).toBe(3550);
    expect(() => b.check(20)).not.toThrow();
  });

  it('a written-off debt cuts every claim pro rata (the creditors\' haircut)', () => {
    const b = book();
    const lost = b.forgive(CUR.mh, 0);
    expect(lost).toBe(3650);
    b.splitClaims(CUR.mh, lost, new Int32Array(3), new Float64Array(3));
    expect(Array.from(b.claim[CUR.mh]!)).toEqual([0, 0, 0]);
    expect(b.total[CUR.mh]).toBe(0);
    expect(() => b.check(20)).not.toThrow();
  });

  it('check names the day and the amounts when claims and debts disagree, or a loan outlives its term', () => {
    const b = book();
    b.claim[CUR.mh]![2] = 1000;
    expect(() => b.check(12)).toThrow(InvariantViolation);
    expect(() => b.check(12)).toThrow(/day 12.*owe 3\.65, lenders claim 3\.433/);
    const late = book();
    expect(() => late.check(376)).toThrow(/agent 0 still owes 3\.65 mh tokens on a loan of day 10, past its 365-day term/);
  });
});
