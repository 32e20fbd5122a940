/**
 * Benchmark cost pricing (MODEL.md section 5, S2/S3): the price of a good of genre k, in
 * MH-equivalents, is (1 + mu0) x (median costMh + e x median costCh) over the producers of k. Every
 * recipe is the base recipe scaled by the producer's factor, so the medians are the base recipe times
 * the median factor; the medians (and the median technique factor, the target of imitation) are
 * recomputed every `pricing.medianEveryDays`, the price every day at the day's rate.
 *
 * "Producers of k" are the active producers making k now: the benchmark is the typical cost of those
 * who actually make the genre (they chose it for its low own cost). A genre nobody makes this week is
 * priced from the producers who like it (could make it); before that, from its last medians.
 */
import { median } from '../metrics/stats.js';
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';

/** Plan phase: the medians, on days divisible by `pricing.medianEveryDays`. */
export function updateMediansWhenDue(w: World): void {
  if (w.day % w.s.pricing.medianEveryDays === 0) updateMedians(w);
}

export function updateMedians(w: World): void {
  const a = w.agents;
  const g = w.genres;
  const L = a.liked;
  const factors = w.bufA;
  const techs = w.bufB;
  for (let genre = 0; genre < g.k; genre++) {
    let n = 0;
    for (let making = w.day > 0 ? 1 : 0; making >= 0 && n === 0; making--) { // day 0: no genre chosen yet
      for (let i = 0; i < w.n; i++) {
        if (!a.isProducer(i) || a.pcAlive[i] === 0) continue;
        for (let k = 0; k < L; k++) {
          if (a.likedGenre[i * L + k] !== genre || (making === 1 && a.slot[i] !== k)) continue;
          factors[n] = w.factor(i, k);
          techs[n] = a.tech[i * L + k]!;
          n++;
        }
      }
    }
    if (n === 0) continue; // nobody could make it: keep the last medians
    g.medianFactor[genre] = median(factors, n);
    g.medianTech[genre] = median(techs, n);
  }
}

/** Today's benchmark price of every genre, in milli MH-equivalents, at the rate e. */
export function updatePrices(w: World): void {
  const g = w.genres;
  const unit = w.s.goods.baseMh + w.e * w.baseCh;
  for (let genre = 0; genre < g.k; genre++) {
    g.priceMilli[genre] = Math.round(toMilli((1 + w.s.pricing.mu0) * g.medianFactor[genre]! * unit));
  }
}
