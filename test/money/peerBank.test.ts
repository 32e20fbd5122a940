import { describe, expect, it } from 'vitest';
import { issue, RULES } from '../../sim/money/peerBank.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import { simulate } from '../../sim/engine/simulate.js';
import { memorySink } from '../../sim/engine/sink.js';
import { col } from '../../sim/metrics/columns.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { makeWorld, balances, ledgerSum } from '../helpers/world.js';
import type { World } from '../../sim/engine/world.js';

/** A 3-agent Peer Bank world past its bootstrap; emaDays 1 makes Fbar = today's flow (alpha = 2/2). */
function bankWorld(rule: 'target' | 'peak' | 'capacity', day = 40): World {
  const w = makeWorld({ agents: 3, institutions: { money: 'peer-bank' }, bank: { rule, k: 10, emaDays: 1, bootstrapDays: 30 } });
  w.beginDay(day);
  return w;
}

/** Today's flow of MH tokens and each agent's MH deliveries (the weights of new money). */
function deliver(w: World, flowMilli: number, byAgent: number[]): void {
  w.stats.flow[CUR.mh] = flowMilli;
  byAgent.forEach((v, i) => { w.bank!.deliveredToday[CUR.mh]![i] = v; });
}

describe('money/peerBank RULES (pure: flows, state, k -> bound, target, state)', () => {
  const flows = { fbar: 500, offered: 800, money: 3000 };
  it('target: bound k Fbar - M, target k Fbar, state kept', () => {
    // 10 x 500 - 3000 = 2000; target 10 x 500 = 5000.
    expect(RULES.target(flows, { peak: 700 }, 10)).toEqual({ bound: 2000, target: 5000, state: { peak: 700 } });
    // Money above k Fbar: a negative bound (issues nothing), the target the contraction compares with.
    expect(RULES.target({ ...flows, money: 8000 }, { peak: 0 }, 10)).toEqual({ bound: -3000, target: 5000, state: { peak: 0 } });
  });
  it('peak: bound k (Fbar - peak), the peak rises to Fbar, no contraction target', () => {
    // 10 x (500 - 450) = 500; peak max(450, 500) = 500; money plays no part.
    const up = RULES.peak(flows, { peak: 450 }, 10);
    expect(up.bound).toBe(500);
    expect(up.state).toEqual({ peak: 500 });
    expect(up.target).toBeNaN();
    // After a dip, 10 x (400 - 450) = -500 (nothing issued) and the peak stays 450.
    expect(RULES.peak({ ...flows, fbar: 400 }, { peak: 450 }, 10)).toMatchObject({ bound: -500, state: { peak: 450 } });
  });
  it('capacity: as target with the EMA of hours offered in place of Fbar', () => {
    // 10 x 800 - 3000 = 5000; target 10 x 800 = 8000.
    expect(RULES.capacity(flows, { peak: 1 }, 10)).toEqual({ bound: 5000, target: 8000, state: { peak: 1 } });
  });
});

describe('money/peerBank', () => {
  it('rule target issues k x Fbar - M, pro rata to the suppliers\' delivered flow', () => {
    const w = bankWorld('target');
    w.ledger.post(CUR.mh, KIND.issuance, w.ledger.bank, 0, 1000); // M = 1000 milli already in circulation
    deliver(w, 500, [0, 300, 100]);
    issue(w);
    // k x Fbar - M = 10 x 500 - 1000 = 4000, split 3:1 between agents 1 and 2 -> 3000 and 1000.
    expect(w.stats.issued[CUR.mh]).toBe(4000);
    expect(balances(w, 'mh')).toEqual([1000, 3000, 1000]);
    expect(ledgerSum(w, 'mh')).toBe(0);
  });

  it('rule target issues nothing and raises demurrage while money exceeds k x Fbar', () => {
    const w = bankWorld('target');
    w.ledger.post(CUR.mh, KIND.issuance, w.ledger.bank, 0, 8000);
    deliver(w, 400, [0, 1, 0]);
    issue(w);
    // target 10 x 400 = 4000 < M = 8000: no issuance; extra rate = 0.5 x (1 - 4000/8000) = 0.25 a year.
    expect(w.stats.issued[CUR.mh]).toBe(0);
    expect(w.bank!.extraRate[CUR.mh]).toBeCloseTo(0.25, 12);
  });

  it('rule peak issues only for a rise above the highest flow, and nothing after a dip', () => {
    const w = bankWorld('peak');
    w.bank!.peak[CUR.mh] = 100;
    deliver(w, 120, [5, 0, 0]);
    issue(w);
    expect(w.stats.issued[CUR.mh]).toBe(200); // 10 x (120 - 100)
    expect(w.bank!.peak[CUR.mh]).toBe(120);
    w.beginDay(41);
    deliver(w, 90, [5, 0, 0]); // a dip
    issue(w);
    w.beginDay(42);
    deliver(w, 115, [5, 0, 0]); // a recovery that stays below the peak
    issue(w);
    expect(w.stats.issued[CUR.mh]).toBe(0);
    expect(balances(w, 'mh')).toEqual([200, 0, 0]);
  });

  it('during the bootstrap the flow is what the bank paid for inputs, and the money phase issues nothing more', () => {
    const w = bankWorld('peak', 3);
    deliver(w, 5000, [1, 1, 1]); // payments between agents do not count in the bootstrap
    w.stats.issued[CUR.mh] = 700; // what the input markets had the bank pay today
    issue(w);
    expect(w.bank!.flowEma[CUR.mh]).toBe(700);
    expect(w.bank!.peak[CUR.mh]).toBe(700);
    expect(w.bank!.issuedToday[CUR.mh]).toBe(0);
    expect(balances(w, 'mh')).toEqual([0, 0, 0]);
  });

  it('a peer-bank run: the bootstrap pays inputs with new tokens, then money follows k times the flow', () => {
    const { scenario } = loadScenarioFile('peer-bank', { overrides: { agents: 150, days: 400, seed: 4 } });
    const sink = memorySink();
    simulate(scenario, sink, { audit: true });
    const rows = sink.run.metrics;
    const v = (d: number, name: string) => rows[d]![col(name)]!;
    // Bootstrap: every token issued paid for a delivered input, and nobody is in debt (positive balances).
    for (let d = 0; d < 30; d++) expect(v(d, 'issued_mh')).toBeGreaterThan(0);
    expect(rows.every((r) => r[col('credit_ch')] === 0 && r[col('credit_mh')] === 0)).toBe(true);
    // After it, the CH money of rule target stays within 20 % of k x its flow EMA on average.
    const ratios = rows.slice(200).map((r) => r[col('money_ch')]! / r[col('flow_ema_ch')]!);
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(Math.abs(mean - 30) / 30).toBeLessThan(0.2);
    // Demurrage is burned, not paid out as a dividend.
    expect(rows.some((r) => r[col('burned_mh')]! > 0)).toBe(true);
    expect(sink.run.flows.some((f) => f.kind === 'dividend')).toBe(false);
  });
});
