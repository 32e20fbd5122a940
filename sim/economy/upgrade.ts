/**
 * Early PC upgrades (the talk page's investment in "faster PCs"; MODEL.md section 4, investment with
 * money). Weekly, a producer whose PC still works and is at least `invest.upgradePaybackDays` old is
 * offered a frontier PC (drawn like a replacement: the frontier Rmax times its type factor times a
 * lognormal draw, from its own stream). It buys that PC when the *extra goods* it would let it make
 * from its own hours (CES, its own recipe, its MH unchanged) times its genre's expected price (the
 * genre's median cost with the margin it is priced at, mu0 or its own markup, times the genre's funded
 * share, as genres are chosen in phase 3) repay `pc.priceMh` within `invest.upgradePaybackDays`. It
 * then hires the PC's price in hours from other producers with tokens (or a loan: sim/markets/lend.ts)
 * in the hire market (sim/markets/hire.ts); once paid, the PC it was offered replaces the old one at
 * the next day's frontier phase.
 * Why the age and the offer (docs/model.md): a payback "within a year" means nothing for a PC kept less
 * than a year, and judging against the frontier's median while receiving a draw around it made every
 * below-median draw an upgrade again the next week (a review measured PCs replaced at a median age of
 * 41 days, and fewer goods than with upgrades off). Only the upgrader's own production counts, not the
 * CH it could sell: a cpu-rich producer gains little from more CH when CH and MH are complements
 * (sigma < 1), so it does not upgrade.
 */
import { CALIBRATIONS, rmaxTypeFactor } from '../agents/population.js';
import { lognormal } from '../engine/random.js';
import { ces } from './production.js';
import type { World } from '../engine/world.js';
import { toMilli, fromMilli } from '../money/milli.js';

/** Weekly: which working PCs are worth replacing early. */
export function chooseUpgrades(w: World): void {
  const s = w.s;
  const payback = s.invest.upgradePaybackDays;
  // No upgrades without the hire market that would build them (hireShare 0), or in the bank's bootstrap.
  if (!w.hasMoney || payback <= 0 || s.invest.hireShare === 0 || w.day % 7 !== 0 || w.money.bankPaysInputs(w)) return;
  const a = w.agents;
  const pcPrice = s.pc.priceMh; // MH-equivalents
  const onHours = s.pc.onHoursPerDay;
  const unit = s.goods.baseMh + w.e * w.baseCh; // MH-eq of the base recipe
  const markup = w.pricing.ownMarkup;
  const sigmaLog = CALIBRATIONS[s.calibration].rmaxSigmaLog;
  for (let i = 0; i < w.n; i++) {
    if (a.upgrading[i] === 1 || a.pcAlive[i] === 0 || !a.isProducer(i) || a.pcAgeDays[i]! < payback) continue;
    const rmaxNew = w.rmaxFrontier * rmaxTypeFactor(s, a.cpuRich[i] === 1) * lognormal(w.rng.upgrade, sigmaLog);
    const rmaxOld = a.rmax[i]!;
    if (rmaxNew <= rmaxOld) continue;
    const f = w.factor(i, a.slot[i]!);
    const x = (rmaxOld * onHours) / (f * w.baseCh); // recipe units a day
    const y = fromMilli(a.endowMh[i]!) / (f * s.goods.baseMh);
    const extraGoods = ces(w.tech, (x * rmaxNew) / rmaxOld, y) - ces(w.tech, x, y);
    const g = w.genreOf(i);
    const margin = markup ? a.markup[i]! : s.pricing.mu0;
    const price = w.genres.medianFactor[g]! * unit * (1 + margin) * w.genres.fundedShare(g); // MH-eq a good
    const value = extraGoods * price; // MH-eq a day
    if (value > 0 && pcPrice <= payback * value) {
      a.upgrading[i] = 1;
      a.upgradeMh[i] = 0;
      a.upgradeRmax[i] = rmaxNew;
    }
  }
}

/** Frontier phase: a paid-up upgrade replaces the working PC; a PC that died while being paid for
 * carries what was paid into its replacement. */
export function installUpgrades(w: World): void {
  const a = w.agents;
  const s = w.s;
  const priceMilli = Math.round(toMilli(s.pc.priceMh));
  let installed = 0;
  for (let i = 0; i < w.n; i++) {
    if (a.upgrading[i] === 0) continue;
    if (a.pcAlive[i] === 0) {
      a.pcPaidMh[i] = Math.min(priceMilli, a.pcPaidMh[i]! + a.upgradeMh[i]!);
      a.upgrading[i] = 0;
      a.upgradeMh[i] = 0;
    } else if (a.upgradeMh[i]! >= priceMilli) {
      a.rmax[i] = a.upgradeRmax[i]!; // the PC it was offered
      a.pcAgeDays[i] = 0;
      a.upgrading[i] = 0;
      a.upgradeMh[i] = 0;
      installed++;
    }
  }
  w.stats.upgrades = installed;
}
