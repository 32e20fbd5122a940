/**
 * agents.csv rows: one per agent every `observe.agentsEveryDays` days and at the end (MODEL.md
 * section 10), in the order of AGENT_COLUMNS.
 */
import { AGENT_COLUMNS } from './agentColumns.js';
import { rho } from '../economy/participation.js';
import { CUR } from '../money/ledger.js';
import type { World } from '../engine/world.js';
import type { RunSink } from '../engine/sink.js';
import { fromMilli } from '../money/milli.js';

const row = new Float64Array(AGENT_COLUMNS.length);

export function agentRows(w: World, sink: RunSink): void {
  const a = w.agents;
  const L = w.ledger;
  for (let i = 0; i < w.n; i++) {
    const slot = a.slot[i]!;
    const f = w.factor(i, slot);
    let k = 0;
    row[k++] = w.day;
    row[k++] = i;
    row[k++] = a.cpuRich[i] === 1 ? 0 : 1;
    row[k++] = a.pcAlive[i] === 1 ? a.rmax[i]! : 0;
    row[k++] = a.pcAgeDays[i]!;
    row[k++] = a.pi[i]!;
    row[k++] = w.genreOf(i);
    row[k++] = f;
    row[k++] = 1 / f;
    row[k++] = w.s.goods.baseMh * f;
    row[k++] = w.baseCh * f;
    row[k++] = a.goodsMade[i]!;
    row[k++] = a.funded[i]!;
    row[k++] = a.refunded[i]!;
    row[k++] = rho(w, i);
    row[k++] = a.receiptsTotal[i]!;
    row[k++] = a.workValueTotal[i]!;
    const tokens = w.hasMoney && !w.single;
    row[k++] = tokens ? fromMilli(L.balance[CUR.ch]![i]!) : NaN;
    row[k++] = tokens ? fromMilli(L.balance[CUR.mh]![i]!) : NaN;
    row[k++] = tokens ? fromMilli(-L.floor[CUR.ch]![i]!) : NaN;
    row[k++] = tokens ? fromMilli(-L.floor[CUR.mh]![i]!) : NaN;
    row[k++] = a.status[i]!;
    row[k++] = w.single ? fromMilli(L.balance[CUR.cur]![i]!) : NaN;
    row[k++] = w.pricing.ownMarkup ? a.markup[i]! : NaN;
    sink.agent(row);
  }
}
