/**
 * Phase 6, produce: progress += q(CH used / costCh, MH used / costMh) (CES, sim/economy/production.ts),
 * several goods a day possible, progress beyond 1 carried to the next good. Hours bought or received
 * are used first, own hours next; with Leontief what the binding input leaves is idle.
 *
 * Each completed good is released at once (`pricing: free`, gift) or opens a campaign at the genre's
 * benchmark price (sim/economy/pricing.ts; S2, S3) or at its cost plus the producer's adaptive markup,
 * in the single currency at the day's wage and CH price (S1: price = (1 + mu_i)(w costMh + r costCh)). A good's cost is the inputs per unit of progress on the day
 * it completes; its quality ~ U(0, 1) is revealed on release. Completed goods count for learning by
 * doing (Wright's law on the genre's cumulative output).
 */
import { usedInputs } from './production.js';
import { released } from './release.js';
import { nearFloor } from './invest.js';
import type { World } from '../engine/world.js';
import { toMilli, fromMilli } from '../money/milli.js';

export function produce(w: World): void {
  const s = w.s;
  const a = w.agents;
  const g = w.genres;
  const st = w.stats;
  const free = !w.pricing.priced;
  const markup = w.pricing.ownMarkup; // else the genre's price, set by the pricing's step before this phase
  const unit = toMilli(w.priceUnit); // campaign price units (milli) per MH-equivalent
  const e = w.e;
  const baseMh = s.goods.baseMh;
  const baseCh = w.baseCh;
  const used = w.pair;
  const tech = w.tech;
  // Locals for the every-agent part: the loop calls out (usedInputs, the goods' draws), after which
  // V8 reloads every field it reads.
  const { availCh: availChs, availMh: availMhs, soldCh, soldMh, givenCh, givenMh, boughtCh, boughtMh,
    receivedCh, receivedMh, slot, m, likedGenre, ownUseCh: ownUseChs, ownUseMh: ownUseMhs, idleCh, idleMh, workValueToday } = a;
  const Lk = a.liked;
  const n = w.n;
  for (let i = 0; i < n; i++) {
    const availCh = availChs[i]!;
    const availMh = availMhs[i]!;
    if (availCh + availMh === 0) continue;
    const ownCh = availCh - soldCh[i]! - givenCh[i]!;
    const ownMh = availMh - soldMh[i]! - givenMh[i]!;
    const extCh = boughtCh[i]! + receivedCh[i]!;
    const extMh = boughtMh[i]! + receivedMh[i]!;
    const j = i * Lk + slot[i]!; // its liked entry: the genre it produces in
    const efficiency = w.efficiency(j); // kept for the completed goods' near-floor count
    const f = m[j]! * efficiency; // w.factor(i, slot)
    const q = usedInputs(tech, fromMilli(ownCh + extCh), fromMilli(ownMh + extMh), baseCh * f, baseMh * f, used);
    const useCh = Math.min(ownCh + extCh, Math.round(toMilli(used[0]!)));
    const useMh = Math.min(ownMh + extMh, Math.round(toMilli(used[1]!)));
    const ownUseCh = Math.max(0, Math.min(ownCh, useCh - extCh));
    const ownUseMh = Math.max(0, Math.min(ownMh, useMh - extMh));
    ownUseChs[i] = ownUseCh;
    ownUseMhs[i] = ownUseMh;
    idleCh[i]! += ownCh - ownUseCh;
    idleMh[i]! += ownMh - ownUseMh;
    st.productionCh += useCh;
    st.productionMh += useMh;
    const soldValue = fromMilli(soldCh[i]! * e + soldMh[i]!);
    const ownValue = fromMilli(ownUseCh * e + ownUseMh);
    workValueToday[i] = soldValue + ownValue;
    // What the work is worth, behind budgets (MODEL.md section 5, "people spend what their work is
    // worth"): own hours count at most at the expected price of the goods they made today (the list
    // price x the genre's funded share over 30 days, as the plan phase reckons), their share of it.
    // Under benchmark prices a producer costlier than the genre's median makes goods priced below
    // their hours; counting the hours in full let laggards pledge on credit what their work never
    // earned, and they defaulted as costs fell (docs/model.md, "What the work is worth"). Cost-plus
    // prices (S1) always cover the hours, so there the worth is the value.
    let worth = ownValue;
    if (!free && !markup && q > 0) {
      const usedValue = fromMilli(useCh * e + useMh);
      const genre = likedGenre[j]!;
      const goodsValue = usedValue > 0 ? (q * g.priceMilli[genre]! * g.fundedShare(genre)) / unit * (ownValue / usedValue) : 0;
      if (goodsValue < worth) worth = goodsValue;
    }
    a.workWorthToday[i] = soldValue + worth;
    if (q <= 0) continue;
    const progress = a.progress[i]! + q;
    const goods = Math.floor(progress);
    a.progress[i] = progress - goods;
    if (goods === 0) continue;
    const genre = likedGenre[j]!;
    const costMh = fromMilli(useMh) / q; // hours per good
    const costCh = fromMilli(useCh) / q;
    st.goodsCompleted += goods;
    st.costMhSum += goods * costMh;
    st.costChSum += goods * costCh;
    st.costIndexSum += goods * f;
    if (nearFloor(w, efficiency)) st.goodsNearFloor += goods;
    g.made[genre]! += goods;
    a.made[j]! += goods;
    a.goodsMade[i]! += goods;
    a.chooseGenre[i] = 1;
    for (let k = 0; k < goods; k++) {
      const quality = w.rng.goods();
      if (free) {
        released(w, i, genre, quality);
      } else if (w.shop !== null) { // per-copy: on sale today, closed; counted as released to its buyers
        const cost = Math.max(1, Math.round((costMh + e * costCh) * unit));
        w.shop.add(i, genre, markup ? Math.round((1 + a.markup[i]!) * cost) : g.priceMilli[genre]!, cost);
        released(w, i, genre, quality);
      } else {
        const cost = Math.max(1, Math.round((costMh + e * costCh) * unit));
        const price = markup ? Math.round((1 + a.markup[i]!) * cost) : g.priceMilli[genre]!;
        const reputation = Math.max(1e-6, a.reputation(i));
        w.book.open(i, genre, price, cost, quality, price / reputation, w.day);
        st.campaignsOpened++;
      }
    }
  }
  g.updateLearning(s.learning.b);
  w.hoursUsedYesterday = fromMilli(st.productionMh + e * st.productionCh); // H of tomorrow's S1 wage
}
