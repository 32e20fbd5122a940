import { describe, expect, it } from 'vitest';
import { chooseUpgrades, installUpgrades } from '../../sim/economy/upgrade.js';
import { updateMedians } from '../../sim/economy/pricing.js';
import { makeWorld } from '../helpers/world.js';

function world(invest: Record<string, number> = {}) {
  const w = makeWorld({ agents: 2, invest });
  updateMedians(w);
  w.agents.endowMh.fill(8_000);
  w.agents.pcAgeDays.fill(400); // older than the payback window
  return w;
}

describe('economy/upgrade: early PC upgrades', () => {
  it('a producer upgrades when the frontier PC\'s extra goods repay its price within the payback days', () => {
    const w = world();
    w.rmaxFrontier = 3 * Math.max(w.agents.rmax[0]!, w.agents.rmax[1]!);
    chooseUpgrades(w);
    expect(Array.from(w.agents.upgrading)).toEqual([1, 1]);
  });

  it('a PC younger than the payback window is never replaced early', () => {
    const w = world();
    w.agents.pcAgeDays.fill(364);
    w.rmaxFrontier = 3 * Math.max(w.agents.rmax[0]!, w.agents.rmax[1]!);
    chooseUpgrades(w);
    expect(Array.from(w.agents.upgrading)).toEqual([0, 0]);
  });

  it('the PC installed is the one it was offered and judged', () => {
    const w = world();
    w.rmaxFrontier = 3 * Math.max(w.agents.rmax[0]!, w.agents.rmax[1]!);
    chooseUpgrades(w);
    const offered = w.agents.upgradeRmax[0]!;
    expect(offered).toBeGreaterThan(w.agents.rmax[0]!);
    w.agents.upgradeMh[0] = w.s.pc.priceMh * 1000;
    installUpgrades(w);
    expect(w.agents.rmax[0]).toBe(offered);
  });

  it('nobody upgrades to a PC no better than its own, or when upgrades are off', () => {
    const same = world();
    same.rmaxFrontier = 0.5 * Math.min(same.agents.rmax[0]!, same.agents.rmax[1]!);
    chooseUpgrades(same);
    expect(Array.from(same.agents.upgrading)).toEqual([0, 0]);
    for (const invest of [{ upgradePaybackDays: 0 }, { hireShare: 0 }] as Record<string, number>[]) { // off, or no hire market to build it
      const off = world(invest);
      off.rmaxFrontier = 3 * off.agents.rmax[0]!;
      chooseUpgrades(off);
      expect(Array.from(off.agents.upgrading)).toEqual([0, 0]);
    }
  });

  it('a tiny gain does not repay the PC within a year, a large one does: the threshold is the payback', () => {
    const w = world();
    const r = w.agents.rmax[0]!;
    w.rmaxFrontier = r * 1.0001 / (w.agents.cpuRich[0] === 1 ? w.s.population.cpuRichRmaxFactor : w.s.population.labourRichRmaxFactor);
    chooseUpgrades(w);
    expect(w.agents.upgrading[0]).toBe(0);
  });

  it('a paid-up upgrade installs a frontier PC; one whose PC died carries its payment into the replacement', () => {
    const w = world();
    const a = w.agents;
    const price = w.s.pc.priceMh * 1000;
    a.upgrading.fill(1);
    a.upgradeMh[0] = price;
    a.upgradeRmax[0] = 12.5;
    a.pcAgeDays[0] = 500;
    a.upgradeMh[1] = 12_000;
    a.pcAlive[1] = 0;
    a.pcPaidMh[1] = 5_000;
    installUpgrades(w);
    expect(a.pcAgeDays[0]).toBe(0);
    expect(a.rmax[0]).toBe(12.5);
    expect(w.stats.upgrades).toBe(1);
    expect(a.pcPaidMh[1]).toBe(17_000);
    expect(Array.from(a.upgrading)).toEqual([0, 0]);
  });
});
