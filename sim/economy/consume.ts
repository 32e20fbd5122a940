/**
 * Phase 8, consume: each agent takes up to `consumption.attention` of the goods released today in its
 * liked genres (they are open: anyone may copy), paying `consumption.replicationCh` CH a copy from the
 * CH it reserved in the plan; what the copies did not use is idle. Downloads per genre feed the
 * diversity index.
 */
import { below } from '../engine/random.js';
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';

export function consume(w: World): void {
  const a = w.agents;
  const g = w.genres;
  const Lk = a.liked;
  const rng = w.rng.consume;
  const attention = w.s.consumption.attention;
  const unit = Math.round(toMilli(w.s.consumption.replicationCh));
  // Locals: the draws are calls, after which V8 reloads every field it reads.
  const likedGenre = a.likedGenre;
  const releases = g.releasesToday;
  const downloads = g.downloadsToday;
  const replCh = a.replCh;
  const idleCh = a.idleCh;
  const n = w.n;
  let copiesToday = 0;
  for (let i = 0; i < n; i++) {
    const first = i * Lk;
    let available = 0;
    for (let k = 0; k < Lk; k++) available += releases[likedGenre[first + k]!]!;
    const reserved = replCh[i]!;
    let copies = Math.min(attention, available);
    if (unit > 0) copies = Math.min(copies, Math.floor(reserved / unit));
    for (let c = 0; c < copies; c++) {
      let u = below(rng, available);
      for (let k = 0; k < Lk; k++) {
        const genre = likedGenre[first + k]!;
        const r = releases[genre]!;
        if (u < r) { downloads[genre]!++; break; }
        u -= r;
      }
    }
    const used = copies * unit;
    replCh[i] = used;
    idleCh[i]! += reserved - used;
    copiesToday += copies;
  }
  w.stats.copies = copiesToday;
}
