/**
 * The population: agent types, PCs, work budgets, liked genres and recipe multipliers, drawn from the
 * `population` stream alone, so the same seed gives the same people in every preset (MODEL.md
 * section 11). Calibrations (MODEL.md section 1): Rmax is lognormal around the median.
 */
import type { Scenario } from '../scenario/schema.js';
import { lognormal, below, type Stream } from '../engine/random.js';
import { AgentTable } from './table.js';

export interface Calibration {
  readonly rmaxMedianGflops: number;
  readonly rmaxSigmaLog: number;
}

/** Source: the talk page (10 CH/day = 1.25 GFLOPS x 8 h); 2009: a 2008 quad-core measured 40.6 GFLOPS in
 * Linpack; 2020s: desktops measure 130-240 GFLOPS in HPL. */
export const CALIBRATIONS: Record<Scenario['calibration'], Calibration> = {
  source: { rmaxMedianGflops: 1.25, rmaxSigmaLog: 0.2 },
  '2009': { rmaxMedianGflops: 40, rmaxSigmaLog: 0.5 },
  '2020s': { rmaxMedianGflops: 130, rmaxSigmaLog: 0.5 },
};

export function rmaxTypeFactor(s: Scenario, cpuRich: boolean): number {
  return cpuRich ? s.population.cpuRichRmaxFactor : s.population.labourRichRmaxFactor;
}

export function createPopulation(s: Scenario, rng: Stream): AgentTable {
  const n = s.agents;
  const liked = Math.min(s.genres.liked, s.genres.count);
  const a = new AgentTable(n, liked);
  const cal = CALIBRATIONS[s.calibration];
  const cpuRichCount = Math.round(s.population.cpuRichShare * n);
  // Types: a random subset of exactly cpuRichCount agents (a partial Fisher-Yates over ids).
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  for (let k = 0; k < cpuRichCount; k++) {
    const j = k + below(rng, n - k);
    const t = ids[k]!; ids[k] = ids[j]!; ids[j] = t;
    a.cpuRich[ids[k]!] = 1;
  }
  const genres = new Int32Array(s.genres.count);
  for (let i = 0; i < n; i++) {
    const rich = a.cpuRich[i] === 1;
    a.rmax[i] = cal.rmaxMedianGflops * rmaxTypeFactor(s, rich) * lognormal(rng, cal.rmaxSigmaLog);
    a.pcAlive[i] = 1;
    a.pcAgeDays[i] = Math.floor(rng() * s.pc.initialAgeMaxYears * 365);
    a.workHours[i] = s.work.hoursPerDay * (rich ? 1 : s.population.labourRichHoursFactor);
    a.pi[i] = 1;
    // Liked genres: `liked` distinct of K, by a partial shuffle.
    for (let g = 0; g < genres.length; g++) genres[g] = g;
    for (let k = 0; k < liked; k++) {
      const j = k + below(rng, genres.length - k);
      const t = genres[k]!; genres[k] = genres[j]!; genres[j] = t;
      a.likedGenre[i * liked + k] = genres[k]!;
      a.m[i * liked + k] = lognormal(rng, s.population.techSigmaLog);
    }
  }
  return a;
}
