/**
 * The simulation worker thread: runs the real engine into a run folder's CSV files and reports
 * progress to the main thread.
 *
 * Why a thread: `simulate` is synchronous and may run for minutes. On the main thread it would block
 * the event loop, so Ctrl-C could not be handled until the run ended. Here the main thread stays free
 * to stop the worker, delete the temporary folder and exit 130 at once (sim/io/worker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulate } from '../engine/simulate.js';
import { simulateToFiles } from './runFiles.js';
import type { WorkerReply, WorkerTask } from './worker.js';

const PROGRESS_EVERY_MS = 100;

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply);
}

function main(task: WorkerTask): void {
  let last = 0;
  try {
    const result = simulateToFiles(task.dir, task.scenario, simulate, {
      audit: task.audit,
      onDay: (day, days) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && day + 1 < days) return;
        last = now;
        post({ type: 'day', day, days });
      },
    });
    post({ type: 'done', result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', name: e.name, message: e.message, stack: e.stack ?? '' });
  }
}

main(workerData as WorkerTask);
