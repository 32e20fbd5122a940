/**
 * The trailing windows (MODEL.md phase 12, after the invariants and before the metrics row): today's
 * work worth (budgets, sim/economy/budget.ts, and loans, sim/markets/lend.ts), work value and net
 * receipts (rho, sim/economy/participation.ts) enter the per-agent windows that tomorrow reads, and the 30-day receipts of the
 * income Gini; the agents' totals of agents.csv grow; the money windows behind `flow_ema_x` and
 * `velocity_x` roll. The metrics row (sim/metrics/observe.ts) only reads them.
 */
import type { World } from '../engine/world.js';

export function rollWindows(w: World): void {
  const a = w.agents;
  const n = w.n;
  const net = w.bufA;
  for (let i = 0; i < n; i++) {
    net[i] = a.receiptsToday[i]! - a.inputPayToday[i]!;
    a.receiptsTotal[i]! += a.receiptsToday[i]!;
    a.workValueTotal[i]! += a.workValueToday[i]!;
  }
  w.workDemand.push(a.workWorthToday); // budgets and loans: what the work is worth (produce.ts)
  w.workRho.push(a.workValueToday);
  w.netRho.push(net);
  w.receipts30.push(a.receiptsToday);
  const span = 2 / (w.s.bank.emaDays + 1);
  const L = w.ledger;
  for (const cur of w.currencies) {
    const b = L.balance[cur]!;
    let pos = 0;
    const bank = L.bank; // the last account: every account before it holds money
    for (let acc = 0; acc < bank; acc++) {
      const v = b[acc]!;
      if (v > 0) pos += v;
    }
    const flow = w.stats.flow[cur]!;
    w.flowEma[cur] = w.flowEma[cur]! + (flow - w.flowEma[cur]!) * span;
    w.payments365[cur]!.push(flow);
    w.money365[cur]!.push(pos);
  }
}
