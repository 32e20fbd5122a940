/**
 * sweep.json (sim/io/sweepJson.ts) read for analysis: the plan of a sweep folder, with any problem an
 * AnalysisError (exit 2) naming the folder or the field path and what was expected.
 */
import { readSweepJson, type SweepJson, type SweepPoint, type SweepRun } from '../io/sweepJson.js';
import { AnalysisError } from './errors.js';

export type { SweepPoint, SweepRun };
export type SweepPlan = SweepJson;

/** Read `<dir>/sweep.json`; throws AnalysisError when the folder is missing, not a sweep or malformed. */
export function readSweepPlan(dir: string): SweepPlan {
  try {
    return readSweepJson(dir).plan;
  } catch (error) {
    throw new AnalysisError((error as Error).message);
  }
}
