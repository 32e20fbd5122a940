/** sim/sensitivity/saltelli.ts and morris.ts: design sizes, roles and the matrices they come from. */
import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../sim/sensitivity/saltelli.js';
import { morrisDelta, morrisDesign } from '../../sim/sensitivity/morris.js';
import { sobolPoints } from '../../sim/sensitivity/sobol.js';

describe('sensitivity/saltelli', () => {
  it('has N (2D + 2) points: A, AB_1..D, BA_1..D, B per row, from a 2D-dimensional Sobol\' sample', () => {
    const n = 16;
    const d = 4;
    const design = saltelliDesign(n, d);
    expect(design.roles).toHaveLength(n * (2 * d + 2));
    expect(design.unit).toHaveLength(n * (2 * d + 2) * d);
    const base = sobolPoints(n, 2 * d);
    const row = (at: number): number[] => Array.from(design.unit.subarray(at * d, at * d + d));
    for (let j = 0; j < n; j++) {
      const a = Array.from(base.subarray(j * 2 * d, j * 2 * d + d));
      const b = Array.from(base.subarray(j * 2 * d + d, (j + 1) * 2 * d));
      const first = j * (2 * d + 2);
      expect(design.roles[first]).toEqual({ matrix: 'A', row: j });
      expect(row(first)).toEqual(a);
      for (let i = 0; i < d; i++) {
        expect(design.roles[first + 1 + i]).toEqual({ matrix: 'AB', row: j, param: i });
        expect(row(first + 1 + i)).toEqual(a.map((x, k) => (k === i ? b[k]! : x)));
        expect(design.roles[first + 1 + d + i]).toEqual({ matrix: 'BA', row: j, param: i });
        expect(row(first + 1 + d + i)).toEqual(b.map((x, k) => (k === i ? a[k]! : x)));
      }
      expect(design.roles[first + 2 * d + 1]).toEqual({ matrix: 'B', row: j });
      expect(row(first + 2 * d + 1)).toEqual(b);
    }
  });

  it('refuses more factors than the direction numbers allow', () => {
    expect(() => saltelliDesign(4, 33)).toThrow(/factors/);
  });
});

describe('sensitivity/morris', () => {
  it('has r (D + 1) points on the p-level grid; each step moves one factor by +-Delta, every factor once', () => {
    const [r, d, p] = [6, 5, 4];
    const design = morrisDesign(r, d, p, 11);
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 12);
    expect(design.roles).toHaveLength(r * (d + 1));
    for (let t = 0; t < r; t++) {
      const moved = new Set<number>();
      for (let s = 1; s <= d; s++) {
        const at = t * (d + 1) + s;
        const role = design.roles[at]!;
        if (!('param' in role)) throw new Error('a step without a factor');
        moved.add(role.param);
        for (let i = 0; i < d; i++) {
          const diff = design.unit[at * d + i]! - design.unit[(at - 1) * d + i]!;
          expect(diff).toBeCloseTo(i === role.param ? role.delta : 0, 12);
        }
      }
      expect(moved.size).toBe(d);
    }
    for (const u of design.unit) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
      expect((u * (p - 1)) % 1).toBeCloseTo(0, 9); // on the grid 0, 1/3, 2/3, 1
    }
  });

  it('is a function of (r, d, p, seed)', () => {
    expect(morrisDesign(3, 4, 4, 1)).toEqual(morrisDesign(3, 4, 4, 1));
    expect(morrisDesign(3, 4, 4, 2).unit).not.toEqual(morrisDesign(3, 4, 4, 1).unit);
  });
});
