import { describe, expect, it } from 'vitest';
import { CUR, KIND, Ledger } from '../../sim/money/ledger.js';
import { InvariantViolation } from '../../sim/money/violation.js';

/** The InvariantViolation `fn` throws (fails if it throws something else or nothing). */
function violation(fn: () => unknown): InvariantViolation {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvariantViolation);
    return error as InvariantViolation;
  }
  throw new Error('expected an InvariantViolation, but nothing was thrown');
}

describe('money/ledger', () => {
  it('a posting moves the amount from one account to the other, and balances sum to zero', () => {
    const L = new Ledger(3, true);
    L.setFloor(CUR.mh, 0, -10_000);
    L.post(CUR.mh, KIND.input, 0, 2, 4_000);
    L.post(CUR.mh, KIND.pledge, 2, L.escrow, 1_500);
    expect(Array.from(L.balance[CUR.mh]!)).toEqual([-4_000, 0, 2_500, 1_500, 0, 0, 0]);
    expect(L.balance[CUR.mh]!.reduce((s, v) => s + v, 0)).toBe(0);
    expect(L.means(CUR.mh, 0)).toBe(6_000); // -4,000 above a floor of -10,000
  });

  it('each posting enters the flow matrix: minus for the payer sector, plus for the payee sector', () => {
    const L = new Ledger(2, false);
    L.beginDay(7);
    L.setFloor(CUR.ch, 1, -5_000);
    L.post(CUR.ch, KIND.pledge, 1, L.escrow, 700);
    // pledge row of ch: producers -700, escrow +700; sectors are producers 0, escrow 1, commons 2, exchange 3, bank 4.
    expect([0, 1, 2, 3, 4].map((s) => L.flow(CUR.ch, KIND.pledge, s))).toEqual([-700, 700, 0, 0, 0]);
    L.beginDay(8);
    expect(L.flow(CUR.ch, KIND.pledge, 1)).toBe(0);
  });

  it('a posting below the floor throws an InvariantViolation naming the day, the account and the amounts', () => {
    const L = new Ledger(3, true);
    L.beginDay(42);
    L.setFloor(CUR.mh, 1, -2_000);
    L.post(CUR.mh, KIND.input, 1, 0, 1_500);
    const err = violation(() => L.post(CUR.mh, KIND.input, 1, 0, 600));
    // 1.5 tokens already paid; 0.6 more would take agent 1 to -2.1, below its floor of -2.
    expect(err.day).toBe(42);
    expect(err.invariant).toBe('4/limits');
    expect(err.message).toContain('day 42');
    expect(err.message).toContain('agent 1');
    expect(err.message).toContain('0.6 mh');
    expect(err.message).toContain('from -1.5 to -2.1');
    expect(err.message).toContain('floor -2');
    // Nothing moved.
    expect(L.balance[CUR.mh]![1]).toBe(-1_500);
  });

  it('an account with a floor of 0 cannot pay at all, and the bank has no floor', () => {
    const L = new Ledger(2, false);
    violation(() => L.post(CUR.ch, KIND.exchange, L.escrow, 0, 1));
    L.post(CUR.ch, KIND.issuance, L.bank, 0, 1e9);
    expect(L.balance[CUR.ch]![L.bank]).toBe(-1e9);
  });

  it('non-integer, zero, negative amounts and self-postings throw', () => {
    const L = new Ledger(2, false);
    L.setFloor(CUR.mh, 0, -1e6);
    for (const amount of [0, -5, 1.5, NaN]) {
      const err = violation(() => L.post(CUR.mh, KIND.input, 0, 1, amount));
      expect(err.invariant).toBe('8/postings');
      expect(err.message).toContain(String(amount));
    }
    violation(() => L.post(CUR.mh, KIND.input, 0, 0, 5));
    expect(Array.from(L.balance[CUR.mh]!)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('an infinite amount is not an integer: it throws even from the bank, whose floor is -Infinity', () => {
    const L = new Ledger(2, false);
    // Infinity passes `amount === Math.floor(amount)`; the bank's floor -Infinity then lets it through.
    const err = violation(() => L.post(CUR.ch, KIND.issuance, L.bank, 0, Infinity));
    expect(err.invariant).toBe('8/postings');
    expect(Number.isFinite(L.balance[CUR.ch]![0]!)).toBe(true);
  });

  it('the audit replays the day\'s postings and passes on an untouched ledger', () => {
    const L = new Ledger(3, true);
    L.setFloor(CUR.mh, 0, -1e6);
    L.setFloor(CUR.ch, 2, -1e6);
    for (let day = 0; day < 3; day++) {
      L.beginDay(day);
      L.post(CUR.mh, KIND.input, 0, 1, 100 + day);
      L.post(CUR.ch, KIND.exchange, 2, L.exchange, 50);
      L.post(CUR.ch, KIND.exchange, L.exchange, 0, 50);
      expect(() => L.audit()).not.toThrow();
    }
  });

  it('the audit catches a balance changed without a posting', () => {
    const L = new Ledger(3, true);
    L.beginDay(5);
    L.setFloor(CUR.mh, 0, -1e6);
    L.post(CUR.mh, KIND.input, 0, 1, 1_000);
    L.balance[CUR.mh]![1]! += 250; // tampered: 1.25 held, postings give 1
    const err = violation(() => L.audit());
    expect(err.invariant).toBe('3/stock-flow');
    expect(err.day).toBe(5);
    expect(err.message).toContain('agent 1 holds 1.25 mh tokens but its postings give 1');
  });

  it('the audit catches tampering on a later day too (it replays onto yesterday\'s audited balances)', () => {
    const L = new Ledger(2, true);
    L.setFloor(CUR.ch, 0, -1e6);
    L.post(CUR.ch, KIND.input, 0, 1, 10);
    L.audit();
    L.beginDay(1);
    L.balance[CUR.ch]![L.escrow] = 3;
    expect(violation(() => L.audit()).message).toContain('escrow holds 0.003 ch tokens but its postings give 0');
  });

  it('postFromOne and postToOne make the postings post makes one by one: balances, flows, audit log, errors', () => {
    const one = new Ledger(4, true);
    const many = new Ledger(4, true);
    for (const L of [one, many]) {
      L.beginDay(3);
      for (let i = 0; i < 4; i++) L.setFloor(CUR.mh, i, -5_000);
      L.post(CUR.mh, KIND.demurrage, 0, L.commons, 3_000); // the commons' floor is 0
    }
    const to = Int32Array.from([1, 2, one.exchange, 3, 2]);
    const amounts = Float64Array.from([700, 0, 300, 1_200, 50]); // 0 is skipped, as callers of post skip it
    for (let k = 1; k < 5; k++) if (amounts[k]! > 0) one.post(CUR.mh, KIND.dividend, one.commons, to[k]!, amounts[k]!);
    for (let k = 0; k < 4; k++) if (amounts[k]! > 0) one.post(CUR.mh, KIND.demurrage, to[k]!, 0, amounts[k]!);
    many.postFromOne(CUR.mh, KIND.dividend, many.commons, to, amounts, 1, 5);
    many.postToOne(CUR.mh, KIND.demurrage, to, 0, amounts, 0, 4);
    expect(Array.from(many.balance[CUR.mh]!)).toEqual(Array.from(one.balance[CUR.mh]!));
    expect(Array.from(many.paid)).toEqual(Array.from(one.paid));
    expect(Array.from(many.received)).toEqual(Array.from(one.received));
    many.audit();
    // An overdraft or a refused posting throws what post throws.
    const from = Int32Array.from([1, 2]);
    expect(violation(() => many.postToOne(CUR.mh, KIND.input, from, 0, Float64Array.from([10, 9_000]), 0, 2)).message)
      .toContain('agent 2');
    expect(violation(() => many.postFromOne(CUR.mh, KIND.input, 3, from, Float64Array.from([10, 9_000]), 0, 2)).invariant)
      .toBe('4/limits');
    expect(violation(() => many.postFromOne(CUR.mh, KIND.input, 2, from, Float64Array.from([1.5, 1]), 0, 2)).invariant)
      .toBe('8/postings');
    // A negative or NaN amount is refused, as post refuses it; only an amount of 0 is passed over.
    for (const bad of [-10, NaN]) {
      expect(violation(() => many.postToOne(CUR.mh, KIND.input, from, 0, Float64Array.from([0, bad]), 0, 2)).invariant).toBe('8/postings');
      expect(violation(() => many.postFromOne(CUR.mh, KIND.input, 3, from, Float64Array.from([0, bad]), 0, 2)).invariant).toBe('8/postings');
    }
  });
});
