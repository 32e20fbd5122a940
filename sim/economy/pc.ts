/**
 * Phase 1, frontier: the best PC money can buy doubles every `pc.frontierDoublingYears` (2.32 years:
 * CPU FLOP/s per dollar); PCs age and die (for sure at `maxAgeYears`, with a constant hazard after
 * `hazardFromYears`); a dead PC is replaced by a frontier PC once its owner has put `pc.priceMh` of
 * its own work into it (the agent's type factor and a fresh lognormal draw keep heterogeneity).
 */
import { CALIBRATIONS, rmaxTypeFactor } from '../agents/population.js';
import { lognormal } from '../engine/random.js';
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';
import { pow } from '../engine/libm.js';

export function frontier(w: World): void {
  const s = w.s;
  const a = w.agents;
  const cal = CALIBRATIONS[s.calibration];
  const rng = w.rng.frontier;
  w.rmaxFrontier = cal.rmaxMedianGflops * pow(2, w.day / (365 * s.pc.frontierDoublingYears));
  const maxAge = s.pc.maxAgeYears * 365;
  const hazardFrom = s.pc.hazardFromYears * 365;
  const hazard = 1 / (s.pc.hazardMeanYears * 365);
  const priceMilli = Math.round(toMilli(s.pc.priceMh));
  for (let i = 0; i < w.n; i++) {
    if (a.pcAlive[i] === 1) {
      const age = a.pcAgeDays[i]! + 1;
      a.pcAgeDays[i] = age;
      if (age >= maxAge || (age >= hazardFrom && rng() < hazard)) {
        a.pcAlive[i] = 0;
        a.pcDeadSince[i] = w.day;
        a.pcPaidMh[i] = 0;
      }
    } else if (a.pcPaidMh[i]! >= priceMilli) {
      a.rmax[i] = w.rmaxFrontier * rmaxTypeFactor(s, a.cpuRich[i] === 1) * lognormal(rng, cal.rmaxSigmaLog);
      a.pcAlive[i] = 1;
      a.pcAgeDays[i] = 0;
      a.pcDeadSince[i] = -1;
      a.pcPaidMh[i] = 0;
    }
  }
  if (w.day % 7 === 0) w.updateBaseRecipe();
}
