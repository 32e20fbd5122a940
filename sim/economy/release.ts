/**
 * A good's release to everyone: it counts as released today in its genre (what consumers can copy),
 * and its quality joins its producer's reputation (the mean quality of its released goods).
 */
import type { World } from '../engine/world.js';

export function released(w: World, producer: number, genre: number, quality: number): void {
  w.genres.releasesToday[genre]!++;
  w.stats.goodsReleased++;
  w.goodsTotal++;
  w.agents.qualitySum[producer]! += quality;
  w.agents.releasedCount[producer]!++;
}
