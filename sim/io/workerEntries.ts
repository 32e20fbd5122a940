/**
 * The sources the worker threads start from, one home for the three places that need them: the sweep's
 * pool (sim/sweep/execute.ts), `abundance run`'s thread (sim/io/worker.ts), and the command line's
 * bundle (sim/io/bundle.ts), which builds them with main.ts, so a command started from that bundle
 * starts its threads from the same build instead of bundling them again (sim/io/workerBundle.ts).
 */

/** A sweep's worker (piscina): simulate one run of the plan into its folder. */
export const SWEEP_WORKER = new URL('../sweep/worker.ts', import.meta.url);
/** `abundance run`'s thread: simulate one run, with progress. */
export const RUN_WORKER = new URL('./simWorker.ts', import.meta.url);

/** Every worker source, for the command line's bundle. */
export const WORKER_ENTRIES: readonly URL[] = [SWEEP_WORKER, RUN_WORKER];
