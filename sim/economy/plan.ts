/**
 * Phase 3, plan: reserve today's replication CH, PC-replacement hours and R&D hours first; what is left
 * (`availCh`, `availMh`) goes to production or sale. A producer about to start a good chooses its genre:
 * the liked genre with the highest expected price / own cost, the expected price being the benchmark
 * price times the genre's funded share over 30 days (`gift`: the lowest own cost). Choosing by list price
 * alone crowds producers into genres that cannot pay them (MODEL.md phase 3).
 *
 * The trade part of the plan is closed-form in the rate e and is fixed when the exchange clears
 * (sim/markets/exchange.ts); in `gift`, donations (sim/economy/gift.ts) use it at the last rate.
 */
import { STATUS } from '../agents/table.js';
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';

export function plan(w: World): void {
  const s = w.s;
  const a = w.agents;
  const replMilli = Math.round(toMilli(s.consumption.attention * s.consumption.replicationCh));
  const pcPrice = Math.round(toMilli(s.pc.priceMh));
  const rndShare = s.rnd.share;
  const free = !w.pricing.priced;
  for (let i = 0; i < w.n; i++) {
    const ch = a.endowCh[i]!;
    const mh = a.endowMh[i]!;
    const repl = ch < replMilli ? ch : replMilli;
    a.replCh[i] = repl;
    let pc = 0;
    if (a.pcAlive[i] === 0) {
      const owed = pcPrice - a.pcPaidMh[i]!;
      pc = owed <= 0 ? 0 : owed < mh ? owed : mh;
      a.pcMh[i] = pc;
      a.pcPaidMh[i]! += pc;
    }
    const status = a.status[i]!;
    const producing = a.pcAlive[i] === 1 && (status === STATUS.producer || status === STATUS.reentered);
    if (!producing) {
      a.availCh[i] = 0; a.availMh[i] = 0;
      a.idleCh[i] = ch - repl;
      a.idleMh[i] = mh - pc;
      continue;
    }
    const rndCh = Math.floor(rndShare * (ch - repl));
    const rndMh = Math.floor(rndShare * (mh - pc));
    a.rndCh[i] = rndCh; a.rndMh[i] = rndMh;
    a.availCh[i] = ch - repl - rndCh;
    a.availMh[i] = mh - pc - rndMh;
    if (a.chooseGenre[i] === 1) {
      a.slot[i] = free ? cheapestSlot(w, i) : bestExpectedSlot(w, i);
      a.chooseGenre[i] = 0;
    }
  }
}

/** The liked slot with the lowest own cost factor. */
function cheapestSlot(w: World, i: number): number {
  let best = 0;
  let bestF = Infinity;
  for (let k = 0; k < w.agents.liked; k++) {
    const f = w.factor(i, k);
    if (f < bestF) { bestF = f; best = k; }
  }
  return best;
}

/** The liked slot with the highest expected price / own cost (prices scale with the genre's median factor). */
function bestExpectedSlot(w: World, i: number): number {
  const g = w.genres;
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < w.agents.liked; k++) {
    const genre = w.agents.likedGenre[i * w.agents.liked + k]!;
    const score = (g.fundedShare(genre) * g.medianFactor[genre]!) / w.factor(i, k);
    if (score > bestScore) { bestScore = score; best = k; }
  }
  return best;
}
