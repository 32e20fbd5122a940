/**
 * replicateSeed(base, r): the seed of replicate r of a sweep (docs/sweeps.md).
 *
 * It depends on the file's base seed and r alone, never on the preset, the point, the number of
 * workers or the order in which runs finish: every preset and every point of a sweep runs on the same
 * seeds (common random numbers, MODEL.md section 11), so differences between presets are paired.
 * The first 31 bits of an alea draw from the stream `sweep/<base>/<r>`, plus 1 (never 0).
 */
import seedrandom from 'seedrandom';

/** The seed of replicate `r` (from 0) of a sweep with base seed `base`: an integer in [1, 2^31]. */
export function replicateSeed(base: number, r: number): number {
  if (!Number.isInteger(base) || !Number.isInteger(r) || r < 0) {
    throw new RangeError(`replicateSeed needs integers base and r >= 0, got base=${base}, r=${r}`);
  }
  return Math.floor(seedrandom.alea(`sweep/${base}/${r}`)() * 2 ** 31) + 1;
}
