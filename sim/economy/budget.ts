/**
 * An agent's daily spending budget on goods, in campaign price units (milli MH-equivalents with tokens,
 * milli-cur with one currency): incomeShare x the average daily worth of its work over the demand window
 * (people spend what their work is worth: hours sold, and own hours at most at the expected price of
 * the goods they made, list price x the genre's funded share, sim/economy/produce.ts) + balanceShare x
 * its spendable balance, capped by its means (positive balance, plus unused credit under mutual
 * credit). Spendable: what lies above the money's working balance (`workingBalance`,
 * sim/money/kinds/): every positive balance in S2;
 * in S3 only what exceeds the working balance the bank provisions (bank.k days of its own delivered
 * flow; otherwise each token issued would raise the target by k x balanceShare and money would grow
 * without bound); in S1 only what exceeds market.wageDays days of its own work value (the cure MODEL.md
 * names for S1's thin rho margin). A borrower's work term counts its work's worth less the loan
 * instalments it owes a day (its disposable income). Under mutual credit, an agent at its default line
 * spends at most incomeShare x what it earns. Used by pledges (sim/economy/fund.ts) and per-copy sales.
 */
import { CUR, meansOf } from '../money/ledger.js';
import { nearLimit } from '../money/credit.js';
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';

export function dailyBudget(w: World, i: number): number {
  dailyBudgetInto(w, i, slot);
  return slot[0]!;
}

const slot = new Float64Array(1);

/**
 * dailyBudget into out[0]. The pledge loop (sim/economy/fund.ts) calls this, once per agent a day: the
 * function is too long to be inlined there, and a double returned from a call that is not inlined is
 * boxed, a fresh heap number each time (a third of what the market preset allocated a day).
 */
export function dailyBudgetInto(w: World, i: number, out: Float64Array): void {
  const s = w.s;
  const L = w.ledger;
  const e = w.e;
  const workPerDay = w.workValuePerDay(i);
  // Each balance and floor is read once: for the spendable balance, the means (meansOf, as
  // Ledger.means) and, under mutual credit, whether it is at its default line (sim/money/credit.ts
  // nearLimit, where credit.defaultDays of it default).
  let positive: number;
  let means: number;
  let atLine: boolean;
  if (w.single) {
    const bal = L.balance[CUR.cur]![i]!;
    const floor = L.floor[CUR.cur]![i]!;
    const working = w.money.workingBalance(w, CUR.cur, i);
    positive = bal > working ? bal - working : 0;
    means = Math.max(0, meansOf(bal, floor));
    atLine = w.credit && nearLimit(bal, floor, s.credit.defaultShare);
  } else {
    const mh = L.balance[CUR.mh]![i]!, ch = L.balance[CUR.ch]![i]!;
    const floorMh = L.floor[CUR.mh]![i]!, floorCh = L.floor[CUR.ch]![i]!;
    positive = spendable(w, CUR.mh, i, mh) + e * spendable(w, CUR.ch, i, ch);
    means = Math.max(0, meansOf(mh, floorMh)) + e * Math.max(0, meansOf(ch, floorCh));
    atLine = w.credit && (nearLimit(mh, floorMh, s.credit.defaultShare) || nearLimit(ch, floorCh, s.credit.defaultShare));
  }
  // A borrower spends what its work is worth less the instalments it owes (docs/model.md, "A borrower
  // budgets on what its work leaves after the instalments").
  const service = loanService(w, i);
  const disposable = workPerDay > service ? workPerDay - service : 0;
  let budget = s.demand.incomeShare * disposable + s.demand.balanceShare * positive;
  if (atLine) {
    // An agent at its default line under mutual credit (a balance at credit.defaultShare of its limit
    // or deeper, where credit.defaultDays of it make a default) pledges at most incomeShare x what it
    // earned, net of its input payments, over the rho window, so that it pays its way back out instead
    // of hovering at the line until it defaults (docs/model.md, "At the default line, spend what you earn").
    const span = Math.max(1, w.netRho.span);
    const earned = toMilli(s.demand.incomeShare * Math.max(0, w.netRho.sum[i]! / span)) * w.priceUnit;
    if (earned < budget) budget = earned;
  }
  out[0] = budget < means ? budget : means;
}

/** Agent i's loan instalments a day (price units, milli), every currency (LoanBook.instalment). */
function loanService(w: World, i: number): number {
  const book = w.loans;
  if (book === null || book.open === 0) return 0;
  const currencies = w.currencies; // an indexed loop: the for-of it replaces cost a tenth of the budget
  let service = 0;
  for (let k = 0; k < currencies.length; k++) {
    const cur = currencies[k]!;
    service += book.instalment(cur, i) * (cur === CUR.ch ? w.e : 1);
  }
  return service;
}

/** The balance that counts in the budget: what a positive balance holds above the working balance. */
function spendable(w: World, cur: number, i: number, balance: number): number {
  if (balance <= 0) return 0;
  const working = w.money.workingBalance(w, cur, i);
  return balance > working ? balance - working : 0;
}

/**
 * Pay `value` (price units, milli) from agent i to account `to`: in the one currency, or in the token of
 * which the agent has more means (value at the day's rate) first, then the other. Returns the value
 * paid; the tokens paid are left in `paid` ([MH or cur, CH]).
 */
export function payValue(w: World, i: number, to: number, kind: number, value: number, paid: Float64Array): number {
  const L = w.ledger;
  if (w.single) {
    const amount = Math.floor(Math.min(value, L.means(CUR.cur, i)));
    paid[0] = amount > 0 ? amount : 0;
    paid[1] = 0;
    if (amount > 0) L.post(CUR.cur, kind, i, to, amount);
    return paid[0]!;
  }
  const e = w.e;
  splitValue(value, L.balance[CUR.mh]![i]! - L.floor[CUR.mh]![i]!, L.balance[CUR.ch]![i]! - L.floor[CUR.ch]![i]!, e, paid);
  const mh = paid[0]!;
  const ch = paid[1]!;
  if (mh > 0) L.post(CUR.mh, kind, i, to, mh);
  if (ch > 0) L.post(CUR.ch, kind, i, to, ch);
  return mh + e * ch;
}

/**
 * Split `value` (MH-equivalents, milli) into MH and CH tokens from an agent's means in each (milli,
 * may be <= 0): the token it has more of, valued at rate e, first, then the other. out = [MH, CH].
 */
export function splitValue(value: number, mhMeans: number, chMeans: number, e: number, out: Float64Array): void {
  const io = slots;
  io[0] = value; io[1] = mhMeans; io[2] = chMeans; io[3] = e;
  splitValueIo(io);
  out[0] = io[0]!;
  out[1] = io[1]!;
}

const slots = new Float64Array(4);

/**
 * splitValue with its arguments in io[0..4) (value, MH means, CH means, e) and its result in io[0..2)
 * ([MH, CH]). The pledge loop (sim/economy/fund.ts) calls this for each pledge: it is not inlined there,
 * and doubles passed to a call that is not inlined are boxed, fresh heap numbers each time.
 */
export function splitValueIo(io: Float64Array): void {
  const value = io[0]!;
  const mhMeans = io[1]!;
  const chMeans = io[2]!;
  const e = io[3]!;
  const meansMh = mhMeans > 0 ? mhMeans : 0;
  const meansChValue = chMeans > 0 ? e * chMeans : 0;
  if (meansMh >= meansChValue) {
    const mh = Math.floor(value < meansMh ? value : meansMh);
    const rest = value - mh < meansChValue ? value - mh : meansChValue;
    io[0] = mh;
    io[1] = rest > 0 ? Math.floor(rest / e) : 0;
  } else {
    const ch = Math.floor((value < meansChValue ? value : meansChValue) / e);
    const rest = value - ch * e < meansMh ? value - ch * e : meansMh;
    io[0] = rest > 0 ? Math.floor(rest) : 0; // ch * e may exceed value by rounding
    io[1] = ch;
  }
}
