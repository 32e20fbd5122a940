/**
 * Mutual credit (S2, MODEL.md section 4): each agent may overdraw each token down to minus its credit
 * limit, lambda days of its potential capacity in that input (what it could supply at pi = 1 with its
 * current PC, or its last one while it has none), times its credit share (1; 0 while out after a
 * default; half the former share on re-entry). A limit that falls below a debt blocks new debits.
 *
 * Default: a balance at `defaultShare` (95 %) of its limit or beyond for `defaultDays` (90) days in a
 * row. The defaulter's negative balance is written off, charged pro rata to the positive balances of all
 * other agents (a creditors' haircut, largest-remainder rounding); it drops out as a producer with a
 * limit of 0 and may re-enter after `reentryDays` with `reentryLimitShare` of its former share.
 */
import { STATUS } from '../agents/table.js';
import { prorata } from '../markets/prorata.js';
import { CUR, KIND } from './ledger.js';
import { forgiveLoans } from './loans.js';
import type { World } from '../engine/world.js';
import { toMilli } from './milli.js';

/** Potential daily capacity of agent i in a currency, milli-tokens: CH, MH, or (one merged token) its
 * value in MH-equivalents at the day's rate. */
export function potential(w: World, cur: number, i: number): number {
  if (cur === CUR.ch) return potentialCh(w, i);
  if (cur === CUR.mh) return potentialMh(w, i);
  return mergedMilli(potentialMh(w, i), potentialCh(w, i), w.e);
}

/** Potential daily capacity of agent i, milli-hours: [CH, MH]. */
export function potentialCh(w: World, i: number): number {
  return chMilli(w.agents.rmax[i]!, w.s.pc.onHoursPerDay);
}
export function potentialMh(w: World, i: number): number {
  return mhMilli(w.agents.workHours[i]!, w.s.work.upkeepMh);
}

/** The rules of potentialCh and potentialMh, from the agent's Rmax (hours) or work hours. */
const chMilli = (rmax: number, onHoursPerDay: number): number => Math.round(toMilli(rmax * onHoursPerDay));
const mhMilli = (workHours: number, upkeepMh: number): number => Math.round(toMilli(Math.max(0, workHours - upkeepMh)));
/** The rule of a merged token's potential: its MH and CH potentials valued in MH-equivalents at rate e. */
const mergedMilli = (mh: number, ch: number, e: number): number => Math.round(mh + e * ch);

let potentialBuf = new Float64Array(0);

/**
 * Every agent's potential(w, cur, i), milli-tokens, into a scratch array (valid until the next call):
 * the same rules (chMilli, mhMilli, mergedMilli), with the scenario's fields and the currency's branch read once
 * instead of per agent (limits and demurrage read it for every agent, every day).
 */
export function potentials(w: World, cur: number): Float64Array {
  const n = w.n;
  if (potentialBuf.length < n) potentialBuf = new Float64Array(n);
  const out = potentialBuf; // a local: V8 reloads a module binding at every use
  const rmax = w.agents.rmax;
  const workHours = w.agents.workHours;
  const onHours = w.s.pc.onHoursPerDay;
  const upkeep = w.s.work.upkeepMh;
  if (cur === CUR.ch) {
    for (let i = 0; i < n; i++) out[i] = chMilli(rmax[i]!, onHours);
  } else if (cur === CUR.mh) {
    for (let i = 0; i < n; i++) out[i] = mhMilli(workHours[i]!, upkeep);
  } else {
    const e = w.e;
    for (let i = 0; i < n; i++) out[i] = mergedMilli(mhMilli(workHours[i]!, upkeep), chMilli(rmax[i]!, onHours), e);
  }
  return out;
}

/** Every agent's floor in every currency: a loop per currency, each reading that currency's arrays. */
export function limits(w: World): void {
  const a = w.agents;
  const status = a.status;
  const creditShare = a.creditShare;
  const lambda = w.s.credit.lambdaDays;
  const n = w.n;
  for (const cur of w.currencies) {
    const floor = w.ledger.floor[cur]!;
    const pot = potentials(w, cur);
    for (let i = 0; i < n; i++) {
      const share = status[i] === STATUS.droppedDefault ? 0 : creditShare[i]!;
      floor[i] = -Math.floor(lambda * share * pot[i]!);
    }
  }
}

export function defaults(w: World): void {
  const a = w.agents;
  const L = w.ledger;
  const c = w.s.credit;
  const share = c.defaultShare;
  const days = c.defaultDays;
  const status = a.status;
  const atLimitDays = a.atLimitDays;
  const n = w.n;
  // The balances and floors of the money's one or two currencies (a write-off changes them in place);
  // with one, the second pair is the first again (nearLimit is pure: asking twice answers the same).
  const currencies = w.currencies; // a credit money's: [CH, MH] or its one currency
  if (currencies.length === 0 || currencies.length > 2) throw new Error(`defaults: a credit money has 1 or 2 currencies, not ${currencies.length}`);
  const first = currencies[0]!;
  const last = currencies[currencies.length - 1]!;
  const b0 = L.balance[first]!;
  const f0 = L.floor[first]!;
  const b1 = L.balance[last]!;
  const f1 = L.floor[last]!;
  for (let i = 0; i < n; i++) {
    if (status[i] === STATUS.droppedDefault) continue; // out already: a debt the haircut could not cover waits
    const atLimit = nearLimit(b0[i]!, f0[i]!, share) || nearLimit(b1[i]!, f1[i]!, share);
    const since = atLimit ? atLimitDays[i]! + 1 : 0;
    atLimitDays[i] = since;
    if (since >= days) writeOff(w, i);
  }
}

/** A balance at `share` of its limit or deeper (floor = minus the limit): the default line. */
export function nearLimit(balance: number, floor: number, share: number): boolean {
  return balance < 0 && balance <= share * floor;
}

/** Default of agent i: its negative balances are charged to every other agent's positive balance, pro
 * rata; its peer loans are written off against its lenders' claims (sim/money/loans.ts). */
export function writeOff(w: World, i: number): void {
  const a = w.agents;
  const L = w.ledger;
  for (const cur of w.currencies) {
    const debt = -L.balance[cur]![i]!;
    if (debt <= 0) continue;
    const b = L.balance[cur]!;
    const creditors = w.idxA;
    let m = 0;
    let positive = 0;
    for (let j = 0; j < w.n; j++) if (j !== i && b[j]! > 0) { creditors[m++] = j; positive += b[j]!; }
    const charged = Math.min(debt, positive);
    if (charged <= 0) continue;
    const part = w.bufC;
    prorata(charged, b, creditors, m, part);
    for (let k = 0; k < m; k++) if (part[k]! > 0) L.post(cur, KIND.writeoff, creditors[k]!, i, part[k]!);
    w.stats.writtenOff[cur]! += charged;
  }
  a.status[i] = STATUS.droppedDefault;
  a.statusSince[i] = w.day;
  a.creditShare[i] = a.creditShare[i]! * w.s.credit.reentryLimitShare;
  a.atLimitDays[i] = 0;
  for (const cur of w.currencies) L.setFloor(cur, i, 0);
  forgiveLoans(w, i);
  w.stats.defaults++;
}
