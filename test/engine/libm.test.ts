/**
 * sim/engine/libm: exp, log and cos as Node computes them, bit for bit, on random arguments over the
 * ranges the engine uses and beyond; pow within a few ulps of Math.pow, with its exact cases. The
 * engine takes them from here, so a run in a browser gives the CLI's numbers.
 */
import { describe, expect, it } from 'vitest';
import { cos, exp, log, pow } from '../../sim/engine/libm.js';

/** A seeded stream of numbers in [0, 1): the same arguments on every run. */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** How many of `n` arguments `ours` and Node's `theirs` differ on (Object.is: -0 and NaN count), and the first. */
function differences(n: number, arg: (r: () => number) => number, ours: (x: number) => number, theirs: (x: number) => number): { count: number; first?: string } {
  const r = stream(7);
  let count = 0;
  let first: string | undefined;
  for (let i = 0; i < n; i++) {
    const x = arg(r);
    if (!Object.is(ours(x), theirs(x))) {
      count++;
      first ??= `${x}: ${ours(x)} vs ${theirs(x)}`;
    }
  }
  return first === undefined ? { count } : { count, first };
}

const N = 300_000;

describe('engine/libm', () => {
  it('exp agrees with Math.exp on every argument, from underflow to overflow', () => {
    expect(differences(N, (r) => r() * 60 - 30, exp, Math.exp)).toEqual({ count: 0 });
    expect(differences(N, (r) => r() * 1500 - 750, exp, Math.exp)).toEqual({ count: 0 });
    expect(differences(N, (r) => (r() - 0.5) * 1e-3, exp, Math.exp)).toEqual({ count: 0 });
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, 709.78, 709.79, -745.13, -745.14, 1e-300]) expect(Object.is(exp(x), Math.exp(x)), String(x)).toBe(true);
  });

  it('log agrees with Math.log on every argument, subnormals and near 1 included', () => {
    expect(differences(N, (r) => r() * 10 ** (r() * 40 - 20), log, Math.log)).toEqual({ count: 0 });
    expect(differences(N, (r) => 1 + (r() - 0.5) * 1e-5, log, Math.log)).toEqual({ count: 0 });
    for (const x of [0, -0, 1, -1, 5e-324, 2.2e-308, Infinity, NaN, 2]) expect(Object.is(log(x), Math.log(x)), String(x)).toBe(true);
  });

  it('cos agrees with Math.cos on every argument, over the circle and beyond', () => {
    expect(differences(N, (r) => 2 * Math.PI * r(), cos, Math.cos)).toEqual({ count: 0 });
    expect(differences(N, (r) => (r() - 0.5) * 2000, cos, Math.cos)).toEqual({ count: 0 });
    for (const x of [0, -0, Math.PI / 4, Math.PI / 2, Math.PI, 1e6, 1e300, Infinity, NaN]) expect(Object.is(cos(x), Math.cos(x)), String(x)).toBe(true);
  });

  it('pow is exp(y log x): within a few ulps of Math.pow over the engine\'s ranges, exact where pow is exact', () => {
    const r = stream(11);
    let worst = 0;
    for (let i = 0; i < N; i++) {
      const x = r() * 10 ** (r() * 8 - 4);
      const y = r() * 8 - 4;
      const want = Math.pow(x, y);
      worst = Math.max(worst, Math.abs(pow(x, y) - want) / want);
    }
    expect(worst).toBeLessThan(1e-14);
    for (const [x, y, want] of [[5, 0, 1], [0, 0, 1], [1, 7.5, 1], [0, 2, 0], [0, -1, Infinity], [Infinity, 2, Infinity], [Infinity, -2, 0], [4, 0.5, 2]] as const) {
      expect(pow(x, y), `${x}^${y}`).toBeCloseTo(want, 14);
    }
    expect(pow(2, 10)).toBeCloseTo(1024, 10);
  });
});
