/**
 * Phase 12a, check: the invariants of MODEL.md section 8, asserted every simulated day. A failure stops
 * the run with an InvariantViolation naming the day, the account and the amounts. (Invariant 4, limits,
 * is asserted by every posting in the ledger; invariant 3 by the ledger's audit mode.)
 */
import { CURRENCIES, FLOW_KINDS, SECTORS } from './flows.js';
import { CUR } from './ledger.js';
import { InvariantViolation } from './violation.js';
import type { World } from '../engine/world.js';
import { fromMilli } from './milli.js';

const NC = CURRENCIES.length;
const NK = FLOW_KINDS.length;
const NS = SECTORS.length;

export class Invariants {
  private readonly holdings = new Float64Array(NC * NS);
  private readonly today = new Float64Array(NC * NS);
  private goodsTotal = 0;
  /** Today's hours sold CH, MH and bought CH, MH (production and R&D), summed by hours() for par(). */
  private readonly traded = new Float64Array(4);

  check(w: World): void {
    this.doubleEntry(w);
    this.moneyIdentity(w);
    w.ledger.audit();
    this.escrow(w);
    this.hours(w);
    this.par(w);
    this.issuance(w);
    this.goods(w);
    this.finite(w);
    w.loans?.check(w.day); // claims = debts, no loan past its term (sim/money/loans.ts)
  }

  /** 1. Each row of the flow matrix sums to zero; each column sums to its sector's change of holdings. */
  private doubleEntry(w: World): void {
    const L = w.ledger;
    const t = this.today;
    const n = L.n;
    for (let c = 0; c < NC; c++) {
      const b = L.balance[c]!;
      let agents = 0;
      for (let acc = 0; acc < n; acc++) agents += b[acc]!;
      t[c * NS] = agents; // sector 0, producers: the agents' accounts
      for (let s = 1; s < NS; s++) t[c * NS + s] = b[n + s - 1]!; // one account per other sector
      for (let k = 0; k < NK; k++) {
        let row = 0;
        for (let s = 0; s < NS; s++) row += L.flow(c, k, s);
        if (row !== 0) fail(w, '1/double-entry', `the ${FLOW_KINDS[k]} row of ${CURRENCIES[c]} sums to ${fromMilli(row)}, not 0`);
      }
      for (let s = 0; s < NS; s++) {
        let column = 0;
        for (let k = 0; k < NK; k++) column += L.flow(c, k, s);
        const change = t[c * NS + s]! - this.holdings[c * NS + s]!;
        if (column !== change) {
          fail(w, '1/double-entry', `sector ${SECTORS[s]} ${CURRENCIES[c]}: flows sum to ${fromMilli(column)} but holdings changed by ${fromMilli(change)}`);
        }
      }
    }
    this.holdings.set(t);
  }

  /**
   * 2. Money held by all accounts but the bank = minus the bank's balance (S2: the bank is never used,
   * so 0). The holdings are the sectors' of invariant 1, summed in account order.
   */
  private moneyIdentity(w: World): void {
    const L = w.ledger;
    const t = this.today;
    for (let c = 0; c < NC; c++) {
      const b = L.balance[c]!;
      let held = 0;
      for (let s = 0; s < NS; s++) if (s !== L.sector(L.bank)) held += t[c * NS + s]!;
      if (held !== -b[L.bank]!) fail(w, '2/money-identity', `${CURRENCIES[c]} held by all accounts is ${fromMilli(held)}, the bank has issued ${fromMilli(-b[L.bank]!)}`);
      if (w.credit && held !== 0) fail(w, '2/money-identity', `${CURRENCIES[c]} balances sum to ${fromMilli(held)}, not 0`);
    }
  }

  /** 5. Escrow = sum of open pledges; no pledge older than the window; exchange and commons end empty. */
  private escrow(w: World): void {
    const L = w.ledger;
    const book = w.book;
    let mh = 0;
    let ch = 0;
    for (let c = 0; c < book.capacity; c++) {
      if (!book.isOpen(c)) continue;
      mh += book.escrowMh(c);
      ch += book.escrowCh(c);
      if (w.day - book.openDay[c]! >= w.s.campaign.windowDays && book.pledges(c) > 0) {
        fail(w, '5/escrow', `campaign ${c} of agent ${book.producer[c]} holds pledges ${w.day - book.openDay[c]!} days old, past its window`);
      }
      if (!(book.producer[c]! >= 0) || !(book.cost[c]! > 0) || !(book.price(c) >= 0)) {
        fail(w, '8/goods', `campaign ${c} has producer ${book.producer[c]}, cost ${book.cost[c]} and price ${book.price(c)}`);
      }
    }
    const held = [L.balance[w.single ? CUR.cur : CUR.mh]![L.escrow]!, L.balance[CUR.ch]![L.escrow]!];
    if (held[0] !== mh || held[1] !== ch) fail(w, '5/escrow', `escrow holds ${fromMilli(held[0]!)} MH and ${fromMilli(held[1]!)} CH tokens, open pledges ${fromMilli(mh)} MH and ${fromMilli(ch)} CH`);
    for (let c = 0; c < NC; c++) {
      if (L.balance[c]![L.exchange] !== 0) fail(w, '5/escrow', `the exchange ends the day holding ${fromMilli(L.balance[c]![L.exchange]!)} ${CURRENCIES[c]} tokens`);
      if (L.balance[c]![L.commons] !== 0) fail(w, '5/escrow', `the commons ends the day holding ${fromMilli(L.balance[c]![L.commons]!)} ${CURRENCIES[c]} tokens`);
    }
  }

  /** 6. Per agent and input, in milli-hours: production + sold + given + replication + R&D + PC + idle = endowment. */
  private hours(w: World): void {
    const a = w.agents;
    let soldCh = 0, soldMh = 0, boughtCh = 0, boughtMh = 0;
    for (let i = 0; i < w.n; i++) {
      const ch = a.ownUseCh[i]! + a.soldCh[i]! + a.givenCh[i]! + a.replCh[i]! + a.rndCh[i]! + a.idleCh[i]!;
      const mh = a.ownUseMh[i]! + a.soldMh[i]! + a.givenMh[i]! + a.rndMh[i]! + a.pcMh[i]! + a.idleMh[i]!;
      if (ch !== a.endowCh[i] || mh !== a.endowMh[i]) {
        fail(w, '6/hours', `agent ${i}: CH uses sum to ${fromMilli(ch)} of an endowment of ${fromMilli(a.endowCh[i]!)}; MH uses sum to ${fromMilli(mh)} of ${fromMilli(a.endowMh[i]!)}`);
      }
      if (a.idleCh[i]! < 0 || a.idleMh[i]! < 0 || a.ownUseCh[i]! < 0 || a.ownUseMh[i]! < 0) {
        fail(w, '6/hours', `agent ${i} has negative hours: idle ${fromMilli(a.idleCh[i]!)} CH / ${fromMilli(a.idleMh[i]!)} MH, own use ${fromMilli(a.ownUseCh[i]!)} CH / ${fromMilli(a.ownUseMh[i]!)} MH`);
      }
      // For invariant 7, in the same pass: hours sold, and bought for production or R&D.
      soldCh += a.soldCh[i]!; soldMh += a.soldMh[i]!;
      boughtCh += a.boughtCh[i]! + a.hiredCh[i]!; boughtMh += a.boughtMh[i]! + a.hiredMh[i]!;
    }
    const t = this.traded;
    t[0] = soldCh; t[1] = soldMh; t[2] = boughtCh; t[3] = boughtMh;
  }

  /** 7. Par: tokens paid for inputs = hours delivered, per input (hours sold = bought = delivered in any market). */
  private par(w: World): void {
    if (!w.hasMoney) return; // gift: hours are given, not sold
    const t = this.traded; // summed by hours(), which runs first
    const soldCh = t[0]!, soldMh = t[1]!, boughtCh = t[2]!;
    const boughtMh = t[3]! + w.stats.upgradeMh; // and hours hired to build PCs bought early
    const paidCh = w.stats.inputPaid[CUR.ch]!;
    const paidMh = w.stats.inputPaid[CUR.mh]!;
    if (soldCh !== boughtCh || soldCh !== w.stats.deliveredCh || soldMh !== boughtMh || soldMh !== w.stats.deliveredMh) {
      fail(w, '7/par', `hours sold ${fromMilli(soldCh)} CH / ${fromMilli(soldMh)} MH, bought ${fromMilli(boughtCh)} / ${fromMilli(boughtMh)}`);
    }
    if (w.money.exchange && (paidCh !== soldCh || paidMh !== soldMh)) fail(w, '7/par', `paid ${fromMilli(paidCh)} CH and ${fromMilli(paidMh)} MH tokens for ${fromMilli(soldCh)} CH and ${fromMilli(soldMh)} MH delivered`);
  }

  /** 9. Issuance (S3): during the bootstrap issued = inputs delivered; after it, issued <= the rule's bound. */
  private issuance(w: World): void {
    const bank = w.bank;
    if (bank === null) {
      if (w.stats.issued[CUR.ch] !== 0 || w.stats.issued[CUR.mh] !== 0) fail(w, '9/issuance', `CH or MH tokens were issued without a Peer Bank`);
      return;
    }
    const bootstrap = w.money.bankPaysInputs(w);
    for (const [cur, delivered] of [[CUR.ch, w.stats.deliveredCh], [CUR.mh, w.stats.deliveredMh]] as const) {
      const issued = w.stats.issued[cur]!;
      const name = cur === CUR.ch ? 'CH' : 'MH';
      if (bootstrap && issued !== delivered) fail(w, '9/issuance', `bootstrap: ${fromMilli(issued)} ${name} tokens issued for ${fromMilli(delivered)} ${name} delivered`);
      if (!bootstrap && issued > bank.bound[cur]!) fail(w, '9/issuance', `${fromMilli(issued)} ${name} tokens issued above the ${w.s.bank.rule} bound ${fromMilli(bank.bound[cur]!)}`);
    }
  }

  /**
   * 8. Goods: the released total grows only by releases, and no good is lost: every good ever completed
   * (the genres' cumulative output, counted in production) is released or still in an open campaign.
   */
  private goods(w: World): void {
    if (w.goodsTotal !== this.goodsTotal + w.stats.goodsReleased) {
      fail(w, '8/goods', `goods_total went from ${this.goodsTotal} to ${w.goodsTotal} with ${w.stats.goodsReleased} released`);
    }
    this.goodsTotal = w.goodsTotal;
    let completed = 0;
    for (let g = 0; g < w.genres.k; g++) completed += w.genres.made[g]!;
    if (completed !== w.goodsTotal + w.book.openCount) {
      fail(w, '8/goods', `${completed} goods completed, but ${w.goodsTotal} released and ${w.book.openCount} in open campaigns`);
    }
  }

  /** 10. No NaN or infinity in state; capacities, counts and prices >= 0. */
  private finite(w: World): void {
    const a = w.agents;
    const arrays: [string, Float64Array][] = [
      ['rmax', a.rmax], ['pi', a.pi], ['progress', a.progress], ['tech', a.tech], ['m', a.m],
      ['endowCh', a.endowCh], ['endowMh', a.endowMh], ['receiptsToday', a.receiptsToday], ['workValueToday', a.workValueToday],
    ];
    for (const [name, v] of arrays) {
      // One pass without a test per element: x * 0 is 0 for every finite x and NaN otherwise; only a
      // failing array is read again, to name its first bad element. Two sums, of the even and the odd
      // elements, so that each addition need not wait for the one before.
      let probe0 = 0;
      let probe1 = 0;
      let low = 0;
      const len = v.length;
      let i = 0;
      for (; i + 1 < len; i += 2) {
        const x = v[i]!;
        const y = v[i + 1]!;
        probe0 += x * 0;
        probe1 += y * 0;
        if (x < low) low = x;
        if (y < low) low = y;
      }
      if (i < len) { const x = v[i]!; probe0 += x * 0; if (x < low) low = x; }
      if (probe0 + probe1 === 0 && low >= 0) continue;
      for (let i = 0; i < v.length; i++) {
        const x = v[i]!;
        if (!(x - x === 0) || x < 0) fail(w, '10/finite', `${name}[${i}] is ${x}`);
      }
    }
    for (const [name, x] of [['e', w.e], ['baseCh', w.baseCh], ['rmaxFrontier', w.rmaxFrontier]] as const) {
      if (!(x > 0) || !(x - x === 0)) fail(w, '10/finite', `${name} is ${x}`);
    }
    for (let g = 0; g < w.genres.k; g++) {
      const p = w.genres.priceMilli[g]!;
      if (!(p >= 0) || !(p - p === 0)) fail(w, '10/finite', `the price of genre ${g} is ${p}`);
    }
  }
}

function fail(w: World, invariant: string, detail: string): never {
  throw new InvariantViolation(w.day, invariant, detail);
}
