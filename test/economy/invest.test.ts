import { describe, expect, it } from 'vitest';
import { invest } from '../../sim/economy/invest.js';
import { updateMedians } from '../../sim/economy/pricing.js';
import { makeWorld } from '../helpers/world.js';

/** Four producers who all like the same genres; agent 0 does certain R&D (huge zeta) that gains nothing
 * by itself (maxGain 0), so only imitation can move its technique. */
function world(imitate: 'median' | 'best' | 'none') {
  const w = makeWorld({ agents: 4, genres: { count: 3, liked: 3 }, rnd: { zeta: 1e6, maxGain: 0, imitate } });
  const a = w.agents;
  for (let i = 0; i < 4; i++) for (let k = 0; k < 3; k++) a.likedGenre[i * 3 + k] = k;
  a.slot.fill(0);
  a.tech.set([1, 1, 1, 0.5, 1, 1, 0.7, 1, 1, 0.9, 1, 1]); // genre 0: 1, 0.5, 0.7, 0.9
  updateMedians(w);
  a.rndMh[0] = 10_000;
  return w;
}

describe('economy/invest: R&D and imitation', () => {
  it('a success imitates the genre\'s median technique by default', () => {
    const w = world('median');
    invest(w);
    expect(w.stats.rndSuccesses).toBe(1);
    expect(w.agents.tech[0]).toBe(w.genres.medianTech[0]);
    expect(w.agents.tech[0]).toBeLessThan(1);
  });
  it('with imitate: best, it adopts the best technique of the genre', () => {
    const w = world('best');
    invest(w);
    expect(w.agents.tech[0]).toBe(0.5);
  });
  it('with imitate: none, only its own R&D counts', () => {
    const w = world('none');
    invest(w);
    expect(w.stats.rndSuccesses).toBe(1);
    expect(w.agents.tech[0]).toBe(1);
  });
});
