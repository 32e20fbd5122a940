/**
 * sim/economy/plan.ts by hand: replication CH first, then a dead PC's replacement, then the R&D share
 * of each input; the rest is available; a producer starting a good picks its genre.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../sim/economy/plan.js';
import { STATUS } from '../../sim/agents/table.js';
import { makeWorld } from '../helpers/world.js';

describe('economy/plan', () => {
  it('a producer reserves 3 x 0.01 CH for copies and 5 % of what is left of each input for R&D', () => {
    const w = makeWorld({ agents: 1 });
    const a = w.agents;
    a.endowCh[0] = 10_000; a.endowMh[0] = 8_000; a.chooseGenre[0] = 0;
    plan(w);
    // replication round(3 x 0.01 x 1,000) = 30; R&D floor(0.05 x 9,970) = 498 CH, floor(0.05 x 8,000) = 400 MH.
    expect([a.replCh[0], a.rndCh[0], a.rndMh[0]]).toEqual([30, 498, 400]);
    expect([a.availCh[0], a.availMh[0]]).toEqual([10_000 - 30 - 498, 8_000 - 400]);
  });

  it('a dead PC takes MH until its price is paid; its owner neither produces nor sells', () => {
    const w = makeWorld({ agents: 1 });
    const a = w.agents;
    a.pcAlive[0] = 0; a.pcPaidMh[0] = 35_000; a.endowCh[0] = 0; a.endowMh[0] = 8_000;
    plan(w);
    // 40 MH price - 35 paid = 5,000 milli owed, less than the 8,000 of today: 5,000 go in; 3,000 idle.
    expect([a.pcMh[0], a.pcPaidMh[0]]).toEqual([5_000, 40_000]);
    expect([a.availCh[0], a.availMh[0], a.idleCh[0], a.idleMh[0]]).toEqual([0, 0, 0, 3_000]);
  });

  it('a dropped-out agent keeps its replication CH and idles every other hour', () => {
    const w = makeWorld({ agents: 1 });
    const a = w.agents;
    a.status[0] = STATUS.droppedPc; a.endowCh[0] = 1_000; a.endowMh[0] = 2_000;
    plan(w);
    expect([a.replCh[0], a.idleCh[0], a.idleMh[0], a.availCh[0], a.availMh[0], a.rndCh[0]]).toEqual([30, 970, 2_000, 0, 0, 0]);
  });

  it('genre choice: gift picks the lowest own cost; priced goods the highest funded share x median / own cost', () => {
    const gift = makeWorld({ agents: 1, genres: { count: 2, liked: 2 }, institutions: { money: 'none', inputs: 'donation', pricing: 'free' } });
    const a = gift.agents;
    a.m.fill(1); a.tech[0] = 0.9; a.tech[1] = 0.5; a.chooseGenre[0] = 1;
    plan(gift);
    expect(a.slot[0]).toBe(1); // factors 0.9 and 0.5
    expect(a.chooseGenre[0]).toBe(0);
    const w = makeWorld({ agents: 1, genres: { count: 2, liked: 2 } });
    const b = w.agents;
    b.m.fill(1); b.tech[0] = 0.9; b.tech[1] = 0.5; b.chooseGenre[0] = 1;
    // Scores 1 x medianFactor / own factor: slot 0 2.7 / 0.9 = 3, slot 1 1 / 0.5 = 2: the dearer genre pays more.
    w.genres.medianFactor[b.likedGenre[0]!] = 2.7;
    w.genres.medianFactor[b.likedGenre[1]!] = 1;
    plan(w);
    expect(b.slot[0]).toBe(0);
  });
});
