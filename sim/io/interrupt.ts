/**
 * Ctrl-C (SIGINT) and SIGTERM while output is being written: run the registered clean-ups (stop the
 * simulation worker, delete temporary folders), newest first, then exit 130 (143 for SIGTERM), the
 * shell's code for "killed by that signal". A second signal during clean-up exits at once, unless it
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

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  const code = signal === 'SIGINT' ? 130 : 143;
  if (interrupted) {
    if (Date.now() - firstAt < ECHO_MS) return; // the same keypress, relayed
    process.exit(code);
  }
  interrupted = true;
  firstAt = Date.now();
  process.stderr.write(`\ninterrupted (${signal}): removing partial output\n`);
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

/** Register a clean-up for SIGINT/SIGTERM; call the returned function when it is no longer needed. */
export function onInterrupt(fn: Cleanup): () => void {
  if (cleanups.length === 0) {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
  cleanups.push(fn);
  return () => {
    const i = cleanups.lastIndexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
    if (cleanups.length === 0) {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    }
  };
}
