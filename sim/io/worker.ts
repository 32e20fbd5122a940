/**
 * Run the engine in a worker thread (sim/io/simWorker.ts) and wait for it: the main thread stays free
 * for the progress bar and for Ctrl-C, which stops the worker before the temporary folder is deleted.
 * An error in the engine (an InvariantViolation, say) comes back as an Error with the same name and message.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.js';
import type { RunResult } from '../engine/simulate.js';
import { onInterrupt } from './interrupt.js';
import { WORKER_EXEC_ARGV, workerFile } from './workerBundle.js';
import { RUN_WORKER } from './workerEntries.js';

export interface WorkerTask {
  dir: string;
  scenario: Scenario;
  audit: boolean;
}

export type WorkerReply =
  | { type: 'day'; day: number; days: number }
  | { type: 'done'; result: RunResult }
  | { type: 'error'; name: string; message: string; stack: string };

/** Simulate `task.scenario` into `task.dir` on a worker thread; `onDay` gets throttled progress. */
export async function runInWorker(task: WorkerTask, onDay?: (day: number, days: number) => void): Promise<RunResult> {
  const worker = new Worker(await workerFile(RUN_WORKER), { workerData: task, execArgv: [...WORKER_EXEC_ARGV] });
  const dispose = onInterrupt(async () => {
    await worker.terminate();
  });
  let result: RunResult | undefined;
  let failure: Error | undefined;
  return new Promise<RunResult>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'day') onDay?.(reply.day, reply.days);
      else if (reply.type === 'done') result = reply.result;
      else {
        failure = new Error(reply.message);
        failure.name = reply.name;
        failure.stack = reply.stack;
      }
    });
    worker.on('error', (error) => {
      failure ??= error;
    });
    worker.on('exit', (code) => {
      dispose();
      if (failure !== undefined) reject(failure);
      else if (result !== undefined) resolve(result);
      else reject(new Error(`the simulation worker stopped (exit code ${code}) without a result`));
    });
  });
}
