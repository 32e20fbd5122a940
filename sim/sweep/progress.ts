/**
 * The progress bar of a sweep: runs done of all, runs per second and ETA, drawn on stderr and only
 * when stderr is a terminal (as the day bar of one run, sim/cli/progress.ts). Runs reused by --resume
 * count as done from the start; the rate counts only runs made now.
 */
import cliProgress from 'cli-progress';

export interface RunsProgress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: RunsProgress = { update: () => {}, stop: () => {} };

export function startRunsProgress(label: string, enabled = true): RunsProgress {
  if (!enabled || process.stderr.isTTY !== true) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | run {value}/{total} | {rate} runs/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let first: number | undefined;
  let running = false;
  return {
    update(done, total) {
      first ??= done;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? ((done - first) / seconds).toFixed(2) : '0';
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      } else bar.update(done, { rate });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
