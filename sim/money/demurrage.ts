/**
 * Demurrage (S2, S3; tokens are "for production, not ownership"): each day an agent pays
 * rate/365 x max(balance - allowance, 0) per token, allowance = `allowanceDays` of its potential
 * capacity (Gesell's holding fee; Chiemgauer 6 %/year by default). In S2 it goes to the commons, which
 * returns it the same day as an equal dividend to the active agents (largest remainder from a random
 * start, so the commons ends each day at 0). In S3 the Peer Bank burns it (to the bank's account), and
 * while money exceeds the bank's target the rate rises by the bank's contraction rate (sim/money/peerBank.ts).
 */
import { STATUS } from '../agents/table.js';
import { below } from '../engine/random.js';
import { KIND } from './ledger.js';
import { potential, potentials } from './credit.js';
import type { World } from '../engine/world.js';

/** The balance agent i holds in `cur` free of demurrage (milli): `allowanceDays` of its potential capacity. */
export function allowance(w: World, cur: number, i: number): number {
  return w.s.demurrage.allowanceDays * potential(w, cur, i);
}

export function demurrage(w: World): void {
  const burn = w.bank !== null;
  const L = w.ledger;
  const to = burn ? L.bank : L.commons;
  const kind = burn ? KIND.burn : KIND.demurrage;
  const days = w.s.demurrage.allowanceDays;
  for (const cur of w.currencies) {
    const perDay = (w.s.demurrage.rate + (burn ? w.bank!.extraRate[cur]! : 0)) / 365;
    if (perDay > 0) {
      const balance = L.balance[cur]!;
      const pot = potentials(w, cur);
      const n = w.n;
      const payers = w.idxB;
      const fee = w.bufB; // by position in `payers`
      let m = 0;
      let fees = 0; // integers: their sum is exact in any order
      for (let i = 0; i < n; i++) {
        const excess = balance[i]! - days * pot[i]!; // above the allowance
        if (excess <= 0) continue;
        const f = Math.floor(perDay * excess);
        if (f <= 0) continue;
        payers[m] = i;
        fee[m++] = f;
        fees += f;
      }
      L.postToOne(cur, kind, payers, to, fee, 0, m);
      w.stats.demurrage[cur]! += fees;
      if (burn) w.stats.burned[cur]! += fees;
    }
    if (!burn) dividend(w, cur);
  }
}

/** The commons' balance, split equally among active agents. */
function dividend(w: World, cur: number): void {
  const L = w.ledger;
  const pot = L.balance[cur]![L.commons]!;
  if (pot <= 0) return;
  const a = w.agents;
  const active = w.idxA;
  const status = a.status;
  let m = 0;
  for (let i = 0; i < w.n; i++) { const st = status[i]; if (st !== STATUS.droppedDefault && st !== STATUS.droppedPc) active[m++] = i; }
  if (m === 0) for (let i = 0; i < w.n; i++) active[m++] = i; // nobody active: everyone shares
  const each = Math.floor(pot / m);
  let extra = pot - each * m;
  const start = below(w.rng.dividend, m);
  // active[start..m), then active[0..start): the first `extra` of them get one more.
  const amount = w.bufC; // by position in `active`
  for (let k = start; k < m; k++) {
    amount[k] = each + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
  }
  for (let k = 0; k < start; k++) {
    amount[k] = each + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
  }
  L.postFromOne(cur, KIND.dividend, L.commons, active, amount, start, m);
  L.postFromOne(cur, KIND.dividend, L.commons, active, amount, 0, start);
}
