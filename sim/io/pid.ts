/**
 * Whether a process id on this machine is alive: what lets the program remove a temporary folder or a
 * lock left by a process that was killed (SIGKILL, a lost terminal) and never those of one still at work.
 * `process.kill(pid, 0)` sends nothing; ESRCH means no such process, EPERM one of another user (alive).
 * A reused pid reads as alive, so a leftover may stay a while longer; it is never removed too early.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
