/**
 * The ledger: integer milli-token balances, two-sided postings and the daily flow matrix.
 *
 * Money moves only through `post`: one debit account, one credit account, one currency and an integer
 * amount > 0 of milli-tokens (TigerBeetle's transfer); `postFromOne` and `postToOne` make many postings
 * from or to one account at once (a dividend, the day's fees), the same postings with the same checks.
 * So all balances of a currency sum to zero at every moment. Accounts are the agents 0..n-1, then
 * `escrow`, `commons`, `exchange` and `bank` (minting debits the bank, burning credits it). A posting
 * that would take an account below its floor (minus the credit limit, 0, or no floor for the bank)
 * throws, naming the day, the account and the amounts (invariant 4).
 *
 * Each posting is also added to the day's (gross) flow matrix (rows: flow kinds; columns: sectors) and, in audit
 * mode, to a posting log from which every balance is re-derived (invariant 3).
 */
import { CURRENCIES, FLOW_KINDS, SECTORS, type Currency, type FlowKind } from './flows.js';
import { InvariantViolation } from './violation.js';
import { fromMilli } from './milli.js';

export const CUR = { ch: 0, mh: 1, cur: 2 } as const satisfies Record<Currency, number>;
export const KIND = Object.fromEntries(FLOW_KINDS.map((k, i) => [k, i])) as Record<FlowKind, number>;
const NC = CURRENCIES.length;
const NK = FLOW_KINDS.length;
const NS = SECTORS.length;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Invariant 8's amount: a positive safe integer (Number.isSafeInteger and > 0, spelled out: it is
 * tested at every posting, the hottest call of a day). One home for post and the batch postings.
 */
const postable = (amount: number): boolean => amount > 0 && amount <= MAX_SAFE && Math.floor(amount) === amount;

/** What an account with this balance and floor may still pay: the balance less its floor (so plus its credit limit). */
export const meansOf = (balanceMilli: number, floorMilli: number): number => balanceMilli - floorMilli;

export class Ledger {
  readonly n: number;
  readonly escrow: number;
  readonly commons: number;
  readonly exchange: number;
  readonly bank: number;
  /** Balances per currency, indexed by account. Integers held in float64: exact to 2^53. */
  readonly balance: Float64Array[];
  /** Lowest allowed balance per currency and account (-limit for agents, 0, or -Infinity). */
  readonly floor: Float64Array[];
  /** The day's flow matrix, gross: what each sector paid and received, [currency][kind][sector]. A
   * cell's net flow is received - paid; payments within a sector (input markets between producers,
   * the exchange's swaps) net to zero there but stay visible in the gross columns. */
  readonly paid = new Float64Array(NC * NK * NS);
  readonly received = new Float64Array(NC * NK * NS);
  day = 0;
  private log: Float64Array | null;
  private logLength = 0;
  private audited: Float64Array[] | null;

  constructor(agents: number, audit: boolean) {
    this.n = agents;
    this.escrow = agents;
    this.commons = agents + 1;
    this.exchange = agents + 2;
    this.bank = agents + 3;
    const size = agents + 4;
    this.balance = CURRENCIES.map(() => new Float64Array(size));
    this.floor = CURRENCIES.map(() => {
      const f = new Float64Array(size);
      f[agents + 3] = -Infinity;
      return f;
    });
    this.log = audit ? new Float64Array(1024 * 5) : null;
    this.audited = audit ? CURRENCIES.map(() => new Float64Array(size)) : null;
  }

  /** The sector of an account: 0 producers (agents), then escrow, commons, exchange, bank. */
  sector(account: number): number {
    return account < this.n ? 0 : account - this.n + 1;
  }

  /** Move `amount` milli-tokens of currency `cur` from account `from` to account `to`. */
  post(cur: number, kind: number, from: number, to: number, amount: number): void {
    if (!postable(amount) || from === to) this.refuse(cur, kind, from, to, amount);
    const b = this.balance[cur]!;
    const after = b[from]! - amount;
    if (after < this.floor[cur]![from]!) this.overdraw(cur, kind, from, amount);
    b[from] = after;
    b[to] = b[to]! + amount;
    const row = (cur * NK + kind) * NS;
    const n = this.n;
    this.paid[row + (from < n ? 0 : from - n + 1)]! += amount;
    this.received[row + (to < n ? 0 : to - n + 1)]! += amount;
    if (this.log !== null) this.record(cur, kind, from, to, amount);
  }

  /**
   * Postings from one account: `amounts[k]` of `cur` from `from` to account `to[k]`, for k in [lo, hi),
   * skipping amounts of 0 (as callers of `post` do; a negative or NaN one is refused, as by `post`):
   * the postings `post` would make one by one, in that order, with the same checks and audit log, but
   * the payer's balance and the flow matrix's cells are written once (integers: their sums are exact
   * in any order). At a posting `post` would refuse, the ones before it are completed first, so the
   * ledger is as `post` leaves it when it throws.
   */
  postFromOne(cur: number, kind: number, from: number, to: Int32Array, amounts: Float64Array, lo: number, hi: number): void {
    const b = this.balance[cur]!;
    const floor = this.floor[cur]![from]!;
    const n = this.n;
    const row = (cur * NK + kind) * NS;
    const received = this.received;
    const logged = this.log !== null;
    let balance = b[from]!;
    let total = 0;
    let toAgents = 0;
    let k = lo;
    for (; k < hi; k++) {
      const amount = amounts[k]!;
      if (amount === 0) continue; // as callers of post skip a nothing; any other amount post would refuse is refused by it, below
      const j = to[k]!;
      const after = balance - amount;
      if (!postable(amount) || j === from || after < floor) break;
      balance = after;
      b[j] = b[j]! + amount;
      total += amount;
      if (j < n) toAgents += amount;
      else received[row + j - n + 1]! += amount;
      if (logged) this.record(cur, kind, from, j, amount);
    }
    b[from] = balance;
    this.paid[row + (from < n ? 0 : from - n + 1)]! += total;
    received[row]! += toAgents;
    if (k < hi) this.post(cur, kind, from, to[k]!, amounts[k]!); // throws
  }

  /**
   * Postings to one account: `amounts[k]` of `cur` from account `from[k]` to `to`, for k in [lo, hi),
   * skipping amounts of 0 (a negative or NaN one is refused, as by `post`): the postings `post` would
   * make one by one, in that order, with the same checks and audit log, but the payee's balance and
   * the flow matrix's cells are written once. At a posting `post` would refuse, the ones before it are completed first, so the ledger is as
   * `post` leaves it when it throws.
   */
  postToOne(cur: number, kind: number, from: Int32Array, to: number, amounts: Float64Array, lo: number, hi: number): void {
    const b = this.balance[cur]!;
    const floor = this.floor[cur]!;
    const n = this.n;
    const row = (cur * NK + kind) * NS;
    const paid = this.paid;
    const logged = this.log !== null;
    let total = 0;
    let fromAgents = 0;
    let k = lo;
    for (; k < hi; k++) {
      const amount = amounts[k]!;
      if (amount === 0) continue; // as callers of post skip a nothing; any other amount post would refuse is refused by it, below
      const i = from[k]!;
      const after = b[i]! - amount;
      if (!postable(amount) || i === to || after < floor[i]!) break;
      b[i] = after;
      total += amount;
      if (i < n) fromAgents += amount;
      else paid[row + i - n + 1]! += amount;
      if (logged) this.record(cur, kind, i, to, amount);
    }
    b[to] = b[to]! + total;
    paid[row]! += fromAgents;
    this.received[row + (to < n ? 0 : to - n + 1)]! += total;
    if (k < hi) this.post(cur, kind, from[k]!, to, amounts[k]!); // throws
  }

  /** Invariant 8: a posting is a positive integer between distinct accounts. */
  private refuse(cur: number, kind: number, from: number, to: number, amount: number): never {
    throw new InvariantViolation(this.day, '8/postings',
      `a ${FLOW_KINDS[kind]} posting of ${amount} milli-${CURRENCIES[cur]} from account ${this.name(from)} to ${this.name(to)} is not a positive integer between distinct accounts`);
  }

  /** Invariant 4: no posting takes an account below its floor. */
  private overdraw(cur: number, kind: number, from: number, amount: number): never {
    const before = this.balance[cur]![from]!;
    throw new InvariantViolation(this.day, '4/limits',
      `a ${FLOW_KINDS[kind]} posting of ${fromMilli(amount)} ${CURRENCIES[cur]} tokens would take account ${this.name(from)} from ${fromMilli(before)} to ${fromMilli(before - amount)}, below its floor ${fromMilli(this.floor[cur]![from]!)}`);
  }

  /** The name of an account in messages. */
  name(account: number): string {
    if (account < this.n) return `agent ${account}`;
    return SECTORS[this.sector(account)]!;
  }

  /** The floor of an agent's account: minus its credit limit (S2) or 0. */
  setFloor(cur: number, agent: number, floorMilli: number): void {
    this.floor[cur]![agent] = floorMilli;
  }

  /** Balance plus headroom above the floor: what an account may still pay (meansOf). */
  means(cur: number, account: number): number {
    return meansOf(this.balance[cur]![account]!, this.floor[cur]![account]!);
  }

  /** Start a new day: clear the flow matrix. */
  beginDay(day: number): void {
    this.day = day;
    this.paid.fill(0);
    this.received.fill(0);
  }

  /** The net flow matrix cell of (currency, kind, sector): received - paid. */
  flow(cur: number, kind: number, sector: number): number {
    const k = (cur * NK + kind) * NS + sector;
    return this.received[k]! - this.paid[k]!;
  }

  private record(cur: number, kind: number, from: number, to: number, amount: number): void {
    let log = this.log!;
    if (this.logLength + 5 > log.length) {
      const grown = new Float64Array(log.length * 2);
      grown.set(log);
      this.log = log = grown;
    }
    const i = this.logLength;
    log[i] = cur; log[i + 1] = kind; log[i + 2] = from; log[i + 3] = to; log[i + 4] = amount;
    this.logLength = i + 5;
  }

  /**
   * Audit (invariant 3): replay the day's posting log onto yesterday's audited balances and compare
   * with the running balances, account by account. Only in audit mode; a no-op otherwise.
   */
  audit(): void {
    if (this.log === null || this.audited === null) return;
    const log = this.log;
    for (let i = 0; i < this.logLength; i += 5) {
      const a = this.audited[log[i]!]!;
      a[log[i + 2]!]! -= log[i + 4]!;
      a[log[i + 3]!]! += log[i + 4]!;
    }
    this.logLength = 0;
    for (let c = 0; c < NC; c++) {
      const a = this.audited[c]!;
      const b = this.balance[c]!;
      for (let acc = 0; acc < a.length; acc++) {
        if (a[acc] !== b[acc]) {
          throw new InvariantViolation(this.day, '3/stock-flow',
            `account ${this.name(acc)} holds ${fromMilli(b[acc]!)} ${CURRENCIES[c]} tokens but its postings give ${fromMilli(a[acc]!)}`);
        }
      }
    }
  }
}
