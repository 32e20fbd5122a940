/**
 * Phase 9, invest: process R&D from own hours. Every producer spends the hours it reserved (rnd.share of
 * each input) on R&D in the genre it has made most. I base recipes' worth of inputs (the same for every
 * producer and every day, so neither cheap producers nor a cheap genre get more attempts per hour), succeeds
 * with probability 1 - exp(-zeta I T^beta), T its technique factor there (a Poisson arrival of ideas whose
 * rate falls as the technique advances: ideas get harder to find, Jones 1995, Bloom et al. 2020;
 * docs/model.md, "Ideas get harder to find"); a success multiplies its technique factor
 * by 1 - U(0, maxGain), or sets it to the genre's median technique factor if that is lower (imitation: the goods are
 * open, so laggards learn from them). `rnd.imitate` chooses what a success imitates: the median (the
 * default), the genre's best technique among the producers who like it (computed the same day), or
 * nothing (pure own R&D).
 */
import type { World } from '../engine/world.js';
import { fromMilli } from '../money/milli.js';
import { exp } from '../engine/libm.js';

/** The liked slot an agent does R&D in: the genre it has made most (ties: the one it makes now). */
export function rndSlot(w: World, i: number): number {
  const a = w.agents;
  const Lk = a.liked;
  let slot = a.slot[i]!;
  for (let k = 0; k < Lk; k++) if (a.made[i * Lk + k]! > a.made[i * Lk + slot]!) slot = k;
  return slot;
}

/**
 * Whether R&D is still worth buying for agent i: its efficiency factor in its R&D genre is not near the
 * incompressible share M (above NEAR_FLOOR x M). Below that, the most any R&D can still save is under a
 * tenth of its cost, and hiring hours for it takes income from sellers for nothing (see hire.ts).
 */
export function canImprove(w: World, i: number): boolean {
  return !nearFloor(w, w.efficiency(i * w.agents.liked + rndSlot(w, i)));
}

/** An efficiency factor within 10 % of M above it (MODEL.md section 10, output_near_floor). */
export const NEAR_FLOOR = 1.1;
export function nearFloor(w: World, efficiency: number): boolean {
  return efficiency <= NEAR_FLOOR * w.s.learning.floor;
}

export function invest(w: World): void {
  const a = w.agents;
  const s = w.s;
  const Lk = a.liked;
  const rng = w.rng.rnd;
  const unitValue = s.goods.baseMh + w.e * w.baseCh; // MH-eq of the base recipe
  const imitate = s.rnd.imitate;
  const target = imitate === 'best' ? bestTechniques(w) : w.genres.medianTech;
  const powers = w.techPowers; // T^beta per liked entry, beta = rnd.beta (T moves only on a success)
  // Locals: the draws are calls, after which V8 reloads every field it reads.
  const { rndMh: rndMhs, hiredMh, rndCh: rndChs, hiredCh, likedGenre, tech: techs } = a;
  const e = w.e;
  const zeta = s.rnd.zeta;
  const maxGain = s.rnd.maxGain;
  const n = w.n;
  let successes = 0;
  for (let i = 0; i < n; i++) {
    const rndMh = rndMhs[i]! + hiredMh[i]!; // own hours reserved, plus hours hired with money
    const rndCh = rndChs[i]! + hiredCh[i]!;
    if (rndMh + rndCh === 0) continue;
    const j = i * Lk + rndSlot(w, i);
    const genre = likedGenre[j]!;
    // Effort in base recipes, not in today's goods (docs/model.md, "R&D effort at the base recipe").
    const worth = fromMilli(rndMh + e * rndCh) / unitValue;
    const tech = techs[j]!;
    const u = rng();
    if (succeeds(u, -zeta * worth * powers.pow(j, tech))) { // pow(T, 0) = 1 exactly: beta 0 is MODEL.md's hazard
      const lowered = tech * (1 - rng() * maxGain); // T falls without bound (the floor is M, in w.efficiency)
      const imitated = imitate === 'none' ? Infinity : target[genre]!;
      techs[j] = lowered < imitated ? lowered : imitated;
      successes++;
    }
  }
  w.stats.rndSuccesses = successes;
}

/**
 * Whether a draw u in [0, 1) succeeds at hazard x, given as minusHazard = -x: u < 1 - exp(-x), with
 * libm's exp (fdlibm, within an ulp). Since 1 - exp(-x) <= x, and for 0 <= x < 1 exp and the
 * subtraction add less than 1e-15 to it, a draw at or above x + 1e-12 fails without the exp; most do
 * (about 99.6 % in the presets, where R&D succeeds rarely), and the exp was the phase's largest cost.
 * Every other draw is decided by the exp itself, so the outcome is the same bit for bit.
 */
export function succeeds(u: number, minusHazard: number): boolean {
  const hazard = -minusHazard;
  if (hazard >= 0 && hazard < 1 && u >= hazard + 1e-12) return false;
  return u < 1 - exp(minusHazard);
}

let best = new Float64Array(0);

/** The lowest technique factor per genre among producers who like it (1 where none does). */
function bestTechniques(w: World): Float64Array {
  const a = w.agents;
  const Lk = a.liked;
  if (best.length !== w.genres.k) best = new Float64Array(w.genres.k);
  best.fill(1);
  for (let i = 0; i < w.n; i++) {
    if (!a.isProducer(i)) continue;
    for (let k = 0; k < Lk; k++) {
      const j = i * Lk + k;
      const g = a.likedGenre[j]!;
      if (a.tech[j]! < best[g]!) best[g] = a.tech[j]!;
    }
  }
  return best;
}
