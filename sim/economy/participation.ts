/**
 * Phase 11, participation (MODEL.md section 7). Weekly, pi += gain x (rho - 1), clipped to [piMin, 1],
 * where rho = (token receipts - token payments for inputs) / (own hours used in production + hours sold)
 * over the last 90 days in MH-equivalents (undefined until the first good or sale; in `gift` nothing
 * comes back, so rho = 0). With the default piMin = 1 participation is fixed.
 *
 * Drop-out as a producer: a dead PC not replaced within `pc.outDays`, or a default (sim/money/credit.ts).
 * Dropped agents still consume and may pledge their positive balances; they re-enter after
 * `participation.reentryDays` if their PC works.
 */
import { STATUS } from '../agents/table.js';
import type { World } from '../engine/world.js';

/** rho of agent i, NaN while undefined. */
export function rho(w: World, i: number): number {
  const work = w.workRho.sum[i]!;
  return work > 1e-9 ? w.netRho.sum[i]! / work : NaN;
}

export function participation(w: World): void {
  const a = w.agents;
  const s = w.s;
  const piMin = s.participation.piMin;
  if (w.day % 7 === 6 && piMin < 1) {
    const gain = s.participation.gain;
    for (let i = 0; i < w.n; i++) {
      const r = rho(w, i);
      if (r !== r) continue;
      const pi = a.pi[i]! + gain * (r - 1);
      a.pi[i] = pi < piMin ? piMin : pi > 1 ? 1 : pi;
    }
  }
  const outDays = s.pc.outDays;
  const reentry = s.participation.reentryDays;
  const reentryDefault = s.credit.reentryDays;
  for (let i = 0; i < w.n; i++) {
    const status = a.status[i]!;
    if (status === STATUS.producer || status === STATUS.reentered) {
      if (a.pcAlive[i] === 0 && w.day - a.pcDeadSince[i]! >= outDays) {
        a.status[i] = STATUS.droppedPc;
        a.statusSince[i] = w.day;
      }
    } else if (a.pcAlive[i] === 1) {
      const wait = status === STATUS.droppedDefault ? reentryDefault : reentry;
      if (w.day - a.statusSince[i]! >= wait) {
        a.status[i] = STATUS.reentered;
        a.statusSince[i] = w.day;
        a.chooseGenre[i] = 1;
      }
    }
  }
}
