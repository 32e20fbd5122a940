/**
 * The claim statistics of each run as runs.csv columns (`stat_*`, defined in sim/analysis/statistics.ts):
 * the per-run numbers behind the verdicts of MODEL.md section 9, so a pandas or R user can recompute a
 * claim's paired interval from runs.csv alone. agents.csv is read for C2 (rho against efficiency).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimStatistics, STATISTIC_NAMES } from '../analysis/statistics.js';
import type { RunColumnProvider } from './runColumns.js';

export const CLAIM_COLUMNS: RunColumnProvider = {
  columns: STATISTIC_NAMES,
  values: ({ dir, table, scenario }) => {
    const agentsPath = join(dir, 'agents.csv');
    const agents = existsSync(agentsPath) ? readFileSync(agentsPath, 'utf8') : undefined;
    const stats = claimStatistics(table, agents, scenario);
    return STATISTIC_NAMES.map((name) => stats[name]);
  },
};
