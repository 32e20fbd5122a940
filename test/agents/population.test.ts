import { describe, expect, it } from 'vitest';
import { createPopulation, CALIBRATIONS } from '../../sim/agents/population.js';
import { STATUS } from '../../sim/agents/table.js';
import { stream } from '../../sim/engine/random.js';
import { scenario } from '../helpers/world.js';

const people = (input: Parameters<typeof scenario>[0]) => {
  const s = scenario(input);
  return createPopulation(s, stream(s.seed, 'population'));
};

describe('agents/population', () => {
  it('exactly round(cpuRichShare x n) agents are CPU-rich', () => {
    // 0.5 x 101 = 50.5 -> 51 (Math.round); 0.3 x 10 = 3.
    expect(people({ agents: 101, seed: 3 }).cpuRich.reduce((s, x) => s + x, 0)).toBe(51);
    expect(people({ agents: 10, seed: 3, population: { cpuRichShare: 0.3 } }).cpuRich.reduce((s, x) => s + x, 0)).toBe(3);
  });

  it('types set work hours: labour-rich agents work 1.5 x 8 = 12 hours, CPU-rich 8', () => {
    const a = people({ agents: 200, seed: 1 });
    for (let i = 0; i < a.n; i++) expect(a.workHours[i]).toBe(a.cpuRich[i] === 1 ? 8 : 12);
  });

  it('CPU-rich PCs are faster: the median Rmax of each type is near its factor x the calibration median', () => {
    const a = people({ agents: 4000, seed: 2 });
    const rich: number[] = [];
    const poor: number[] = [];
    for (let i = 0; i < a.n; i++) (a.cpuRich[i] === 1 ? rich : poor).push(a.rmax[i]!);
    const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    // source calibration: median 1.25 GFLOPS; x2 for CPU-rich = 2.5, x0.5 for labour-rich = 0.625 (sigma 0.2 lognormal).
    expect(CALIBRATIONS.source.rmaxMedianGflops).toBe(1.25);
    expect(med(rich) / 2.5).toBeCloseTo(1, 1);
    expect(med(poor) / 0.625).toBeCloseTo(1, 1);
  });

  it('each agent likes `liked` distinct genres, all below genres.count', () => {
    const a = people({ agents: 300, seed: 4, genres: { count: 6, liked: 4 } });
    expect(a.liked).toBe(4);
    for (let i = 0; i < a.n; i++) {
      const liked = Array.from(a.likedGenre.subarray(i * 4, i * 4 + 4));
      expect(new Set(liked).size).toBe(4);
      expect(liked.every((g) => g < 6)).toBe(true);
    }
  });

  it('everyone starts as a producer with a working PC, pi = 1 and an age below initialAgeMaxYears', () => {
    const a = people({ agents: 100, seed: 5 });
    for (let i = 0; i < a.n; i++) {
      expect(a.status[i]).toBe(STATUS.producer);
      expect(a.pcAlive[i]).toBe(1);
      expect(a.pi[i]).toBe(1);
      expect(a.pcAgeDays[i]).toBeLessThan(3 * 365);
    }
  });

  it('the population depends on the seed and on nothing an institution chooses', () => {
    const base = people({ agents: 50, seed: 6 });
    const gift = people({ agents: 50, seed: 6, institutions: { money: 'none', inputs: 'donation', pricing: 'free' }, demurrage: { rate: 0.5 } });
    const other = people({ agents: 50, seed: 7 });
    expect(Array.from(gift.rmax)).toEqual(Array.from(base.rmax));
    expect(Array.from(gift.m)).toEqual(Array.from(base.m));
    expect(Array.from(other.rmax)).not.toEqual(Array.from(base.rmax));
  });

  it('reputation is the mean quality of released goods, 0.5 before any', () => {
    const a = people({ agents: 2, seed: 1 });
    expect(a.reputation(0)).toBe(0.5);
    a.qualitySum[0] = 0.9 + 0.3;
    a.releasedCount[0] = 2;
    expect(a.reputation(0)).toBeCloseTo(0.6, 12);
  });
});
