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

/** The producers making each genre, grouped by genre in agent order: genre g's are makers[first[g] .. first[g + 1]). */
let makers = new Int32Array(0);
let first = new Int32Array(0);
let next = new Int32Array(0);

export function updateMedians(w: World): void {
  const a = w.agents;
  const g = w.genres;
  const L = a.liked;
  const factors = w.bufA;
  const techs = w.bufB;
  const making = w.day > 0; // day 0: no genre chosen yet
  // The producers making a genre (in the liked slot they produce in), found in one pass over the agents
  // for all genres, in agent order as a pass per genre found them.
  if (making) {
    if (makers.length < w.n) makers = new Int32Array(w.n);
    if (first.length < g.k + 1) { first = new Int32Array(g.k + 1); next = new Int32Array(g.k); }
    const mk = makers, f = first, nx = next;
    f.fill(0);
    for (let i = 0; i < w.n; i++) if (a.isProducer(i) && a.pcAlive[i] !== 0) f[a.likedGenre[i * L + a.slot[i]!]! + 1]!++;
    for (let genre = 0; genre < g.k; genre++) { f[genre + 1]! += f[genre]!; nx[genre] = f[genre]!; }
    for (let i = 0; i < w.n; i++) if (a.isProducer(i) && a.pcAlive[i] !== 0) mk[nx[a.likedGenre[i * L + a.slot[i]!]!]!++] = i;
  }
  for (let genre = 0; genre < g.k; genre++) {
    let n = 0;
    if (making) {
      for (let p = first[genre]!; p < first[genre + 1]!; p++) {
        const i = makers[p]!;
        const k = a.slot[i]!;
        factors[n] = w.factor(i, k);
        techs[n] = a.tech[i * L + k]!;
        n++;
      }
    }
    if (n === 0) { // nobody makes it (or day 0): the producers who like it
      for (let i = 0; i < w.n; i++) {
        if (!a.isProducer(i) || a.pcAlive[i] === 0) continue;
        for (let k = 0; k < L; k++) {
          if (a.likedGenre[i * L + k] !== genre) continue;
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
