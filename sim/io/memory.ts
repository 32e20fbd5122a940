/**
 * How much memory a run needs, and the refusal of runs that would not fit: `agents: 10,000,000` was
 * accepted and took 5 GB within a minute. Checked before the first day (and before any folder is
 * made), so a run that cannot fit stops with exit 2 and a size, not with the machine swapping.
 *
 * The estimate, measured (docs/performance.md; `npm run bench`, bytes per agent = peak RSS above a 1-agent
 * run, 100,000 agents, 100 days): 2,571-3,201 bytes per agent with the default windows. Of those, the
 * rolling windows (sim/metrics/rolling.ts: 4 bytes per agent and day of each window) were 960 bytes
 * (1,296 for peer-bank, whose bank.emaDays window was kept for three currencies; since issue 13's seventh
 * round for its two tokens only, 1,184); the rest, 1,611-1,905 with money
 * and 605 for gift, is the agent table and the day's work. So: FIXED_BYTES + agents x (base + 25 per
 * liked genre + 4 per window day). Checked on 2026-12-06 (peak RSS of `simulate`, 200,000 agents,
 * 100 days): peer-bank 681 MB against an estimate of 899 MB, gift 402 MB against 587 MB; gift at
 * 1,000,000 agents for 10 days (windows not yet full) 745 MB against 1.6 GB.
 * Node-only (os.totalmem), so it lives in sim/io, not in the browser-safe scenario code.
 */
import { totalmem } from 'node:os';
import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/schema.js';
import { MONEY_KINDS } from '../money/kinds/index.js';
import { BANK_TOKENS } from '../money/peerBank.js';

/** Peak RSS of a 1-agent run: Node, the engine and the report's chart renderer (measured 112-115 MB, doubled). */
const FIXED_BYTES = 256 * 2 ** 20;
/** Per agent outside the windows, with money: the measured 1,611-1,905 bytes rounded up (since issue 13,
 * 16 more: the day's R&D bids, World.rndBid; two-token measured 2,295-2,333 in all at 100,000 agents). */
const BASE_BYTES = 2000;
/** Per agent outside the windows, without money (gift: no ledger accounts or pledges): 605 measured. */
const BASE_BYTES_GIFT = 700;
/** Per agent and liked genre: a Uint8 genre and three Float64 (recipe factor, technique, output). */
const LIKED_BYTES = 25;
/** Per agent and window day: a Float32 in a RollingSum ring. */
const WINDOW_DAY_BYTES = 4;
/** Share of the machine's memory a run (or the runs in flight) may take: the rest is the system's. */
export const MEMORY_SHARE = 0.8;

/** The bytes one run of `s` needs, about. */
export function runBytes(s: Scenario): number {
  const money = MONEY_KINDS[s.institutions.money];
  const windowDays = s.demand.windowDays + 2 * s.participation.rhoWindowDays + 30
    + (money.bank ? BANK_TOKENS.length * Math.max(1, Math.round(s.bank.emaDays)) : 0);
  const base = money.currencies.length === 0 ? BASE_BYTES_GIFT : BASE_BYTES;
  return FIXED_BYTES + s.agents * (base + LIKED_BYTES * s.genres.liked + WINDOW_DAY_BYTES * windowDays);
}

const gb = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(bytes < 10 * 2 ** 30 ? 1 : 0)} GB`;

/**
 * Refuse (ScenarioError naming `agents`, exit 2) when the largest run, `inFlight` at a time, needs more
 * than MEMORY_SHARE of `machineBytes` (the machine's memory; a parameter so tests can pass a figure).
 */
export function checkMemory(
  runs: readonly { scenario: Scenario; origin: string }[],
  inFlight = 1,
  machineBytes: number = totalmem(),
): void {
  let worst: { scenario: Scenario; origin: string; bytes: number } | undefined;
  for (const r of runs) {
    const bytes = runBytes(r.scenario);
    if (worst === undefined || bytes > worst.bytes) worst = { ...r, bytes };
  }
  if (worst === undefined) return;
  const at = Math.max(1, Math.min(inFlight, runs.length));
  const need = worst.bytes * at;
  const room = machineBytes * MEMORY_SHARE;
  if (need <= room) return;
  const agents = worst.scenario.agents.toLocaleString('en-US');
  const runsText = at > 1 ? ` each, ${gb(need)} for ${at} runs at a time` : '';
  const fit = Math.max(0, Math.floor(((room / at) - FIXED_BYTES) / ((worst.bytes - FIXED_BYTES) / worst.scenario.agents)));
  throw new ScenarioError(
    `${worst.origin}: agents: ${agents} agents need about ${gb(worst.bytes)}${runsText}; this machine has ${gb(machineBytes)} ` +
      `(a run may use ${Math.round(MEMORY_SHARE * 100)} %): at most about ${fit.toLocaleString('en-US')} agents${at > 1 ? ` with ${at} at a time (fewer --workers fit more)` : ''}`,
    worst.origin,
    'agents',
  );
}
