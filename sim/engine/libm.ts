/**
 * The elementary functions the simulation uses (exp, log, cos, pow), computed with IEEE-754 double
 * arithmetic only, so every JavaScript engine gives the same bits and a run is the same in Node and in a
 * browser (MODEL.md: same scenario + seed = identical outputs on any machine). The language leaves
 * Math.exp/log/cos/pow "implementation-approximated": Chromium 156 and Node 20 differ in the last bit for
 * about 1 argument in 10, and a 500-agent two-token run in the browser parted from the CLI's on day 113.
 *
 * exp, log and cos are fdlibm's algorithms (Sun Microsystems, 1993; e_exp.c, e_log.c, k_cos.c,
 * k_sin.c, e_rem_pio2.c), the ones Node's V8 uses, so they agree with Node's Math bit for bit
 * (test/engine/libm.test.ts). pow(x, y) is exp(y log x) from these two, with pow's exact cases (y = 0,
 * x = 0): its error grows with |y ln x| (1e-14 relative over the engine's ranges; pow(x, 1) need not be
 * x), and it is the same on every engine, which is what the engine needs. Math.sqrt is left to Math: the
 * language leaves it approximated too, but IEEE-754 makes it correctly rounded and every engine uses it. cos's argument reduction
 * covers |x| < 2^20 pi/2 (the engine's arguments are in [0, 2 pi)); beyond it, and for pow of a
 * negative base, which the engine never takes, they fall back on Math. Little-endian words (every
 * platform Node and the browsers run on).
 *
 * Derived from fdlibm (e_exp.c, e_log.c, k_cos.c, k_sin.c, e_rem_pio2.c, s_cos.c):
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunSoft, a Sun
 * Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const highOf = (x: number): number => { f64[0] = x; return u32[1]! | 0; };
const lowOf = (x: number): number => { f64[0] = x; return u32[0]!; };
const withHigh = (x: number, h: number): number => { f64[0] = x; u32[1] = h >>> 0; return f64[0]!; };
const words = (h: number, l: number): number => { u32[1] = h >>> 0; u32[0] = l >>> 0; return f64[0]!; };

const HUGE = 1e300;
const TWOM1000 = 9.33263618503218878990e-302;
const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const INVLN2 = 1.44269504088896338700e+00;
const P1 = 1.66666666666666019037e-01;
const P2 = -2.77777777770155933842e-03;
const P3 = 6.61375632143793436117e-05;
const P4 = -1.65339022054652515390e-06;
const P5 = 4.13813679705723846039e-08;

/**
 * exp and log are too long for V8 to inline, and a call that is not inlined passes its double arguments
 * and result boxed, as fresh heap numbers: produce's CES and invest's hazard were most of what the
 * engine allocated a day, and so of its garbage collection. So their bodies (expIo, logIo, and powIo) take the
 * arguments from and leave the result in `io`, Float64Array slots, and the exported exp, log and pow
 * are wrappers small enough to be inlined. A hot caller that may not inline even those (a long one,
 * whose inlining budget is spent) calls powIo itself (sim/economy/production.ts). The arithmetic is
 * fdlibm's, unchanged: the same bits.
 */
export const io = new Float64Array(2);

export function exp(x: number): number {
  io[0] = x;
  expIo();
  return io[0]!;
}

function expIo(): void {
  let x = io[0]!;
  if (x === 1) { io[0] = Math.E; return; } // as V8 does (fdlibm's is one ulp above e)
  let hx = highOf(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) { io[0] = ((hx & 0xfffff) | lowOf(x)) !== 0 ? x + x : xsb === 0 ? x : 0; return; }
    if (x > 7.09782712893383973096e+02) { io[0] = HUGE * HUGE; return; }
    if (x < -7.45133219101941108420e+02) { io[0] = TWOM1000 * TWOM1000; return; }
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = x - (xsb === 0 ? LN2_HI : -LN2_HI);
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INVLN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    io[0] = 1 + x;
    return;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) { io[0] = 1 - ((x * c) / (c - 2) - x); return; }
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  // y x 2^k: fdlibm adds k to y's exponent word, which is the product by the power of two exactly
  // while the result is normal (k in [-1021, 1023], y near 1: cheaper than rewriting the word); k =
  // 1024 (2^1024 is no double) and the subnormal range take fdlibm's path
  if (k >= -1021 && k <= 1023) io[0] = y * POW2[k + 1074]!;
  else io[0] = k >= -1021 ? withHigh(y, highOf(y) + (k << 20)) : withHigh(y, highOf(y) + ((k + 1000) << 20)) * TWOM1000;
}

/** POW2[k + 1074] = 2^k for k in [-1074, 1023], every power of two that is a double. */
const POW2 = new Float64Array(2098);
for (let k = -1074, p = 5e-324; k <= 1023; k++, p *= 2) POW2[k + 1074] = p;

const LG1 = 6.666666666666735130e-01;
const LG2 = 3.999999999940941908e-01;
const LG3 = 2.857142874366239149e-01;
const LG4 = 2.222219843214978396e-01;
const LG5 = 1.818357216161805012e-01;
const LG6 = 1.531383769920937332e-01;
const LG7 = 1.479819860511658591e-01;
const TWO54 = 1.80143985094819840000e+16;

export function log(x: number): number {
  io[0] = x;
  logIo();
  return io[0]!;
}

function logIo(): void {
  let x = io[0]!;
  f64[0] = x;
  let hx = u32[1]! | 0;
  const lx = u32[0]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) { io[0] = -Infinity; return; }
    if (hx < 0) { io[0] = NaN; return; }
    k -= 54;
    x *= TWO54;
    hx = highOf(x);
  }
  if (hx >= 0x7ff00000) { io[0] = x + x; return; }
  const e = (hx >> 20) - 1023;
  k += e;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // fdlibm sets x's exponent to 0 or -1 (into [sqrt(2)/2, sqrt(2))) by rewriting its high word; the
  // product by the power of two 2^-(e + i / 2^20) is that number exactly, and cheaper
  x *= POW2[1074 - e - (i >> 20)]!;
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) { io[0] = k === 0 ? 0 : k * LN2_HI + k * LN2_LO; return; }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    io[0] = k === 0 ? f - R : k * LN2_HI - ((R - k * LN2_LO) - f);
    return;
  }
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    io[0] = k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
    return;
  }
  io[0] = k === 0 ? f - s * (f - R) : dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

function kernelCos(x: number, y: number): number {
  const ix = highOf(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1;
  const z = x * x;
  const r = z * (4.16666666666666019037e-02 + z * (-1.38888888888741095749e-03 + z * (2.48015872894767294178e-05
    + z * (-2.75573143513906633035e-07 + z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : words(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

function kernelSin(x: number, y: number): number {
  const ix = highOf(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = 8.33333333332248946124e-03 + z * (-1.98412698298579493134e-04 + z * (2.75573137070700676789e-06
    + z * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10)));
  return x - ((z * (0.5 * y - v * r) - y) - v * -1.66666666666666324348e-01);
}

const PIO2_1 = 1.57079632673412561417e+00;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
const INVPIO2 = 6.36619772367581382433e-01;

/** x - n pi/2 as y0 + y1, for |x| up to about 2^19 pi/2; undefined beyond (left to Math.cos). */
function remPio2(x: number, y: [number, number]): number | undefined {
  const hx = highOf(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) { y[0] = z - PIO2_1T; y[1] = (z - y[0]) - PIO2_1T; } else { z -= PIO2_2; y[0] = z - PIO2_2T; y[1] = (z - y[0]) - PIO2_2T; }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) { y[0] = z + PIO2_1T; y[1] = (z - y[0]) + PIO2_1T; } else { z += PIO2_2; y[0] = z + PIO2_2T; y[1] = (z - y[0]) + PIO2_2T; }
    return -1;
  }
  if (ix > 0x413921fb) return undefined;
  let t = Math.abs(x);
  const n = Math.trunc(t * INVPIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T;
  // fdlibm skips the exponent check below when a table says no cancellation can occur; the check gives the same y0 then
  const j = ix >> 20;
  y[0] = r - w;
  let i = j - ((highOf(y[0]) >> 20) & 0x7ff);
  if (i > 16) {
    t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - ((t - r) - w);
    y[0] = r - w;
    i = j - ((highOf(y[0]) >> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - ((t - r) - w);
      y[0] = r - w;
    }
  }
  y[1] = (r - y[0]) - w;
  if (hx < 0) { y[0] = -y[0]; y[1] = -y[1]; return -n; }
  return n;
}

const nativeCos = Math.cos;

export function cos(x: number): number {
  const ix = highOf(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return x - x;
  const y: [number, number] = [0, 0];
  const n = remPio2(x, y);
  if (n === undefined) return nativeCos(x);
  switch (n & 3) {
    case 0: return kernelCos(y[0], y[1]);
    case 1: return -kernelSin(y[0], y[1]);
    case 2: return -kernelCos(y[0], y[1]);
    default: return kernelSin(y[0], y[1]);
  }
}

/** x^y as exp(y log x) (1^y = exp(0) = 1 exactly), with the exact cases x^0 = 1 and 0^y = 0 (y > 0) or Infinity (y < 0). */
export function pow(x: number, y: number): number {
  io[0] = x;
  io[1] = y;
  powIo();
  return io[0]!;
}

/** pow of x = io[0], y = io[1], into io[0]. */
export function powIo(): void {
  const x = io[0]!;
  const y = io[1]!;
  if (y === 0) io[0] = 1;
  else if (x > 0) { logIo(); io[0] = y * io[0]!; expIo(); } // exp(y log x)
  else if (x === 0) io[0] = y > 0 ? 0 : y < 0 ? Infinity : NaN;
  else io[0] = Math.pow(x, y); // a negative base or NaN: never taken by the engine
}
