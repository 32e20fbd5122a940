/**
 * The calibrated defaults of MODEL.md section 6: `learning.priorYears`, `rnd.zeta` and `rnd.maxGain`,
 * and only these, set so that `market` (today's kind of economy, the one the data come from) has its
 * cost_index fall by 0.11 to 0.17 log points a year over days 90-1094 (mean OLS slope of ln cost_index,
 * 10 seeds of 500 agents). Source: output per hour of US software publishers grew 15.7 %/year over
 * 1987-2001 (BLS, 0.146 log points a year); Wright's and Moore's laws give steady exponential declines
 * for decades (Nagy et al. 2013; Farmer and Lafond 2016).
 *
 * Written by `npm run calibrate` (sim/cli/calibrate.ts), which prints the table it searched; its
 * latest result and table are in docs/model.md ("Calibration"). Never tuned by hand, never to a claim.
 */
export const PRIOR_YEARS = 30;
export const RND_ZETA = 0.2;
export const RND_MAX_GAIN = 0.1;
