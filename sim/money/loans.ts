/**
 * Peer loans in either token (MODEL.md section 4, "Credit, defaults and loans"): holders of idle balances
 * lend to producers who invest; a loan is repaid in equal daily instalments within its term
 * (`loans.termDays`, 365: Ithaca HOURS terms), at a simple interest rate (`loans.interestRate`, 0), and a
 * loan still owing at the end of its term is overdue: its borrower defaults (sim/money/credit.ts writeOff).
 *
 * The book is a syndicate, not a web of bilateral contracts: each day's lenders fund each day's borrowers
 * pro rata, and a lender's *claim* is its share of what all borrowers owe. Repayments are paid out pro
 * rata to the claims, and a default's unpaid debt lowers every claim pro rata: the creditors' haircut of
 * MODEL.md section 4, and the reason the claims always sum to what borrowers owe (checked every day).
 * A borrower has at most one loan per currency at a time; so the book is a few typed arrays by agent.
 *
 * Money moves only through the ledger: a loan is lenders -> exchange -> borrower (kind `loan`), an
 * instalment borrower -> exchange -> lenders (kind `repayment`); the exchange ends every day empty. A
 * claim is not money: it is the lender's title to future repayments, outside the ledger.
 */
import { prorata } from '../markets/prorata.js';
import { InvariantViolation } from './violation.js';
import { CURRENCIES } from './flows.js';
import type { World } from '../engine/world.js';
import { fromMilli } from './milli.js';

export class LoanBook {
  readonly n: number;
  readonly termDays: number;
  /** Per currency, by borrower: what it still owes (milli-tokens), what it owed at issue, the day of issue (-1: none). */
  readonly owed: Float64Array[];
  readonly due: Float64Array[];
  readonly issuedDay: Int32Array[];
  /** Per currency, by lender: its claim on what borrowers owe (milli-tokens). */
  readonly claim: Float64Array[];
  /** Per currency: the sum of `owed` (and of `claim`). */
  readonly total = [0, 0, 0];
  /** Loans open, all currencies. */
  open = 0;

  constructor(n: number, termDays: number) {
    this.n = n;
    this.termDays = termDays;
    this.owed = CURRENCIES.map(() => new Float64Array(n));
    this.due = CURRENCIES.map(() => new Float64Array(n));
    this.issuedDay = CURRENCIES.map(() => new Int32Array(n).fill(-1));
    this.claim = CURRENCIES.map(() => new Float64Array(n));
  }

  /** Whether agent i owes a loan in currency `cur`. */
  has(cur: number, i: number): boolean {
    return this.issuedDay[cur]![i]! >= 0;
  }

  /** Book a loan to borrower i owing `dueMilli` from `day`. */
  book(cur: number, i: number, dueMilli: number, day: number): void {
    this.owed[cur]![i] = dueMilli;
    this.due[cur]![i] = dueMilli;
    this.issuedDay[cur]![i] = day;
    this.total[cur]! += dueMilli;
    this.open++;
  }

  /** Borrower i paid `amount`; the loan closes when nothing is owed. */
  paid(cur: number, i: number, amount: number): void {
    const left = this.owed[cur]![i]! - amount;
    this.owed[cur]![i] = left;
    this.total[cur]! -= amount;
    if (left === 0) this.close(cur, i);
  }

  /** Borrower i's debt is written off; returns the amount lost (the lenders' haircut is `cut`). */
  forgive(cur: number, i: number): number {
    const lost = this.owed[cur]![i]!;
    this.total[cur]! -= lost;
    this.owed[cur]![i] = 0;
    this.close(cur, i);
    return lost;
  }

  /** Borrower i's instalment a day in `cur` (milli-tokens): what it owed at issue over the term; 0 without a loan. */
  instalment(cur: number, i: number): number {
    return this.has(cur, i) ? this.due[cur]![i]! / this.termDays : 0;
  }

  /** The instalments due by `day` and not yet paid: due x age / term, whole at the end of the term. */
  behind(cur: number, i: number, day: number): number {
    const due = this.due[cur]![i]!;
    const age = day - this.issuedDay[cur]![i]!;
    const scheduled = age >= this.termDays ? due : Math.ceil((due * age) / this.termDays);
    const paid = due - this.owed[cur]![i]!;
    return scheduled > paid ? scheduled - paid : 0;
  }

  /** Whether borrower i's loan has reached the end of its term still owing. */
  overdue(cur: number, i: number, day: number): boolean {
    return this.has(cur, i) && this.owed[cur]![i]! > 0 && day - this.issuedDay[cur]![i]! >= this.termDays;
  }

  /**
   * Share `amount` among the lenders pro rata to their claims (largest remainder; the claims are the
   * weights, read before any is lowered), lowering each claim by its part; `out` gets each lender's
   * part, `idx` lists the lenders. Returns how many lenders.
   */
  splitClaims(cur: number, amount: number, idx: Int32Array, out: Float64Array): number {
    const c = this.claim[cur]!;
    const n = this.n;
    let m = 0;
    for (let j = 0; j < n; j++) if (c[j]! > 0) idx[m++] = j;
    if (m === 0 || amount <= 0) return m;
    prorata(amount, c, idx, m, out);
    for (let k = 0; k < m; k++) c[idx[k]!]! -= out[k]!;
    return m;
  }

  /** Invariant: the claims sum to what borrowers owe, nothing is negative, no loan outlives its term. */
  check(day: number): void {
    for (let cur = 0; cur < CURRENCIES.length; cur++) {
      const owed = this.owed[cur]!;
      const claim = this.claim[cur]!;
      let owedSum = 0;
      let claimSum = 0;
      for (let i = 0; i < this.n; i++) {
        const o = owed[i]!;
        if (o < 0 || claim[i]! < 0) {
          throw new InvariantViolation(day, 'loans', `agent ${i} owes ${fromMilli(o)} and claims ${fromMilli(claim[i]!)} ${CURRENCIES[cur]} tokens: neither may be negative`);
        }
        if (o > 0 && day - this.issuedDay[cur]![i]! > this.termDays) {
          throw new InvariantViolation(day, 'loans', `agent ${i} still owes ${fromMilli(o)} ${CURRENCIES[cur]} tokens on a loan of day ${this.issuedDay[cur]![i]}, past its ${this.termDays}-day term`);
        }
        owedSum += o;
        claimSum += claim[i]!;
      }
      if (owedSum !== claimSum || owedSum !== this.total[cur]) {
        throw new InvariantViolation(day, 'loans', `${CURRENCIES[cur]} loans: borrowers owe ${fromMilli(owedSum)}, lenders claim ${fromMilli(claimSum)}, the book says ${fromMilli(this.total[cur]!)}`);
      }
    }
  }

  private close(cur: number, i: number): void {
    this.issuedDay[cur]![i] = -1;
    this.due[cur]![i] = 0;
    this.open--;
  }
}

/** A defaulter's loans are written off: every lender's claim is cut pro rata (the creditors' haircut). */
export function forgiveLoans(w: World, i: number): void {
  const book = w.loans;
  if (book === null) return;
  for (const cur of w.currencies) {
    if (!book.has(cur, i)) continue;
    const lost = book.forgive(cur, i);
    if (lost > 0) book.splitClaims(cur, lost, w.idxB, w.bufC);
    w.stats.writtenOff[cur]! += lost;
  }
}
