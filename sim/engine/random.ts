/**
 * Seeded random streams, one per purpose, derived from the run seed.
 *
 * Each purpose (population, frontier, pledge order, ...) draws from its own stream, so a new phase or a
 * new draw in one phase never reshuffles the draws of the others, and the population is the same in
 * every preset (no institution draws from the `population` stream). The generator is seedrandom's
 * `alea` (Baagoe's Alea: period about 2^116, passes BigCrush, about 7 ns a draw here, as fast as
 * seedrandom's xor128 and better mixed); streams are named `<seed>/<purpose>`.
 */
import seedrandom from 'seedrandom';
import { cos, exp, log } from './libm.js';

export interface Stream {
  /** Uniform in [0, 1). */
  (): number;
}

export function stream(seed: number, purpose: string): Stream {
  return seedrandom.alea(`${seed}/${purpose}`);
}

/** A standard normal draw (Box-Muller; one of the pair is thrown away to keep draws per call fixed). */
export function normal(rng: Stream): number {
  let u = rng();
  while (u <= 0) u = rng();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * rng());
}

/** exp(sigma * N(0,1)): a lognormal factor with median 1. */
export function lognormal(rng: Stream, sigmaLog: number): number {
  return sigmaLog === 0 ? 1 : exp(sigmaLog * normal(rng));
}

/** An integer uniform in [0, n). */
export function below(rng: Stream, n: number): number {
  return Math.floor(rng() * n);
}

/** Shuffle the first n entries of a in place (Fisher-Yates). */
export function shuffle(rng: Stream, a: Int32Array, n: number = a.length): void {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
