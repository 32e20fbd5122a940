/**
 * Early PC upgrades (the talk page's investment in "faster PCs"; MODEL.md section 4, investment with
 * money). Weekly, a producer whose PC still works compares it with the frontier PC it could buy (the
 * frontier Rmax times its type factor): the *extra goods* the faster PC would let it make from its own
 * hours (CES, its own recipe, its MH unchanged) times its genre's expected price (the genre's median
 * cost with the margin it is priced at, mu0 or its own markup, times the genre's funded share, as genres
 * are chosen in phase 3) must repay `pc.priceMh` within
 * `invest.upgradePaybackDays`. It then hires the PC's price in hours from other producers with tokens
 * (or a loan: sim/markets/lend.ts) in the hire market (sim/markets/hire.ts); once paid, the new PC
 * replaces the old one at the next day's frontier phase, drawn like a replacement from its own stream.
 * Only the upgrader's own production counts, not the CH it could sell: a cpu-rich producer gains
 * little from more CH when CH and MH are complements (sigma < 1), so it does not upgrade.
 */
import { CALIBRATIONS, rmaxTypeFactor } from '../agents/population.js';
import { lognormal } from '../engine/random.js';
import { ces } from './production.js';
import { bankPaysInputs } from '../money/peerBank.js';
import type { World } from '../engine/world.js';

/** Weekly: which working PCs are worth replacing early. */
export function chooseUpgrades(w: World): void {
  const s = w.s;
  const payback = s.invest.upgradePaybackDays;
  if (!w.hasMoney || payback <= 0 || w.day % 7 !== 0 || bankPaysInputs(w)) return;
  const a = w.agents;
  const pcPrice = s.pc.priceMh; // MH-equivalents
  const onHours = s.pc.onHoursPerDay;
  const unit = s.goods.baseMh + w.e * w.baseCh; // MH-eq of the base recipe
  const markup = s.institutions.pricing === 'markup';
  for (let i = 0; i < w.n; i++) {
    if (a.upgrading[i] === 1 || a.pcAlive[i] === 0 || !a.isProducer(i)) continue;
    const rmaxNew = w.rmaxFrontier * rmaxTypeFactor(s, a.cpuRich[i] === 1);
    const rmaxOld = a.rmax[i]!;
    if (rmaxNew <= rmaxOld) continue;
    const f = w.factor(i, a.slot[i]!);
    const x = (rmaxOld * onHours) / (f * w.baseCh); // recipe units a day
    const y = (a.endowMh[i]! / 1000) / (f * s.goods.baseMh);
    const extraGoods = ces(w.tech, (x * rmaxNew) / rmaxOld, y) - ces(w.tech, x, y);
    const g = w.genreOf(i);
    const margin = markup ? a.markup[i]! : s.pricing.mu0;
    const price = w.genres.medianFactor[g]! * unit * (1 + margin) * w.genres.fundedShare(g); // MH-eq a good
    const value = extraGoods * price; // MH-eq a day
    if (value > 0 && pcPrice <= payback * value) {
      a.upgrading[i] = 1;
      a.upgradeMh[i] = 0;
    }
  }
}

/** Frontier phase: a paid-up upgrade replaces the working PC; a PC that died while being paid for
 * carries what was paid into its replacement. */
export function installUpgrades(w: World): void {
  const a = w.agents;
  const s = w.s;
  const cal = CALIBRATIONS[s.calibration];
  const priceMilli = Math.round(s.pc.priceMh * 1000);
  let installed = 0;
  for (let i = 0; i < w.n; i++) {
    if (a.upgrading[i] === 0) continue;
    if (a.pcAlive[i] === 0) {
      a.pcPaidMh[i] = Math.min(priceMilli, a.pcPaidMh[i]! + a.upgradeMh[i]!);
      a.upgrading[i] = 0;
      a.upgradeMh[i] = 0;
    } else if (a.upgradeMh[i]! >= priceMilli) {
      a.rmax[i] = w.rmaxFrontier * rmaxTypeFactor(s, a.cpuRich[i] === 1) * lognormal(w.rng.upgrade, cal.rmaxSigmaLog);
      a.pcAgeDays[i] = 0;
      a.upgrading[i] = 0;
      a.upgradeMh[i] = 0;
      installed++;
    }
  }
  w.stats.upgrades = installed;
}
