/**
 * The progress bar of a run: days done, days per second and ETA, drawn on stderr and only when stderr
 * is a terminal. Piped or redirected output gets nothing extra, so logs and CI stay clean.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** `day` is the index of the day just simulated (from 0), `days` the run's length. */
  update(day: number, days: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/** A bar labelled `label`, or a silent one when disabled or stderr is not a terminal. */
export function startProgress(label: string, enabled = true): Progress {
  if (!enabled || process.stderr.isTTY !== true) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | day {value}/{total} | {rate} days/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(day, days) {
      const done = day + 1;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      if (!running) {
        bar.start(days, 0, { rate: 0 });
        running = true;
      }
      bar.update(done, { rate });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
