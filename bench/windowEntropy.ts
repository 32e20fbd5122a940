/**
 * What the trailing windows would take if their values were stored losslessly compressed: the question
 * behind issue 13's memory goal (a million agents in 1 GB), since MODEL.md section 2's exact 30- and
 * 90-day sums need every day's value until it leaves its window, and float32 rings of them
 * (sim/metrics/rolling.ts) are 960 bytes per agent of two-token's 2,000 or so. A benchmark, not a test.
 *
 *   npx tsx bench/windowEntropy.ts [presets = two-token,market,peer-bank] [agents = 2000] [days = 400]
 *
 * For each window of each preset (seed 1), from the values as they entered it (RollingSum.row(0) after
 * every day): the share of zeros; the share equal to the same agent's value the day before; the bytes
 * per agent of an XOR-delta coder over each agent's days (Gorilla's float encoding: Pelkonen et al.,
 * "Gorilla: a fast, scalable, in-memory time series database", VLDB 2015, with 5-bit fields for 32-bit
 * values), averaged over every day after the first; and brotli's bytes per agent (a general-purpose
 * coder at its best setting, as a bound) for the window's last `window` days, each agent's days
 * together. A ring decoded day by day would pay more than either (block starts, random access to the
 * leaving day), so these figures are what compression could at best save.
 */
import { brotliCompressSync } from 'node:zlib';
import { loadScenarioFile } from '../sim/scenario/file.js';
import { simulate } from '../sim/engine/simulate.js';
import { DROP_ROWS } from '../sim/engine/sink.js';
import type { World } from '../sim/engine/world.js';
import type { RollingSum } from '../sim/metrics/rolling.js';
import { CURRENCIES } from '../sim/money/flows.js';

const [presetsArg = 'two-token,market,peer-bank', agentsArg = '2000', daysArg = '400'] = process.argv.slice(2);
const agents = Number(agentsArg);
const days = Number(daysArg);
for (const [name, v] of [['agents', agents], ['days', days]] as const) {
  if (!(Number.isInteger(v) && v >= 2)) throw new Error(`bench/windowEntropy: ${name} must be a whole number >= 2, got ${v}`);
}

/** The per-agent windows a World holds, by name (the Peer Bank's delivered flow, one per token). */
function windowsOf(w: World): [string, RollingSum][] {
  const named: [string, RollingSum][] = [
    ['demand (work worth)', w.workDemand], ['rho: work value', w.workRho], ['rho: net receipts', w.netRho],
    ['income Gini (receipts)', w.receipts30],
  ];
  w.bank?.delivered.forEach((d, k) => named.push([`bank: delivered ${CURRENCIES[k]}`, d]));
  return named;
}

/** One window's running tallies: yesterday's bits and Gorilla's block per agent. */
class Tally {
  values = 0; zeros = 0; same = 0; bits = 0;
  private readonly prev: Uint32Array;
  private readonly lead: Int8Array;
  private readonly trail: Int8Array;
  private started = false;
  constructor(readonly name: string, readonly rs: RollingSum) {
    this.prev = new Uint32Array(rs.n);
    this.lead = new Int8Array(rs.n).fill(-1);
    this.trail = new Int8Array(rs.n).fill(-1);
  }

  /** Today's values (what entered the window today). */
  add(today: Float32Array): void {
    const bitsOf = new Uint32Array(today.buffer, today.byteOffset, today.length);
    for (let i = 0; i < today.length; i++) {
      const v = bitsOf[i]!;
      if (today[i] === 0) this.zeros++;
      if (this.started) {
        this.values++;
        const x = (v ^ this.prev[i]!) >>> 0;
        if (x === 0) { this.same++; this.bits += 1; }
        else {
          const lz = Math.clz32(x);
          const tz = 31 - Math.clz32(x & -x);
          const pl = this.lead[i]!, pt = this.trail[i]!;
          if (pl >= 0 && lz >= pl && tz >= pt) this.bits += 2 + (32 - pl - pt); // '10': inside the last block
          else { this.bits += 2 + 5 + 5 + (32 - lz - tz); this.lead[i] = lz; this.trail[i] = tz; } // '11': a new block
        }
      }
      this.prev[i] = v;
    }
    this.started = true;
  }

  /** brotli's bytes for the window as it stands, each agent's days together. */
  brotliBytes(): number {
    const rs = this.rs, n = rs.n, span = rs.span;
    const buf = new Float32Array(n * span);
    for (let d = 0; d < span; d++) {
      const row = rs.row(d);
      for (let i = 0; i < n; i++) buf[i * span + (span - 1 - d)] = row[i]!;
    }
    return brotliCompressSync(new Uint8Array(buf.buffer)).length;
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
for (const preset of presetsArg.split(',')) {
  const { scenario } = loadScenarioFile(preset, { overrides: { agents, days, seed: 1 } });
  let tallies: Tally[] = [];
  simulate(scenario, DROP_ROWS, {
    onDay: (day, _days, w) => {
      if (day === 0) tallies = windowsOf(w).map(([name, rs]) => new Tally(name, rs));
      for (const t of tallies) if (t.rs.span > 0) t.add(t.rs.row(0));
    },
  });
  console.log(`\n${preset}, ${agents} agents x ${days} days, seed 1: bytes per agent of each window\n`);
  console.log('| window | days | float32 | zeros | same as the day before | XOR-delta (Gorilla) | brotli |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  let f32 = 0, gor = 0, bro = 0;
  for (const t of tallies) {
    if (t.rs.span === 0) continue; // a window of a token the run does not use
    const w = t.rs.window;
    const g = (t.bits / Math.max(1, t.values) / 8) * w;
    const b = t.brotliBytes() / agents;
    f32 += 4 * w; gor += g; bro += b;
    console.log(`| ${t.name} | ${w} | ${4 * w} | ${pct(t.zeros / (t.values + agents))} | ${pct(t.same / Math.max(1, t.values))} | ${g.toFixed(0)} | ${b.toFixed(0)} |`);
  }
  console.log(`| all | | ${f32} | | | ${gor.toFixed(0)} | ${bro.toFixed(0)} |`);
}
