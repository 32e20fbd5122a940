/**
 * Phases 4-5 in `gift` (S0): no money and no markets. Each day, with probability
 * `gift.giveProbability`, a producer gives its surplus hours (what its own cost-minimising mix at the
 * last rate does not need) to a random producer who lacks that input. Everyone else produces with
 * its own hours alone.
 */
import { below } from '../engine/random.js';
import { shareCh } from './production.js';
import type { World } from '../engine/world.js';

export function donations(w: World): void {
  const a = w.agents;
  const e = w.e;
  const sx = shareCh(w.tech, e, w.s.goods.baseMh, w.baseCh);
  const lackCh = w.idxA;
  const lackMh = w.idxB;
  let nCh = 0;
  let nMh = 0;
  for (let i = 0; i < w.n; i++) {
    const ch = a.availCh[i]!;
    const mh = a.availMh[i]!;
    if (ch + mh === 0) continue;
    const d = Math.round(sx * (ch + mh / e) - ch); // + lacks CH (MH surplus), - lacks MH (CH surplus)
    a.planCh[i] = d > 0 ? d : Math.max(d, -ch);
    a.planMh[i] = d > 0 ? -Math.min(mh, Math.round(e * d)) : 0;
    if (d > 0) lackCh[nCh++] = i;
    else if (d < 0) lackMh[nMh++] = i;
  }
  const rng = w.rng.gift;
  const p = w.s.gift.giveProbability;
  for (let i = 0; i < w.n; i++) {
    const d = a.planCh[i]!;
    if (d === 0 || !(rng() < p)) continue;
    if (d < 0 && nCh > 0) {
      const j = lackCh[below(rng, nCh)]!;
      a.givenCh[i] = -d;
      a.receivedCh[j]! += -d;
      w.stats.deliveredCh += -d;
    } else if (d > 0 && nMh > 0) {
      const give = -a.planMh[i]!;
      if (give <= 0) continue;
      const j = lackMh[below(rng, nMh)]!;
      a.givenMh[i] = give;
      a.receivedMh[j]! += give;
      w.stats.deliveredMh += give;
    }
  }
}
