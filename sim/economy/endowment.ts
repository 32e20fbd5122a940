/**
 * Phase 2, endowment: today's hours, in milli-hours. CH = Rmax x hours on (0 while the PC is dead);
 * MH = max(0, work hours x pi - upkeep), upkeep only while the PC is alive. Hours are flows: what is
 * not used today is gone.
 */
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';

export function endowment(w: World): void {
  const a = w.agents;
  const on = w.s.pc.onHoursPerDay;
  const upkeep = w.s.work.upkeepMh;
  for (let i = 0; i < w.n; i++) {
    const alive = a.pcAlive[i] === 1;
    a.endowCh[i] = alive ? Math.round(toMilli(a.rmax[i]! * on)) : 0;
    const mh = a.workHours[i]! * a.pi[i]! - (alive ? upkeep : 0);
    a.endowMh[i] = mh > 0 ? Math.round(toMilli(mh)) : 0;
  }
}
