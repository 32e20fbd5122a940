/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP (a closed terminal, a dropped ssh session) while output is being
 * written: run the registered clean-ups (stop the simulation worker, delete temporary folders, release
 * a sweep's lock), newest first, then exit 130 (143 for SIGTERM, 129 for SIGHUP), the shell's code for
 * "killed by that signal". A second signal during clean-up exits at once, unless it
 * comes within a second of the first: Ctrl-C signals the whole process group, and a launcher such as
 * tsx also relays the signal to its child, so one keypress can arrive twice.
 *
 * The handlers are installed only while something is registered, so a process with nothing to
 * clean keeps Node's default behaviour.
 */
type Cleanup = () => void | Promise<void>;

const cleanups: Cleanup[] = [];
let interrupted = false;
let firstAt = 0;
const ECHO_MS = 1000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  const code = EXIT_CODES[signal] ?? 143;
  if (interrupted) {
    if (Date.now() - firstAt < ECHO_MS) return; // the same keypress, relayed
    process.exit(code);
  }
  interrupted = true;
  firstAt = Date.now();
  // After SIGHUP the terminal may be gone: a failed write must not stop the clean-up.
  process.stderr.on('error', () => {});
  try {
    process.stderr.write(`\ninterrupted (${signal}): removing partial output\n`);
  } catch {
    // as above
  }
  for (const fn of [...cleanups].reverse()) {
    try {
      await fn();
    } catch {
      // keep cleaning: one failed clean-up must not leave the others undone
    }
  }
  process.exit(code);
}

const handler = (signal: NodeJS.Signals): void => void onSignal(signal);

/** Register a clean-up for SIGINT/SIGTERM/SIGHUP; call the returned function when it is no longer needed. */
export function onInterrupt(fn: Cleanup): () => void {
  if (cleanups.length === 0) for (const s of SIGNALS) process.on(s, handler);
  cleanups.push(fn);
  return () => {
    const i = cleanups.lastIndexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
    if (cleanups.length === 0) for (const s of SIGNALS) process.off(s, handler);
  };
}
