/**
 * The first script of the try-it worker (bundle.ts puts it before the engine): Math.exp, Math.log and
 * Math.cos of the worker's global scope replaced by libm.ts's, which compute what Node computes.
 */
import { cos, exp, log } from './libm.js';

const math = Math as { exp: (x: number) => number; log: (x: number) => number; cos: (x: number) => number };
math.exp = exp;
math.log = log;
math.cos = cos;
