/**
 * sim/sensitivity/morris.ts: r trajectories of d + 1 points on the p-level grid, one factor moving by
 * +-Delta at each step, every coordinate exactly on a level (so a discrete factor gets the same value
 * at the same level in every trajectory).
 */
import { describe, expect, it } from 'vitest';
import { morrisDelta, morrisDesign } from '../../sim/sensitivity/morris.js';
import { factorValue } from '../../sim/sweep/sample.js';

describe('sensitivity/morris', () => {
  it('walks r trajectories of d + 1 points, one factor by +-Delta a step, every coordinate exactly k / (p - 1)', () => {
    for (const levels of [4, 8, 10]) {
      const d = 5;
      const m = morrisDesign(40, d, levels, 7);
      expect(m.unit.length).toBe(40 * (d + 1) * d);
      const grid = Array.from({ length: levels }, (_, k) => k / (levels - 1));
      for (const u of m.unit) expect(grid).toContain(u);
      m.roles.forEach((role, at) => {
        if (!('param' in role)) return;
        const moved = Array.from({ length: d }, (_, i) => m.unit[at * d + i]! - m.unit[(at - 1) * d + i]!);
        moved.forEach((dx, i) => (i === role.param ? expect(dx).toBeCloseTo(role.delta, 12) : expect(dx).toBe(0)));
        expect(Math.abs(role.delta)).toBe(morrisDelta(levels));
      });
    }
  });

  it('gives a discrete factor the value of its level in every trajectory (10 levels, 3 values; 8 levels, 7 values)', () => {
    for (const [levels, k] of [[10, 3], [8, 7]] as const) {
      const values = Array.from({ length: k }, (_, i) => `v${i}`);
      const m = morrisDesign(60, 3, levels, 1);
      const byLevel = new Map<number, Set<unknown>>();
      for (const u of m.unit) {
        const level = Math.round(u * (levels - 1));
        byLevel.set(level, (byLevel.get(level) ?? new Set()).add(factorValue({ key: 'x', kind: 'values', values }, u)));
      }
      for (const [level, seen] of byLevel) expect(seen.size, `level ${level}`).toBe(1);
    }
  });
});
